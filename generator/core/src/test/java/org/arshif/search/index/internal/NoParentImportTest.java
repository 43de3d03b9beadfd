package org.arshif.search.index.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The index writer's internals never refer to their parent package {@code org.arshif.search.index} (no package
 * cycle): read from the compiled classes' constant pools, where every type a class uses is named.
 */
class NoParentImportTest {
    private static final String PARENT = "org/arshif/search/index/";

    @Test
    void internalClassesNameNoTypeOfTheParentPackage() throws Exception {
        Path classes = Path.of(IndexBuild.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        Path dir = classes.resolve("org/arshif/search/index/internal");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".class")).sorted().toList();
        }
        assertTrue(files.size() > 10, "the internal package's classes are found in " + dir);
        TreeSet<String> found = new TreeSet<>();
        for (Path f : files) {
            try (InputStream in = Files.newInputStream(f)) {
                for (String s : utf8Constants(new DataInputStream(in))) {
                    int at = s.indexOf(PARENT);
                    while (at >= 0) {
                        String rest = s.substring(at + PARENT.length());
                        String name = rest.split("[;<>)\\[]")[0];
                        if (!name.contains("/")) {
                            found.add(f.getFileName() + " -> " + name);
                        }
                        at = s.indexOf(PARENT, at + 1);
                    }
                }
            }
        }
        assertEquals(new TreeSet<String>(), found, "internal classes that use their parent package");
    }

    /** The CONSTANT_Utf8 entries of a class file: class names, descriptors and signatures among them. */
    static List<String> utf8Constants(DataInputStream in) throws IOException {
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        List<String> out = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> out.add(in.readUTF());
                case 7, 8, 16, 19, 20 -> in.skipNBytes(2);
                case 15 -> in.skipNBytes(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                case 5, 6 -> {
                    in.skipNBytes(8);
                    i++; // a long or double takes two entries
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        return out;
    }
}
