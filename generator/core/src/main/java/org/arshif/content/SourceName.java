package org.arshif.content;

import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.arshif.config.Language;

/** What a file name says: its format, and the slug stem, language suffix and date prefix it carries. */
record SourceName(SourceFormat format, String stem, Optional<String> langSuffix, String datePrefix) {
    private static final Pattern DATE_PREFIX = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})[-_ ]?(.*)$");

    static SourceName of(String path) {
        // File names become slugs and translation links: NFC like the text (macOS writes names in NFD).
        String fileName = Normalizer.normalize(path.substring(path.lastIndexOf('/') + 1), Normalizer.Form.NFC);
        String extension = fileName.substring(fileName.lastIndexOf('.') + 1);
        SourceFormat format = extension.equals("txt") ? SourceFormat.AGENCY_TEXT : SourceFormat.MARKDOWN;
        String stem = fileName.substring(0, fileName.length() - extension.length() - 1);
        int folder = path.lastIndexOf('/');
        if (Media.isBundleIndex(fileName) && folder > 0) {
            // A page bundle is named by its folder, as in Hugo: content/ar/2017-05-04-x/index.md is x.
            String dir = path.substring(0, folder);
            stem = Normalizer.normalize(dir.substring(dir.lastIndexOf('/') + 1), Normalizer.Form.NFC);
        }
        Optional<String> langSuffix = Optional.empty();
        Matcher lm = DispatchReader.LANG_SUFFIX.matcher(stem);
        if (lm.matches() && Language.byCode(lm.group(2)).isPresent()) {
            langSuffix = Optional.of(lm.group(2));
            stem = lm.group(1);
        }
        String datePrefix = null;
        Matcher dm = DATE_PREFIX.matcher(stem);
        if (dm.matches()) {
            datePrefix = dm.group(1);
            if (!dm.group(2).isEmpty()) {
                stem = dm.group(2);
            }
        }
        return new SourceName(format, stem, langSuffix, datePrefix);
    }
}
