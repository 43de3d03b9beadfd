#!/usr/bin/env python3
"""Finds the Arabic spellings of countries, regions and capitals and of their nisba adjectives in the PUD sentences
(bench/data/ud-arabic-pud-parallel.tsv), the candidates for variants.txt's country groups (issue 13, session 17).

The English side says which sentences name a place (Russia) and which use its adjective (Russian, Russians); an
Arabic word is a candidate when it occurs at least twice and at least 60 % of its sentences hold the English word
(article and one proclitic off, harakat off). The list of English names is the world's countries, regions and
capitals most present in news, not the evaluation's topics. The output is read by hand: co-occurrence also finds
the other words of those sentences (بوتين beside Russia), which are not listed.

    python3 bench/report/country-variants.py            # name / adjective, Arabic candidates with counts
"""
import collections, csv, os, re

# English name, then the adjective and plural forms (a regular expression each, whole words)
PLACES = [
    ('Russia', 'Russians?'), ('France', 'French'), ('Britain|United Kingdom|UK', 'British|Britons?'),
    ('America|United States|US|USA', 'Americans?'), ('Italy', 'Italians?'), ('Germany', 'Germans?'),
    ('Spain', 'Spanish|Spaniards?'), ('China', 'Chinese'), ('Japan', 'Japanese'), ('India', 'Indians?'),
    ('Turkey', 'Turkish|Turks?'), ('Iran', 'Iranians?'), ('Iraq', 'Iraqis?'), ('Syria', 'Syrians?'),
    ('Egypt', 'Egyptians?'), ('Israel', 'Israelis?'), ('Palestine', 'Palestinians?'), ('Lebanon', 'Lebanese'),
    ('Jordan', 'Jordanians?'), ('Saudi Arabia', 'Saudis?'), ('Yemen', 'Yemenis?'), ('Libya', 'Libyans?'),
    ('Tunisia', 'Tunisians?'), ('Algeria', 'Algerians?'), ('Morocco', 'Moroccans?'), ('Sudan', 'Sudanese'),
    ('Qatar', 'Qataris?'), ('Kuwait', 'Kuwaitis?'), ('Afghanistan', 'Afghans?'), ('Pakistan', 'Pakistanis?'),
    ('Korea', 'Koreans?'), ('Ukraine', 'Ukrainians?'), ('Greece', 'Greeks?'), ('Canada', 'Canadians?'),
    ('Mexico', 'Mexicans?'), ('Brazil', 'Brazilians?'), ('Argentina', 'Argentines?|Argentinians?'),
    ('Australia', 'Australians?'), ('Nigeria', 'Nigerians?'), ('Ethiopia', 'Ethiopians?'),
    ('Somalia', 'Somalis?'), ('Kenya', 'Kenyans?'), ('Cuba', 'Cubans?'), ('Venezuela', 'Venezuelans?'),
    ('Colombia', 'Colombians?'), ('Poland', 'Polish|Poles?'), ('Sweden', 'Swedish|Swedes?'),
    ('Norway', 'Norwegians?'), ('Netherlands|Holland', 'Dutch'), ('Belgium', 'Belgians?'),
    ('Austria', 'Austrians?'), ('Switzerland', 'Swiss'), ('Portugal', 'Portuguese'), ('Ireland', 'Irish'),
    ('Scotland', 'Scottish|Scots?'), ('Indonesia', 'Indonesians?'), ('Malaysia', 'Malaysians?'),
    ('Vietnam', 'Vietnamese'), ('Africa', 'Africans?'), ('Europe', 'Europeans?'), ('Asia', 'Asians?'),
    ('Latin America', 'Latin Americans?'), ('Serbia', 'Serbians?|Serbs?'), ('Croatia', 'Croatians?|Croats?'),
    ('Armenia', 'Armenians?'), ('Georgia', 'Georgians?'), ('Romania', 'Romanians?'), ('Bulgaria', 'Bulgarians?'),
    ('Hungary', 'Hungarians?'), ('Czech Republic', 'Czechs?'), ('Slovakia', 'Slovaks?|Slovakians?'),
    ('Bosnia', 'Bosnians?'), ('Albania', 'Albanians?'), ('Macedonia', 'Macedonians?'),
    ('Slovenia', 'Slovenians?|Slovenes?'), ('Estonia', 'Estonians?'), ('Latvia', 'Latvians?'),
    ('Lithuania', 'Lithuanians?'), ('Tanzania', 'Tanzanians?'), ('Uganda', 'Ugandans?'), ('Ghana', 'Ghanaians?'),
    ('Mauritania', 'Mauritanians?'), ('Chile', 'Chileans?'), ('Peru', 'Peruvians?'), ('Bolivia', 'Bolivians?'),
    ('Moscow', 'Muscovites?'), ('Paris', 'Parisians?'), ('London', 'Londoners?'), ('Rome', 'Romans?'),
    ('Vienna', 'Viennese'), ('Damascus', 'Damascenes?'), ('Cairo', 'Cairenes?'), ('Baghdad', 'Baghdadis?'),
    ('Washington', '-'), ('Beijing', '-'), ('Tokyo', '-'), ('Berlin', '-'), ('Madrid', '-'), ('Geneva', '-'),
    ('California', 'Californians?'), ('Texas', 'Texans?'), ('Florida', 'Floridians?'), ('Virginia', 'Virginians?'),
]
HARAKAT = re.compile('[\u064b-\u0652\u0640]')
WORD = re.compile(r'[\u0621-\u064a\u0671-\u06d3]+')


def bare(w):
    """The word without harakat, tatweel and the article or one proclitic before it."""
    w = HARAKAT.sub('', w)
    for p in ('وبال', 'فبال', 'ولل', 'وال', 'فال', 'بال', 'كال', 'لل', 'ال'):
        if w.startswith(p) and len(w) >= len(p) + 3:
            return w[len(p):]
    return w


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    rows = list(csv.reader(open(os.path.join(here, '..', 'data', 'ud-arabic-pud-parallel.tsv'), encoding='utf-8'),
                           delimiter='\t'))[1:]
    sents = [({bare(w) for w in WORD.findall(HARAKAT.sub('', r[2]))}, r[3]) for r in rows]
    freq = collections.Counter(w for ar, _ in sents for w in ar)
    for name, adj in PLACES:
        for kind, pattern in (('name', name), ('adjective', adj)):
            if pattern == '-':
                continue
            rx = re.compile(r'\b(?:' + pattern + r')\b')
            hits = [ar for ar, en in sents if rx.search(en)]
            together = collections.Counter(w for ar in hits for w in ar)
            found = sorted(((w, c) for w, c in together.items() if c >= 2 and c >= 0.6 * freq[w]),
                           key=lambda wc: (-wc[1], wc[0]))
            if found:
                print(f'{name.split("|")[0]}\t{kind}\t{len(hits)}\t' + ' '.join(f'{w}:{c}' for w, c in found))


if __name__ == '__main__':
    main()
