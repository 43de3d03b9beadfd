#!/usr/bin/env python3
"""Lists the words that a query now finds and did not before: for each query word, the vocabulary words whose index
terms it now meets (a query's terms, an index's terms: `WordTerms.java --readings`). Read every line: a word met
that does not mean the query word (or a form of it) is a false friend (issue 13).

    java -cp BASE.jar bench/report/WordTerms.java --readings < words.txt > base.tsv
    java -cp NEW.jar  bench/report/WordTerms.java --readings < words.txt > new.tsv
    python3 bench/report/reading-joins.py base.tsv new.tsv [counts.tsv]   # counts: word <TAB> occurrences
"""
import collections, sys


def load(path):
    q, i = {}, {}
    for line in open(path, encoding='utf-8'):
        w, qt, it = line.rstrip('\n').split('\t')
        q[w] = set() if qt == '-' else set(qt.split(' '))
        i[w] = set() if it == '-' else set(it.split(' '))
    return q, i


def meets(q, i, words):
    by_term = collections.defaultdict(set)
    for w in words:
        for t in i[w]:
            by_term[t].add(w)
    return lambda w: set().union(*[by_term[t] for t in q[w]]) if q[w] else set()


def main(base_path, new_path, counts_path=None):
    bq, bi = load(base_path)
    nq, ni = load(new_path)
    counts = collections.Counter()
    if counts_path:
        for line in open(counts_path, encoding='utf-8'):
            w, c = line.rstrip('\n').split('\t')
            counts[w] += int(c)
    words = list(nq)
    changed_terms = {t for w in words if nq[w] != bq[w] or ni[w] != bi[w] for t in (nq[w] | ni[w])}
    base_meets, new_meets = meets(bq, bi, words), meets(nq, ni, words)
    queries = [w for w in words if nq[w] & changed_terms]
    total_words = total_pairs = 0
    lines = []
    for w in queries:
        new = new_meets(w) - base_meets(w)
        if not new:
            continue
        total_words += 1
        total_pairs += len(new)
        found = sorted(new, key=lambda d: (-counts[d], d))
        lines.append((-counts[w], w, f'{w} [{counts[w]}] ({" ".join(sorted(nq[w]))})\t+{len(new)} [{sum(counts[d] for d in new)}]: '
                      + ' '.join(found[:10]) + (' …' if len(found) > 10 else '')))
    changed = sum(1 for w in words if nq[w] != bq[w] or ni[w] != bi[w])
    print(f'# {len(words)} words, {changed} change their query or index terms; {total_words} queries meet'
          f' {total_pairs} more (query word, indexed word) pairs')
    for _, _, line in sorted(lines):
        print(line)


if __name__ == '__main__':
    main(*sys.argv[1:])
