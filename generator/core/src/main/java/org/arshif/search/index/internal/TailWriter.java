package org.arshif.search.index.internal;

import java.io.ByteArrayOutputStream;

/**
 * Writes a tail file {@code l.<h>.bin} (long postings lists, one gzip member each, see {@link TailMembers}) and
 * its positions {@code y.<h>.json.gz}.
 */
record TailWriter(
        InvertedIndex index, PostingEncoder encoder, IndexSettings settings, IndexFiles files, TailMembers members) {

    /** Writes tail group {@code g} of the given terms; returns the hash both its files are named by. */
    String write(int g, int[] group) {
        ByteArrayOutputStream postings = new ByteArrayOutputStream(settings.tailTarget() / 2);
        int[] sizes = new int[group.length];
        Json positions = new Json(settings.tailTarget() * 2 + 1024);
        positions.ch('{').key("x").ch('[');
        for (int i = 0; i < group.length; i++) {
            byte[] member = members.member(group[i], group);
            postings.writeBytes(member);
            sizes[i] = member.length;
            positions.raw(i > 0 ? "," : "").ch('"');
            positions.builder().append(members.positions(group[i]));
            positions.ch('"');
        }
        positions.ch(']').ch('}');
        byte[] postingsBytes = postings.toByteArray();
        String positionsJson = positions.toString();
        String h = Blob.hash(postingsBytes, positionsJson);
        members.written(g, h, sizes);
        files.putRaw(IndexFileKind.TAIL.named(h), postingsBytes);
        files.putJson(IndexFileKind.TAIL_POSITIONS.named(h), positionsJson, IndexFormat.POSITIONS_LEVEL);
        return h;
    }
}
