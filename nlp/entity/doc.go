// Package entity is sitrep's named-entity recogniser and within-document
// identity resolver: it finds PERSON, ORG, GPE, LOC, FAC, NORP, EVENT and
// MISC mentions, links them (ISO 3166 alpha-3 for countries, GeoNames or
// ISO 3166-2 ids and coordinates for places) and groups them into one
// sitrep.Entity per real-world identity ("Kim Jong Un" ... "Kim"; Korean
// Central News Agency ... KCNA; "North Korean troops" and "Pyongyang" as an
// actor with North Korea).
//
//	r := entity.Default()          // embedded model and gazetteer, loaded once
//	ents := r.Recognize(doc)       // doc from text.Segment; ids e1, e2, ...
//
// # Tagger
//
// The statistical part is a greedy left-to-right averaged-perceptron tagger
// over BILOU labels of the CoNLL-2003 types PER, ORG, LOC and MISC, in the
// style of Ratinov & Roth (2009). Features: lower-cased words in a ±2
// window and their bigrams with the word, the exact word, word shapes in a
// ±2 window and shape bigrams, prefixes and suffixes up to four letters,
// the two previous labels and their conjunction with the word and shape,
// sentence-initial and headline (all-capitals sentence) flags, and
// non-local features: whether a capitalised word also occurs in lower case
// in the document, the neighbours of every occurrence of the word in the
// document (context aggregation), and the types and phrase positions the
// word was given earlier in the document (prediction history). Knowledge
// features: nlp/gazetteer marks (countries, places, demonyms, organisations,
// events, seats of power, person titles), person-name lists
// (data/names.txt.gz, see data/build-names.sh for sources and licences),
// and, from unlabelled news (data/caps.txt.gz, built by data/gencaps from
// Reuters-21578), how often a word is capitalised mid-sentence and its
// usual neighbours. Typographic quotes and dashes read as ASCII.
//
// Tokens without a capital letter outside an open phrase are labelled O
// without scoring (0.2% of CoNLL phrases start otherwise), in training and
// tagging alike; so, when tagging, are capitalised words that the training
// data has at least three times where this rule applies and never inside a
// phrase, but as the first word of a longer name ("The", "However",
// "March"; the list is learnt by training and stored in the model), unless
// a capitalised word or a possessive follows them ("The Hague", "Total's
// refinery"). A phrase opened by
// mistake closes when continuing it scores below closing it. Features are
// 32-bit hashes; the model keeps the features seen at least twice in
// training with a weight above 0.1% of the largest, quantised to int16, in
// an open-addressing table of 8-byte slots (about 0.5 MB compressed,
// loaded in tens of milliseconds).
//
// Tagging is bound by memory latency, not arithmetic: the features that do
// not depend on earlier labels are scored for all the capitalised tokens
// of a document in one batch, so that the table loads overlap (batch.go),
// and the Recognizer keeps caches across documents of the scores of
// words' own features, of shape contexts, and of what the lexicon and the
// gazetteer say of a word. The caches hold only sums of the model's
// weights and lookups of immutable data: they never change a result
// (TestCachedScoresSame).
//
// The embedded model model/ner.bin.gz is rebuilt, deterministically (fixed
// seeds), with
//
//	sitrep train ner --train ../shared/eval/conll2003/eng.train \
//	    --dev ../shared/eval/conll2003/eng.testa --out nlp/entity/model/ner.bin.gz
//
// which trains four runs (seeds 1-4, 15 iterations each), keeps each run's
// iteration scoring best on the development file, and averages their
// weights. The gazetteer features mean the model should be retrained when
// nlp/gazetteer's data changes much. Score it with
//
//	sitrep eval ner --conll ../shared/eval/conll2003/eng.testa
//
// # Types, links and identity
//
// Recognize tags each sentence (chrome paragraphs have none) and types each
// phrase with the gazetteer: LOC becomes GPE for countries, cities and
// regions (and unknown towns), LOC for other geography, FAC for
// facilities; MISC becomes NORP for demonyms and EVENT for named events.
// Country names, demonyms and seats of power used as actors that the tagger
// missed are added from the gazetteer. A capital or seat of power
// ("Pyongyang", "the Kremlin", "Washington") stands for its country, as a
// metonym mention, when used as an actor (possessive, subject of a verb,
// "X and its allies", "talks with X", "according to X", "X officials")
// and stays a place after a locative preposition or a verb of movement
// ("in Beijing", "visited Beijing"). A place name before "region" links the
// region. Countries, demonyms and seats of power inside hyphenated words
// ("U.S.-led", "Russian-made") are mentions ending at the hyphen. A name
// before an event noun is also an EVENT ("the Kursk offensive"). A title
// inside a tagged phrase splits it into organisation and person ("Federal
// Reserve Board Vice Chairman Manuel Johnson"); a name ending in a
// corporate suffix is an organisation; trailing weekdays leave names.
// Mentions in title-case headings are kept only when linked or named in
// the body.
//
// The word that introduces or heads a name decides its type over the
// tagger's (heads.go): a storm word makes an EVENT of the name after it
// ("Cyclone Ilusa", "Tropical Storm Alberto", with the word joined to the
// name when the tagger left it out); a geographic head a LOC ("Buzi
// River", "Lake Chad", "Strait of Hormuz", and "the Buzi valley"); a
// facility head a FAC ("Beira Airport", "Beira Central Hospital", "Port of
// Beira"), taking in the capitalised words and the place before it; an
// organisation head an ORG where the tagger saw a person ("Defence
// Force"), and an institution's name goes on after "for" or "of" ("the
// National Institute for Disaster Risk Management"). A place followed by a facility noun ("the Zaporizhzhia nuclear
// plant", "Kabul airport") and "the port of Beira" are FAC mentions of
// their own beside the place; road numbers before "highway" ("the N6
// highway") are FAC, and so is the number used alone afterwards ("the
// N6"), as the same entity. A country named at the start of an
// organisation's name is mentioned too ("U.S." in "U.S. Indo-Pacific
// Command"). A year before a named event joins it ("the
// 2023 Turkey earthquake"). Tagged phrases never end in a lower-case word.
//
// Identity: mentions with the same country or place link are one entity;
// demonyms join their country; a person's first or last name, or the start
// of the name, joins the most recent person it belongs to (and a short name
// used before the full one joins it); an acronym joins the organisation
// whose initials it spells; company names match without corporate
// suffixes ("Penn Traffic Co" and "Penn Traffic"); other names match
// exactly within a type family. Person titles before a name and
// appositions after it ("Samuel Paparo, head of U.S. Indo-Pacific
// Command,") become Entity.Roles. Entity.Name is the longest name mention
// as written ("Korean Central TV", "Red Cross"); the gazetteer's name
// replaces it only when the text uses an abbreviation ("U.S." -> "United
// States") or has no name mention ("the Kremlin" -> "Russia").
//
// Nominal and pronoun mentions (corefer.go), precision before recall: "the
// president", "the foreign minister", "the envoy" (not "the president of
// X") is a MentionNominal of the nearest person before it whose roles
// hold that title; "he" or "she" outside quotations is a MentionPronoun of
// the one person mentioned in its sentence before it or in the two
// sentences before, when there is exactly one.
package entity
