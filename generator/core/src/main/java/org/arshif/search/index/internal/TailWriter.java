package org.arshif.search.index.internal;

import java.io.ByteArrayOutputStream;

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

    /** Writes the positions of the given terms' long lists, in group order; returns the hash its file is named by. */
    String writePositions(int[] group) {
        Json positions = new Json(settings.tailTarget() * 2 + 1024);
        positions.ch('{').key("x").ch('[');
        for (int i = 0; i < group.length; i++) {
            positions.raw(i > 0 ? "," : "").ch('"');
            positions.builder().append(members.positions(group[i]));
            positions.ch('"');
        }
        positions.ch(']').ch('}');
        String positionsJson = positions.toString();
        String h = Blob.hash(positionsJson);
        files.putJson(IndexFileKind.TAIL_POSITIONS.named(h), positionsJson, IndexFormat.POSITIONS_LEVEL);
        return h;
    }
}
