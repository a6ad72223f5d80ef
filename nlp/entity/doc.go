// Package entity is sitrep's named-entity recogniser and within-document
// identity resolver: it finds PERSON, ORG, GPE, LOC, FAC, NORP, EVENT and
// MISC mentions, links them (ISO 3166 alpha-3 for countries, GeoNames ids and
// coordinates for places) and groups them into one Entity per real-world
// identity ("Kim Jong Un" ... "Kim"; Korean Central News Agency ... KCNA;
// "North Korean troops" and "Pyongyang" as an actor with North Korea).
//
// # Tagger
//
// The statistical part is a greedy left-to-right averaged-perceptron tagger
// over BILOU labels of the CoNLL-2003 types PER, ORG, LOC and MISC, in the
// style of Ratinov & Roth (2009): lower-cased words in a ±2 window, the exact
// word, word shapes and their bigrams, prefixes and suffixes up to four
// letters, the two previous predictions and their conjunction with the
// word, a headline (all-capitals sentence) flag, whether a capitalised word
// also occurs in lower case in the document, the types the same word was
// tagged with earlier in the document, and gazetteer marks (countries,
// places, demonyms, organisations, events, seats of power, person titles)
// from nlp/gazetteer. Features are 32-bit hashes; the model keeps only
// features with non-zero averaged weight, quantised to int16, in an
// open-addressing table (a few MB, loaded in tens of milliseconds).
// Tokens without a capital letter outside an open phrase are labelled O
// without scoring, in training and tagging alike.
//
// The embedded model model/ner.bin.gz is rebuilt, deterministically (fixed
// shuffling seed), with
//
//	sitrep train ner --train ../shared/eval/conll2003/eng.train \
//	    --dev ../shared/eval/conll2003/eng.testa --out nlp/entity/model/ner.bin.gz
//
// which keeps the iteration scoring best on the development file. The
// gazetteer features mean the model must be retrained when nlp/gazetteer's
// data changes much. Score it with
//
//	sitrep eval ner --conll ../shared/eval/conll2003/eng.testa
//
// # Types, links and identity
//
// Recognize types each tagged phrase with the gazetteer: LOC becomes GPE
// for countries, cities and regions (and unknown towns), LOC for other
// geography, FAC for facilities; MISC becomes NORP for demonyms and EVENT
// for named events. Country names and demonyms the tagger missed are added
// from the gazetteer. A capital or seat of power ("Pyongyang", "the
// Kremlin", "Washington") stands for its country when used as an actor
// (possessive, subject of a verb, "X and its allies") and stays a place
// after a locative preposition ("in Beijing"). Person titles before a name
// and appositions after it ("Samuel Paparo, head of U.S. Indo-Pacific
// Command,") become Entity.Roles.
package entity
