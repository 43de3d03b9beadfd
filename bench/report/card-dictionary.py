#!/usr/bin/env python3
"""Writes the card dictionaries (format 9): per language, the 300 commonest words of the PUD sentences
(bench/data/ud-arabic-pud-parallel.tsv, real text that the bench archives are not made of word for word),
then the month names; the least common first, so that the commonest are nearest the card and cost the shortest distances.

    python3 bench/report/card-dictionary.py   # rewrites generator/core/src/main/resources/.../internal/cards-LANG.txt
"""
import collections, csv, os, re

WORDS = 300
here = os.path.dirname(os.path.abspath(__file__))
rows = list(csv.reader(open(os.path.join(here, '..', 'data', 'ud-arabic-pud-parallel.tsv'), encoding='utf-8'),
                       delimiter='\t'))[1:]
out = os.path.join(here, '..', '..', 'generator', 'core', 'src', 'main', 'resources', 'org', 'arshif', 'search', 'index', 'internal')
# the month names of the cards' dates (the site's default labels), after the words: every card has one
MONTHS = {'ar': 'يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر',
          'en': 'January February March April May June July August September October November December'}
for lang, col in (('ar', 2), ('en', 3)):
    counts = collections.Counter()
    for r in rows:
        counts.update(re.findall(r'\w+', r[col]))
    # ties by the word itself, so that the file is the same on every run
    common = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:WORDS]
    with open(os.path.join(out, f'cards-{lang}.txt'), 'w', encoding='utf-8', newline='\n') as f:
        f.write(' '.join(w for w, _ in reversed(common)) + ' ' + MONTHS[lang] + '\n')
