// @ts-check
// The search index format (generator/SEARCH-FORMAT.md) and the client's results, as JSDoc types for the type check
// (tools/typescript). Types only: the other modules import them in comments (@import), so no browser loads this
// file and the site build does not copy it.

// --- The files (SEARCH-FORMAT.md §3) ---------------------------------------------------------------------------

/**
 * The analyzer's word lists, `TextAnalyzer.clientData()`: the query is analyzed by the lists that analyzed the index.
 * @typedef {object} AnalysisData
 * @property {readonly string[]} protected
 * @property {readonly string[]} variants one group per string, spellings separated by spaces, canonical first
 * @property {readonly string[]} stopwordsAr
 * @property {readonly string[]} stopwordsEn
 * @property {readonly string[]} [rootWaw] words whose first و is the root's: no conjunction reading (absent: none)
 */

/** A tag; its id is its index in `Manifest.tags`. @typedef {[key: string, name: string, documents: number]} ManifestTag */
/** Document ids are in date order, so a year is an id range. @typedef {[year: number, firstId: number, count: number]} ManifestYear */
/** A card file and the size of its slots. @typedef {[hash: string, slotBytes: number]} CardFileRef */

/**
 * `manifest.<h>.json.gz`, the table of contents. `format` and `version` say which client can read it.
 * @typedef {object} Manifest
 * @property {'arshif-search'} format
 * @property {number} version bumped on every change that a client of the previous version cannot read
 * @property {string} lang
 * @property {number} docs
 * @property {number} levelBits impact levels per posting: 2^levelBits
 * @property {number} hits the best postings a long list keeps in its term shard (`TermShard.h`)
 * @property {AnalysisData} analysis
 * @property {ManifestTag[]} tags
 * @property {ManifestYear[]} years
 * @property {ManifestTerms} terms
 * @property {{size: number, chunk: number, dict: string, files: CardFileRef[]}} cards documents per card file,
 *   documents per chunk (a slice `k.<hash>.<i>.bin` of a card file of several chunks, for servers that ignore
 *   Range), the dictionary the cards are deflated after (format 9), the files
 * @property {{size: number, files: string[]}} attrs documents per attribute file, and their hashes
 */

/**
 * The dictionary: term shard `i` holds the terms `t` with `sep[i] <= t < sep[i+1]`.
 * @typedef {object} ManifestTerms
 * @property {string[]} sep
 * @property {string[]} files hashes of the shard files `t.<hash>.bin`: `members` term shards each, one gzip member apiece
 * @property {string} bundle hash of the shard bundle `s.<hash>.bin`: every shard file, in order
 * @property {string} sizes the byte length of each term shard (gzip member) in the bundle (VLQ)
 * @property {string} [alone] the term shards that hold a frequent term (one with a long list) and its surface keys
 *   alone, as VLQ gaps (the first from 0; w31-warm, still format 12: a manifest without it has none)
 * @property {[number, number]} lexicon where the lexicon is: tail bundle `tails[b]`, from byte `start` (`[b, start]`,
 *   format 12); per term shard, in order, a gzip member of its terms and their document frequencies, `LexiconPiece`,
 *   or, for a term shard in `alone`, that term shard itself, `TermShard` (format 13)
 * @property {string} lexiconSizes the length of each term shard's member in the lexicon, in units of 16 bytes (VLQ)
 * @property {number} members term shards per shard file
 * @property {string[]} tails hashes of the tail bundles `u.<hash>.bin`: every tail file `l.<hash>.bin`, in order, byte
 *   for byte, a new bundle where the next would pass the host's file size limit (format 8)
 * @property {string[]} y hashes of the tail positions files `y.<hash>.json.gz`, one per tail file, in tail order
 *   (format 11: each named by the hash of its own content, so that moved positions rename no tail file)
 * @property {number} pack term shards per positions file
 * @property {string[]} positions hashes of the positions files
 */

/**
 * A term shard (a gzip member of `t.<h>.bin`): a range of the sorted dictionary with its postings.
 * @typedef {object} TermShard
 * @property {string[]} t the terms, sorted
 * @property {number[]} n each term's document frequency
 * @property {(string | TailRef)[]} p postings (VLQ), or for a long list `[tail, k, start, bytes]`: the k-th list of
 *   tail file `tails[tail]`, a gzip member at bytes `start … start + bytes − 1` of `l.<hash>.bin`
 * @property {string[]} tails hashes of the tail files of this shard's long lists
 * @property {[bundle: number, start: number, tail: number][]} at per tail file of `tails`, where its copy is: the
 *   tail bundle `ManifestTerms.tails[bundle]`, from byte `start` (format 8); and its number, whose positions file is
 *   `ManifestTerms.y[tail]` (format 11)
 * @property {string[]} h long lists only: their best postings as VLQ (id, impact) pairs, best first
 * @property {string[]} f terms with more than `Manifest.hits` documents: their facets (VLQ)
 */

/**
 * A term shard's part of the lexicon (a gzip member of the lexicon, in the last tail bundle): its terms, surface keys left out, and their
 * document frequencies; what a misspelt word's candidates need to be scored (format 11).
 * @typedef {{t: string[], n: number[]}} LexiconPiece
 */

/**
 * A long list's place: the k-th of tail file `tails[tail]`, bytes `start … start + bytes − 1`; a fifth element, 1,
 * marks a surface key in a tail file only because its term is.
 * @typedef {[tail: number, k: number, start: number, bytes: number, keyList?: number]} TailRef
 */

/** `y.<h>.json.gz`: positions of the long lists of one tail file, in its order (`ManifestTerms.y`). @typedef {{x: string[]}} TailPositions */
/** `x.<h>.json.gz`: positions, `x[shard % pack][termIndex]`. @typedef {{x: string[][]}} PositionsFile */

/**
 * `a.<h>.json.gz`: tag ids of consecutive documents (VLQ). `tags` is not in the file: the client keeps the decoded
 * lists there.
 * @typedef {{a: string, tags?: number[][]}} AttrsFile
 */

/** A card in its `k.<h>.bin` slot, once inflated. @typedef {[url: string, title: string, date: string, dateLabel: string, tags: number[], lead: string]} Card */

// --- The client ------------------------------------------------------------------------------------------------

/** @typedef {{term: string, start: number, end: number, position: number}} Token offsets into the original text */

/**
 * What `createAnalyzer(manifest.analysis)` returns (analyzer.js).
 * @typedef {object} Analyzer
 * @property {(text: string) => string} normalize
 * @property {(text: string) => string[]} terms
 * @property {(text: string) => Token[]} tokens
 * @property {(word: string) => string | null} conjunctionTerm the term of a word's reading as و + word, or null
 * @property {(word: string) => string} surface a normalized word without its article (the form of a surface key)
 * @property {(word: string) => string} lightStem a normalized Arabic word's light stem as if no word list knew it
 *   (الرياض: رياض); other scripts' words as they are
 * @property {(word: string) => {term: string, form: string}[]} readings a written word's second readings in the index
 *   (a hamza'd alif before ل, the tanween alif: ألعاب also العاب, عاماً also عام), each with its surface key's form
 * @property {AnalysisData} data
 */

/**
 * What the client needs of a fetch() answer; a real Response is one.
 * @typedef {object} FetchResponse
 * @property {boolean} ok
 * @property {number} status
 * @property {{get(name: string): string | null}} headers
 * @property {() => Promise<ArrayBuffer>} arrayBuffer
 * @property {{cancel(): Promise<void>} | null} [body] cancelled when the answer is not worth reading
 */
/** @typedef {(url: string, init?: {headers?: Record<string, string>}) => Promise<FetchResponse>} FetchLike */

/** Requests and bytes an index fetched (benchmarks, tests). @typedef {{requests: number, bytes: number, urls: string[]}} Stats */

/**
 * A dictionary term found in a shard.
 * @typedef {object} Entry
 * @property {string} term
 * @property {number} df
 * @property {number} shard
 * @property {number} idx its index in the shard
 * @property {boolean} long its postings are in a tail file
 * @property {boolean} keyList a surface key in a tail file only because its term is: its best postings serve a
 *   one-word query's first page only
 * @property {number} idf
 * @property {Hit[]} hits its best postings (long lists)
 * @property {string} facets
 */

/**
 * A best posting: a document and its impact; termTitle (a surface key's, format 14): the document's title holds the
 * key's term in another form, not the form.
 * @typedef {{id: number, impact: number, termTitle?: boolean}} Hit
 */

/** @typedef {'exact' | 'reading' | 'prefix' | 'typo'} VariantKind */
/** @typedef {{e: Entry, kind: VariantKind}} Variant */

/**
 * A word of the query; `exact` and `variants` are filled by rank().
 * @typedef {object} WordSlot
 * @property {string} key
 * @property {'word'} kind
 * @property {string} term
 * @property {string} word the word as typed, normalized
 * @property {string} written the word as typed (NFC)
 * @property {boolean} prefix
 * @property {boolean} typo long enough for a correction, which is tried only when the index lacks the word
 * @property {{word: string, term: string, written?: boolean, stem?: boolean} | undefined} [corrected] the correction
 *   that stands in for the word; `written`: the index holds the word as written (its surface key); `stem`: the word
 *   is an English term (a Porter2 stem), not an edit of what was typed
 * @property {Entry | null} [exact]
 * @property {Entry | null} [surface] the surface key of the word as typed (SEARCH-FORMAT.md §4): its exact form
 * @property {{term: string, form: string}[]} readings the word's second readings, from a mark as written
 *   (analyzer.readings: ألعاب also العاب, عاماً also عام); each is a variant of kind 'reading'
 * @property {{e: Entry, term: Entry}[]} [readingSurfaces] the readings' surface keys found, each with its term
 * @property {Variant[]} [variants]
 */

/**
 * A "quoted phrase"; `entries` is filled by rank().
 * @typedef {object} PhraseSlot
 * @property {string} key
 * @property {'phrase'} kind
 * @property {string[]} terms
 * @property {number[]} offsets each term's position relative to the first
 * @property {(Entry | null)[]} [entries]
 */

/** @typedef {WordSlot | PhraseSlot} Slot */

/** A document's postings: ids and impacts (idf included). @typedef {{ids: number[], imp: number[]}} Postings */

/** A document's card, decoded. @typedef {{id: number, url: string, title: string, date: string, dateLabel: string, tags: number[], lead: string}} Doc */

/**
 * A document that matches a query.
 * @typedef {object} RankedDoc
 * @property {import('./search-index.js').SearchIndex} index
 * @property {number} id
 * @property {number} score
 * @property {number} matched slots matched
 * @property {number} exact slots matched by more than a typo
 * @property {number} surface slots matched by the word's exact (normalized) form
 * @property {number} title slots whose words the document's title holds
 * @property {Set<string>} terms
 */

/**
 * Counts by year and by tag key; tagsPending: the tag counts would cost the tags of documents beyond the shown page,
 * and were not asked for (RankOptions.tagCounts), so there are none.
 * @typedef {{years: Map<number, number>, tags: Map<string, number>, tagsPending?: boolean}} RankFacets
 */

/**
 * @typedef {object} RankOptions
 * @property {string[]} [tags] tag keys, all required
 * @property {number | string | null} [year]
 * @property {boolean} [prefix] while typing: the last word is also a prefix
 * @property {boolean} [full] load complete postings
 * @property {number} [pageEnd] the end of the page to be shown, whose cards come with the facets' tags
 * @property {boolean} [fuzzy] correct a word the index lacks (default); false searches the words as typed
 * @property {boolean} [tagCounts] count tags even when that costs the tags of documents beyond the shown page
 */

/**
 * @typedef {object} RankResult
 * @property {RankedDoc[]} ranked best first
 * @property {number} total documents matching every word and phrase (after the filters)
 * @property {number} some documents matching only some of them (ranked after the others)
 * @property {RankFacets} facets
 * @property {boolean} complete false when a long list was not loaded (only its best postings are ranked)
 * @property {Slot[]} slots
 * @property {boolean} facetsShown
 */

/**
 * One result as the page shows it.
 * @typedef {object} ResultCard
 * @property {string} lang
 * @property {number} id
 * @property {string} url
 * @property {string} title
 * @property {string} date
 * @property {string} dateLabel
 * @property {{key: string, name: string}[]} tags
 * @property {string} snippet
 * @property {string[]} terms the matched terms, to highlight
 * @property {boolean} [allWords] it holds every word of the query (search() sets it)
 */

/**
 * @typedef {object} SearchFacets
 * @property {{year: number, count: number}[]} years newest first
 * @property {{key: string, name: string, count: number}[]} tags most frequent first
 * @property {Record<string, string>} [names] every tag's name by key
 * @property {boolean} [tagsPending] no tag counts: they come when asked for (RankOptions.tagCounts)
 */

/**
 * One page of results (search()).
 * @typedef {object} SearchResults
 * @property {number} total documents matching every word and phrase
 * @property {number} some documents matching only some of them, listed after the others
 * @property {{written: string, word: string}[]} corrections words the index lacks and what was searched instead
 * @property {ResultCard[]} results
 * @property {number} unshown results of this page left out because their cards could not be had (a card file
 *   missing from a half-uploaded site, or damaged): the page counts them as shown, and says so
 * @property {unknown} unshownBecause the error of the first card file that could not be had, when unshown > 0
 * @property {SearchFacets | null} facets null while typing, unless a filter is on
 * @property {Slot[]} slots
 */

// --- The page (SEARCH-FORMAT.md §2) ------------------------------------------------------------------------------

/**
 * What the URL holds: `?q=…&tag=…&year=…&both=1&typed=1` (typed: no correction of words the index lacks).
 * @typedef {{q: string, tags: string[], year: number | null, both: boolean, typed?: boolean}} SearchState
 */

/**
 * What the status region says when a search fails (search-render.js, failureMessage). `url` comes isolated
 * (U+2068…U+2069), so that it keeps its direction inside Arabic text.
 * @typedef {object} FailureMessages
 * @property {string} newer the index has a newer format version than the client: the page is stale
 * @property {(url: string) => string} unreadable another format, or an older version
 * @property {(status: number, url: string) => string} http
 * @property {(url: string) => string} network
 * @property {(url: string) => string} data a file that does not parse
 * @property {(url: string) => string} range the server ignores Range, and the index has no card chunks (compact)
 * @property {(why: string) => string} other
 */

/**
 * The page's words in one language (search-render.js builds them from the page's data-t-* words).
 * @typedef {object} Messages
 * @property {(n: number) => string} count
 * @property {string} loading
 * @property {FailureMessages} failure
 * @property {string} years
 * @property {string} tags
 * @property {string} allYears the chip that clears the year filter
 * @property {string} allTags the chip that clears the tag filters
 * @property {string} countTags the button that asks for the tag counts of a large result (SearchFacets.tagsPending)
 * @property {string} more
 * @property {(other: string) => string} both
 * @property {(shown: number, total: number) => string} shown
 * @property {(words: string) => string} corrected what was searched instead of words the index lacks
 * @property {(words: string) => string} asTyped the link that searches the words as typed
 * @property {(n: number) => string} some the label of the results that hold only some of the words
 * @property {(n: number, url: string, why: string) => string} unshown results whose cards did not load
 * @property {Record<string, string>} langName
 */

export {};
