package org.arshif.search.index.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.arshif.internal.Fingerprint.Hash128;
import org.arshif.internal.Parallel;
import org.arshif.search.SearchDocument;

/**
 * The first phase: the input checked, in NFC, in index order (oldest first), with tag ids, years and leads. Its
 * arrays are indexed by document id and never written after {@link #prepare}.
 *
 * @param input     the documents as given; bodies are read from here when they are analyzed
 * @param docs      the documents by id
 * @param tagKeys   every tag key, sorted: a tag's id is its index
 * @param tagNames  the name of each tag id (from the first document that has it)
 * @param docTags   per document, its distinct tag ids, ascending
 * @param docYear   per document, its year
 * @param yearIndex per document, the index of its year in the manifest's {@code years}
 * @param leads     per document, the lead its card shows
 * @param textKeys  per document, the key of its text ({@link DocAnalysis#textKey}; null entries without one)
 */
record Documents(
        List<SearchDocument> input,
        List<Doc> docs,
        List<String> tagKeys,
        List<String> tagNames,
        int[][] docTags,
        int[] docYear,
        int[] yearIndex,
        String[] leads,
        Hash128[] textKeys) {
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /**
     * A document with NFC text. The body is not kept: it is asked of the input again, by {@code source}, when it
     * is analyzed, so a large archive's text is never all in memory at once.
     */
    record Doc(
            String url, String title, String date, String dateLabel, List<SearchDocument.SearchTag> tags, int source) {}

    int size() {
        return docs.size();
    }

    /** The NFC body of document {@code id}. */
    String body(int id) {
        return Excerpts.nfc(input.get(docs.get(id).source()).body());
    }

    static Documents prepare(String lang, List<SearchDocument> input) {
        return prepare(lang, input, null);
    }

    /**
     * With {@code analysis}, each document's {@link DocAnalysis#textKey}, taken while its body is at hand: a
     * document whose analysis is known is then never asked for again (each ask builds it anew).
     */
    static Documents prepare(String lang, List<SearchDocument> input, DocAnalysis analysis) {
        return prepare(lang, input, analysis, null, Map.of(), null);
    }

    /**
     * What {@link #prepare} made of one input document: kept by a live server for the next write. A cached build
     * stores only what its text made ({@code doc} null): the document is made from the input, its body not read.
     */
    record Prepared(Doc doc, String lead, Hash128 textKey) {}

    /**
     * Like {@link #prepare(String, List, DocAnalysis)}; a document whose key in {@code keys} (by source index) has an
     * entry in {@code known} is taken from there, its input not even asked for (a live server's view makes a
     * document, and inflates its body, when asked). Equal keys promise equal documents. When the documents come in
     * {@code last}'s order (same dates and urls by source) with its tags, its order and tag ids are taken too.
     */
    static Documents prepare(
            String lang,
            List<SearchDocument> input,
            DocAnalysis analysis,
            List<?> keys,
            Map<?, Prepared> known,
            Documents last) {
        return prepare(
                lang,
                input,
                analysis,
                source -> {
                    Object key = keys == null ? null : keys.get(source);
                    return key == null ? null : known.get(key);
                },
                last);
    }

    /** What an earlier write made of input document {@code source}, or null. */
    interface Known {
        Prepared at(int source);
    }

    /** Like {@link #prepare(String, List, DocAnalysis, List, Map, Documents)}, with what is known by place. */
    static Documents prepare(
            String lang, List<SearchDocument> input, DocAnalysis analysis, Known known, Documents last) {
        int n = input.size();
        Doc[] prepared = new Doc[n];
        String[] leadOf = new String[n];
        Hash128[] keyOf = new Hash128[n];
        Parallel.forEachIndex(n, source -> {
            Prepared p = known.at(source);
            if (p != null && p.doc() != null) {
                Doc doc = p.doc();
                prepared[source] = doc.source() == source
                        ? doc
                        : new Doc(doc.url(), doc.title(), doc.date(), doc.dateLabel(), doc.tags(), source);
                leadOf[source] = p.lead();
                keyOf[source] = p.textKey();
            } else {
                prepared[source] = fromInput(input, source, lang, analysis, p, leadOf, keyOf);
            }
        });
        boolean sameOrder = inOrderOf(prepared, last);
        List<Doc> docs = new ArrayList<>(n);
        if (sameOrder) {
            last.docs().forEach(d -> docs.add(prepared[d.source()]));
        } else {
            docs.addAll(sorted(prepared));
        }
        String[] leads = new String[docs.size()];
        Hash128[] textKeys = new Hash128[docs.size()];
        for (int i = 0; i < docs.size(); i++) {
            leads[i] = leadOf[docs.get(i).source()];
            textKeys[i] = keyOf[docs.get(i).source()];
        }
        return sameOrder && sameTags(docs, last)
                ? new Documents(
                        input,
                        List.copyOf(docs),
                        last.tagKeys,
                        last.tagNames,
                        last.docTags,
                        last.docYear,
                        last.yearIndex,
                        leads,
                        textKeys)
                : withTagsAndYears(input, List.copyOf(docs), leads, textKeys);
    }

    /**
     * Document {@code source} made from its input, with its lead and text key: from {@code text} when a cached build
     * stored them (its body then not read), else from its body.
     */
    private static Doc fromInput(
            List<SearchDocument> input,
            int source,
            String lang,
            DocAnalysis analysis,
            Prepared text,
            String[] leadOf,
            Hash128[] keyOf) {
        SearchDocument d = text != null && input instanceof SearchDocument.BodiesOnDemand bodies
                ? bodies.withoutBody(source)
                : input.get(source);
        check(d, lang);
        Doc doc = doc(d, source);
        if (text != null) {
            leadOf[source] = text.lead();
            keyOf[source] = text.textKey();
        } else {
            leadOf[source] = Excerpts.leadOf(d.body());
            if (analysis != null) {
                keyOf[source] = analysis.textKey(doc.title(), d.body() == null ? "" : d.body());
            }
        }
        return doc;
    }

    /** Oldest first: a new dispatch gets the next id, so older card and attribute files keep their bytes. */
    private static List<Doc> sorted(Doc[] prepared) {
        List<Doc> docs = new ArrayList<>(Arrays.asList(prepared));
        docs.sort(Comparator.comparing(Doc::date).thenComparing(Doc::url));
        for (int i = 1; i < docs.size(); i++) {
            if (docs.get(i).url().equals(docs.get(i - 1).url())) {
                throw new IllegalArgumentException(
                        "two search documents with url " + docs.get(i).url());
            }
        }
        return docs;
    }

    /** Document {@code d} in NFC, its tags sorted by key. */
    private static Doc doc(SearchDocument d, int source) {
        List<SearchDocument.SearchTag> tags = new ArrayList<>();
        for (SearchDocument.SearchTag t : d.tags()) {
            tags.add(new SearchDocument.SearchTag(t.key(), Excerpts.nfc(t.name())));
        }
        tags.sort(Comparator.comparing(SearchDocument.SearchTag::key));
        return new Doc(
                d.url(), Excerpts.nfc(d.title()), d.date(), Excerpts.nfc(d.dateLabel()), List.copyOf(tags), source);
    }

    /** Whether sorting {@code prepared} (by source) gives {@code last}'s order: same dates and urls, by source. */
    private static boolean inOrderOf(Doc[] prepared, Documents last) {
        if (last == null || last.size() != prepared.length) {
            return false;
        }
        for (Doc was : last.docs()) {
            Doc now = prepared[was.source()];
            // a document prepared from the same inputs is the last one's instance: nothing to compare
            if (now != was && (!now.date().equals(was.date()) || !now.url().equals(was.url()))) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code docs} (in {@code last}'s order) have {@code last}'s tags, id by id. */
    private static boolean sameTags(List<Doc> docs, Documents last) {
        for (int i = 0; i < docs.size(); i++) {
            Doc now = docs.get(i);
            Doc was = last.docs().get(i);
            if (now != was && !now.tags().equals(was.tags())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Per document id, its key in {@code keys} (null when it has none) and its lead: what a cached build stores of
     * its text, beside its postings.
     */
    StoredPostings.Texts textsByKey(List<?> keys) {
        String[] keyOf = new String[docs.size()];
        for (int i = 0; i < docs.size(); i++) {
            Object key = keys.get(docs.get(i).source());
            keyOf[i] = key == null ? null : key.toString();
        }
        return new StoredPostings.Texts(keyOf, leads);
    }

    /** Per input document (its key in {@code keys}), what was made of it, for the next write. */
    PreparedDocs prepared(List<?> keys) {
        Prepared[] bySource = new Prepared[docs.size()];
        for (int i = 0; i < docs.size(); i++) {
            bySource[docs.get(i).source()] = new Prepared(docs.get(i), leads[i], textKeys[i]);
        }
        return new PreparedDocs(keys, bySource);
    }

    private static void check(SearchDocument d, String lang) {
        if (d.url() == null || d.url().isEmpty()) {
            throw new IllegalArgumentException("search document without url: " + d.title());
        }
        if (d.date() == null || !DATE.matcher(d.date()).matches()) {
            throw new IllegalArgumentException(
                    "search document " + d.url() + ": date must be yyyy-MM-dd, was " + d.date());
        }
        if (d.lang() != null && !d.lang().equals(lang)) {
            throw new IllegalArgumentException(
                    "search document " + d.url() + " is in " + d.lang() + ", not in " + lang);
        }
    }

    /** The distinct ids of {@code tags}, ascending (a loop: a stream per document was 2 % of a one-edit build). */
    private static int[] tagIds(List<SearchDocument.SearchTag> tags, Map<String, Integer> tagId) {
        int[] ids = new int[tags.size()];
        for (int j = 0; j < ids.length; j++) {
            ids[j] = tagId.get(tags.get(j).key());
        }
        Arrays.sort(ids);
        int k = 0;
        for (int j = 0; j < ids.length; j++) {
            if (k == 0 || ids[j] != ids[k - 1]) {
                ids[k++] = ids[j];
            }
        }
        return k == ids.length ? ids : Arrays.copyOf(ids, k);
    }

    private static Documents withTagsAndYears(
            List<SearchDocument> input, List<Doc> docs, String[] leads, Hash128[] textKeys) {
        Map<String, String> first = new HashMap<>(); // each tag's name in the first document that has it
        for (Doc d : docs) {
            for (SearchDocument.SearchTag t : d.tags()) {
                first.putIfAbsent(t.key(), t.name());
            }
        }
        TreeMap<String, String> names = new TreeMap<>(first);
        List<String> tagKeys = List.copyOf(names.keySet());
        Map<String, Integer> tagId = new HashMap<>();
        for (int i = 0; i < tagKeys.size(); i++) {
            tagId.put(tagKeys.get(i), i);
        }
        int n = docs.size();
        int[][] docTags = new int[n][];
        int[] docYear = new int[n];
        int[] yearIndex = new int[n];
        for (int i = 0; i < n; i++) {
            Doc d = docs.get(i);
            docTags[i] = tagIds(d.tags(), tagId);
            docYear[i] = Integer.parseInt(d.date().substring(0, 4));
            if (i > 0) {
                yearIndex[i] = yearIndex[i - 1] + (docYear[i] != docYear[i - 1] ? 1 : 0);
            }
        }
        return new Documents(
                input, docs, tagKeys, List.copyOf(names.values()), docTags, docYear, yearIndex, leads, textKeys);
    }
}
