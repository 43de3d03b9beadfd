package org.arshif.content.wire;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.arshif.config.WireSettings;

/**
 * Chooses a plain-text dispatch's agency profile: the one set for its folder ({@code agencyProfiles}, the deepest
 * folder wins), else the first, in order, whose dateline the text has, else the first whose end marker it has. Immutable and thread-safe.
 */
public final class WireForms {
    private final List<WireForm> forms;
    private final Map<String, String> folders;

    public WireForms(WireSettings settings) {
        this.forms = settings.profiles().stream().map(WireForm::new).toList();
        this.folders = settings.folders();
    }

    /**
     * @param path  the file, {@code content/…}
     * @param lines the text's lines
     */
    public Optional<WireForm> choose(String path, String[] lines) {
        String rel = path.startsWith("content/") ? path.substring("content/".length()) : path;
        String best = null;
        for (String folder : folders.keySet()) {
            if (rel.startsWith(folder + "/") && (best == null || folder.length() > best.length())) {
                best = folder;
            }
        }
        if (best != null) {
            String name = folders.get(best);
            return forms.stream().filter(f -> f.name().equals(name)).findFirst();
        }
        // A dateline says more than an end marker: a Reuters story that ends in NNNN is Reuters, not SPA.
        Optional<WireForm> byDateline =
                forms.stream().filter(f -> f.hasDateline(lines)).findFirst();
        return byDateline.isPresent()
                ? byDateline
                : forms.stream().filter(f -> f.hasEnd(lines)).findFirst();
    }
}
