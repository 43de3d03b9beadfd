package org.arshif.internal.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.JsonScalarResolver;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;

/** The composer's shortcut past the scalar resolver gives the resolver's own tag for every first character. */
class YamlComposerResolveTest {
    /** As YamlReader builds its settings. */
    private static final ScalarResolver RESOLVER =
            LoadSettings.builder().build().getSchema().getScalarResolver();

    /** Tails that complete a typed form after its first character, and some that do not. */
    private static final List<String> TAILS =
            List.of("", "ull", "rue", "alse", "1", "0", ".5", "e3", "inf", "nan", "{x}", "{ X }", " text", "x");

    @Test
    void everyFirstCharacterResolvesAsTheResolverDoes() {
        assertInstanceOf(JsonScalarResolver.class, RESOLVER, "the shortcut is for the JSON schema's resolver");
        int shortcuts = 0;
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            if (Character.isSurrogate(c)) {
                continue;
            }
            for (String tail : TAILS) {
                String value = c + tail;
                for (boolean plain : new boolean[] {true, false}) {
                    assertEquals(
                            RESOLVER.resolve(value, plain),
                            YamlComposer.resolve(RESOLVER, value, plain),
                            () -> "'" + value + "', plain " + plain);
                }
            }
            if (YamlComposer.JSON_TYPED_FIRST.indexOf(c) < 0) {
                shortcuts++;
            }
        }
        assertEquals(Tag.NULL, YamlComposer.resolve(RESOLVER, "", true), "the empty plain scalar is asked");
        assertEquals(Character.MAX_VALUE - 2048 - 16, shortcuts, "all but the typed forms' 16 first characters");
    }
}
