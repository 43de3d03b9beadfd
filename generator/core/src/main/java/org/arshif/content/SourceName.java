package org.arshif.content;

import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.arshif.config.Language;

/**
 * What a file's path says: its format, and the slug stem, language suffix and date it carries.
 *
 * @param datePrefix the date its name starts with ({@code 2015-07-21-x.md}), else the date of the folders it is in
 *     ({@code 2015/07/21/x.md}), as YYYY-MM-DD; null for neither
 * @param dateFolders the folders as written ({@code 2015/7/21/}) when the date is theirs, else null
 */
record SourceName(
        SourceFormat format, String stem, Optional<String> langSuffix, String datePrefix, String dateFolders) {
    private static final Pattern DATE_PREFIX = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})[-_ ]?(.*)$");
    /** Year, month and day folders right above the file (or its bundle's folder): {@code 2015/07/21/}. */
    private static final Pattern DATE_FOLDERS = Pattern.compile("(?:^|/)(\\d{4})/(\\d{1,2})/(\\d{1,2})$");

    static SourceName of(String path) {
        // File names become slugs and translation links: NFC like the text (macOS writes names in NFD).
        String fileName = Normalizer.normalize(path.substring(path.lastIndexOf('/') + 1), Normalizer.Form.NFC);
        String extension = fileName.substring(fileName.lastIndexOf('.') + 1);
        SourceFormat format = extension.equals("txt") ? SourceFormat.AGENCY_TEXT : SourceFormat.MARKDOWN;
        String stem = fileName.substring(0, fileName.length() - extension.length() - 1);
        Optional<String> langSuffix = languageSuffix(stem);
        stem = withoutSuffix(stem, langSuffix);
        int folder = path.lastIndexOf('/');
        if (Media.isBundleIndex(fileName) && folder > 0) {
            // A page bundle is named by its folder, as in Hugo: content/ar/2017-05-04-x/index.md is x, and
            // content/posts/x/index.ar.md is x in Arabic.
            String dir = path.substring(0, folder);
            stem = Normalizer.normalize(dir.substring(dir.lastIndexOf('/') + 1), Normalizer.Form.NFC);
            if (langSuffix.isEmpty()) {
                langSuffix = languageSuffix(stem);
                stem = withoutSuffix(stem, langSuffix);
            }
        }
        String datePrefix = null;
        Matcher dm = DATE_PREFIX.matcher(stem);
        if (dm.matches()) {
            datePrefix = dm.group(1);
            if (!dm.group(2).isEmpty()) {
                stem = dm.group(2);
            }
        }
        String dateFolders = null;
        if (datePrefix == null) {
            // Archives kept by day (ar/2015/07/21/0001.txt) say the date with their folders, as others with names.
            Matcher fm = dayFolders(path);
            if (fm != null) {
                dateFolders = fm.group(1) + "/" + fm.group(2) + "/" + fm.group(3) + "/";
                datePrefix = fm.group(1) + "-" + twoDigits(fm.group(2)) + "-" + twoDigits(fm.group(3));
            }
        }
        return new SourceName(format, stem, langSuffix, datePrefix, dateFolders);
    }

    /** The language code a name ends with ({@code x.ar}), when it is one Arshif knows. */
    private static Optional<String> languageSuffix(String name) {
        Matcher m = DispatchReader.LANG_SUFFIX.matcher(name);
        return m.matches() && Language.byCode(m.group(2)).isPresent() ? Optional.of(m.group(2)) : Optional.empty();
    }

    private static String withoutSuffix(String name, Optional<String> suffix) {
        return suffix.map(code -> name.substring(0, name.length() - code.length() - 1))
                .orElse(name);
    }

    /** True when the file (or its bundle's folder) is in year, month and day folders: {@code 2015/07/21/x.txt}. */
    static boolean isInDayFolders(String path) {
        return dayFolders(path) != null;
    }

    private static Matcher dayFolders(String path) {
        int folder = path.lastIndexOf('/');
        String dir = folder > 0 ? path.substring(0, folder) : "";
        if (Media.isBundleIndex(path.substring(folder + 1)) && dir.lastIndexOf('/') > 0) {
            dir = dir.substring(0, dir.lastIndexOf('/'));
        }
        Matcher m = DATE_FOLDERS.matcher(dir);
        return m.find() ? m : null;
    }

    private static String twoDigits(String digits) {
        return digits.length() == 1 ? "0" + digits : digits;
    }

    /** What says the date, for a finding about it. */
    String dateSaidBy() {
        return dateFolders != null
                ? "the folders '" + dateFolders + "' say '" + datePrefix + "'"
                : "the file name starts with '" + datePrefix + "'";
    }

    /** How to write the date where it was found. */
    String dateFix() {
        return dateFolders != null
                ? "rename the folders with a real date, YYYY/MM/DD/"
                : "rename it with a real YYYY-MM-DD date";
    }
}
