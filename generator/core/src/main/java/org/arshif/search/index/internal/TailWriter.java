package org.arshif.search.index.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a tail file {@code l.<h>.bin} (long postings lists, one gzip member each, see {@link TailMembers}) and,
 * apart, its positions {@code y.<h>.json.gz}: each named by the hash of its own content (format 11), so that an edit
 * that moves only positions (inside a body) writes the tail's positions file and keeps its postings file.
 */
record TailWriter(
        InvertedIndex index, PostingEncoder encoder, IndexSettings settings, IndexFiles files, TailMembers members) {

    /** Writes the postings of tail group {@code g} of the given terms; returns the hash its file is named by. */
    String write(int g, int[] group) {
        ByteArrayOutputStream postings = new ByteArrayOutputStream(settings.tailTarget() / 2);
        int[] sizes = new int[group.length];
        for (int i = 0; i < group.length; i++) {
            byte[] member = members.member(group[i], group);
            postings.writeBytes(member);
            sizes[i] = member.length;
        }
        byte[] postingsBytes = postings.toByteArray();
        String h = Blob.hash(postingsBytes);
        members.written(g, h, sizes);
        files.putRaw(IndexFileKind.TAIL.named(h), postingsBytes);
        return h;
    }

    /**
     * Writes the positions of the given terms' long lists, in group order; returns the hash its file is named by. Its
     * gzip is one piece per list ({@link GzipPieces}): a list's piece a live server's last run deflated is taken as it
     * was, so that an edit inside a body deflates only the lists whose positions it moved (the first piece, the file's
     * start and its first list, too, when the file starts with the same list).
     */
    String writePositions(int[] group) {
        Json positions = new Json(settings.tailTarget() * 2 + 1024);
        positions.ch('{').key("x").ch('[');
        List<byte[]> pieces = new ArrayList<>(group.length + 1);
        for (int i = 0; i < group.length; i++) {
            LiveParts.TailPositions list = members.positions(group[i], i > 0);
            if (i == 0) {
                pieces.add(list.first().get(() -> members.gzip().piece("{\"x\":[\"" + list.vlq() + "\"")));
            } else {
                pieces.add(list.piece());
            }
            positions.raw(i > 0 ? "," : "").ch('"');
            positions.builder().append(list.vlq());
            positions.ch('"');
        }
        positions.ch(']').ch('}');
        pieces.add(GzipPieces.closing());
        String positionsJson = positions.toString();
        byte[] data = positionsJson.getBytes(StandardCharsets.UTF_8);
        String h = Blob.hash(data);
        String name = IndexFileKind.TAIL_POSITIONS.named(h);
        if (!files.keep(name)) {
            files.putRaw(name, GzipPieces.join(data, pieces));
        }
        return h;
    }
}
