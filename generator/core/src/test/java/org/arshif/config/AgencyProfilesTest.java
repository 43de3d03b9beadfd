package org.arshif.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.arshif.diag.Diagnostic;
import org.arshif.diag.Diagnostics;
import org.arshif.internal.SourceText;
import org.junit.jupiter.api.Test;

/** Agency profiles: the built-in ones, a newsroom's own under {@code agencies:}, and where each applies. */
class AgencyProfilesTest {
    static SiteConfig parse(String yaml, Diagnostics d) {
        return ConfigLoader.parse(new SourceText("arshif.yml", yaml), d);
    }

    @Test
    void theBuiltInProfilesInDetectionOrder() {
        assertEquals(
                List.of("sana-ar", "sana-en", "spa", "wire-ar", "wire-en"),
                AgencyProfiles.builtIn().stream().map(AgencyProfile::name).toList());
        assertEquals(AgencyProfiles.builtIn(), SiteConfig.defaults().wire().profiles());
        assertEquals(false, SiteConfig.defaults().wire().showHijri());
    }

    @Test
    void aNewsroomsProfileComesFirstAndReplacesABuiltInOfItsName() {
        Diagnostics d = new Diagnostics();
        SiteConfig c = parse("""
                agencies:
                  kuna:
                    datelines: ['^(?P<city>\\pL+) +\\((?P<agency>كونا)\\) +-- +']
                    ends: ['^\\(النهاية\\)']
                  spa:
                    datelines: ['^(?P<city>\\pL+) +واس']
                agencyProfiles:
                  ar/kuna/: kuna
                  ar/spa: spa
                showHijri: true
                """, d);
        assertEquals(List.of(), d.sorted());
        assertEquals(
                List.of("kuna", "spa", "sana-ar", "sana-en", "wire-ar", "wire-en"),
                c.wire().profiles().stream().map(AgencyProfile::name).toList());
        assertEquals(
                new AgencyProfile("spa", List.of("^(?P<city>\\pL+) +واس"), List.of(), List.of(), List.of()),
                c.wire().profiles().get(1));
        assertEquals(Map.of("ar/kuna", "kuna", "ar/spa", "spa"), c.wire().folders());
        assertEquals(true, c.wire().showHijri());
        // The list form still names the agencies of the CITY-AGENCY dateline; the mapping form keeps the default.
        assertEquals(SiteConfig.DEFAULT_AGENCIES, c.agencies());
    }

    @Test
    void everyMistakeInAProfileIsFoundAtItsLine() {
        Diagnostics d = new Diagnostics();
        SiteConfig c = parse("""
                agencies:
                  kuna:
                    datelines:
                      - '^(?P<city>\\pL+) (?=كونا)'
                      - '^\\pL+ كونا'
                    ends: ['(unclosed']
                    endings: []
                  Bad Name: {}
                  plain: text
                agencyProfiles:
                  ar/kuna: kuma
                """, d);
        assertEquals(
                List.of(
                        "arshif.yml:4:9: error: datelines: '^(?P<city>\\pL+) (?=كونا)' is not a valid regular expression:"
                                + " invalid or unsupported Perl syntax at '(?=' (patterns are RE2 syntax: no look-around such"
                                + " as (?=…), no back-references such as \\1)",
                        "arshif.yml:5:9: error: datelines: '^\\pL+ كونا' has no group (?P<city>…); add one around the city",
                        "arshif.yml:6:12: error: ends: '(unclosed' is not a valid regular expression: missing closing ) at"
                                + " '(unclosed' (patterns are RE2 syntax: no look-around such as (?=…), no back-references"
                                + " such as \\1)",
                        "arshif.yml:7:5: error: unknown agency profile key 'endings'; known keys: categories, continuations,"
                                + " datelines, ends",
                        "arshif.yml:8:3: error: agency profile name 'Bad Name' must be lower-case letters, digits and '-',"
                                + " like 'spa' or 'my-agency'",
                        "arshif.yml:9:10: error: agency profile 'plain' must be a mapping with datelines, ends, categories"
                                + " and continuations, but it is a string",
                        "arshif.yml:11:12: error: agencyProfiles: 'ar/kuna' names the profile 'kuma', which does not exist;"
                                + " did you mean 'kuna'?"),
                d.sorted().stream().map(Diagnostic::format).toList());
        assertEquals(List.of(), c.wire().profiles().get(0).datelines(), "no unusable pattern is kept");
    }
}
