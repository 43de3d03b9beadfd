#!/usr/bin/env python3
"""Lists every join an analyzer change makes on a vocabulary: the words that now share a term but did not before,
grouped by their new term, each old term with its words (the commonest first). Read every line: a join of two
words that do not mean the same thing is a false friend (issue 13).

    java -cp BASE.jar bench/report/WordTerms.java < words.txt > base.tsv
    java -cp NEW.jar  bench/report/WordTerms.java < words.txt > new.tsv
    python3 bench/report/variant-joins.py base.tsv new.tsv [counts.tsv]   # counts: word <TAB> occurrences
"""
import collections, sys


def terms(path):
    return dict(line.rstrip('\n').split('\t') for line in open(path, encoding='utf-8'))


def main(base_path, new_path, counts_path=None):
    base, new = terms(base_path), terms(new_path)
    counts = collections.Counter()
    if counts_path:
        for line in open(counts_path, encoding='utf-8'):
            w, c = line.rstrip('\n').split('\t')
            counts[w] += int(c)
    joined = collections.defaultdict(lambda: collections.defaultdict(list))
    for w, t in new.items():
        for part_new, part_base in zip(t.split(' '), base[w].split(' ')):
            joined[part_new][part_base].append(w)
    changed = sum(1 for w in new if new[w] != base[w])
    joins = {t: olds for t, olds in joined.items() if len(olds) > 1}
    print(f'# {len(new)} words, {changed} change term, {len(joins)} terms join two old terms or more')
    for t in sorted(joins):
        parts = []
        for old in sorted(joins[t]):
            ws = sorted(joins[t][old], key=lambda w: (-counts[w], w))
            parts.append(f'{old} [{sum(counts[w] for w in ws)}]: ' + ' '.join(ws[:6]) + (' …' if len(ws) > 6 else ''))
        print(f'{t}\t' + ' | '.join(parts))


if __name__ == '__main__':
    main(*sys.argv[1:])
