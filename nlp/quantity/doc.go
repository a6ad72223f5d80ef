// Package quantity finds figures in news text: counts of people and
// things, money and percentages, with the qualifier, unit, category, owner
// and source of each (CONTRACT `quantities`, type sitrep.Quantity).
//
// It has two layers.
//
// The number parser (Scanner, Numbers) reads numbers in digits and words
// with byte offsets: "11,000", "4.2", "1 234 567", "1.5 million", "$2.3bn"
// (the number part), "30k", "eleven thousand", "twenty-five", "a hundred",
// "a dozen", "two-thirds", "half", "a quarter", "one and a half", "3/4",
// "1e10". Ordinals ("80th", "third", "twenty-first") are read as Kind
// Ordinal, never as counts. On top of the numbers, Scanner.Ranges reads
// ranges and qualified figures ("between 10,000 and 12,000", "10,000 to
// 12,000", "10,000-12,000", "from 5 to 10", "up to 30,000", "at least 12",
// "500 or more"), Scanner.Percents percentages ("40%", "40 percent", "40
// per cent"), Scanner.Money amounts with an ISO 4217 currency ("$", "€",
// "£", "₩", "dollars", "won", "USD"), Scanner.Measures numbers with a unit
// of measure ("ten miles", "3-inch").
//
// Extract builds sitrep.Quantity values from those, over a segmented
// document, with context from the other stages passed in Options.
//
// # Conventions
//
// Vague figures follow ACLED's coding of vague counts: the plural round
// words stand for their lowest reading and are Approximate, with Min that
// value and Max just below the next order of magnitude:
//
//	dozens                 Value 12      Min 12      Max 119
//	scores (of)            Value 20      Min 20      Max 199
//	hundreds               Value 100     Min 100     Max 999
//	thousands              Value 1000    Min 1000    Max 9999
//	tens of thousands      Value 10000   Min 10000   Max 99999
//	hundreds of thousands  Value 100000  Min 100000  Max 999999
//	millions               Value 1e6     Min 1e6     Max 9999999
//	a few / several N      Value 3N      Min 2N      Max 9N   ("a few hundred": 300, 200..900)
//
// "A to B" after a change verb ("rose from 5 to 10", "fell 10 to 967,000")
// is two figures, not a range; a multiplier on the upper bound scales the
// lower one ("between 40 and 45 mln": 40e6..45e6).
//
// Qualifiers: "an estimated", "about", "around", "roughly", "nearly",
// "almost", "some", "approximately", "close to" make a figure Approximate
// and keep Value. Upper bounds ("up to", "as many as", "no more than",
// "less than", "fewer than", "under", "below", "at most") set Max; lower
// bounds ("at least", "more than", "over", "upwards of", "above", "no
// fewer than") set Min; ranges set Min and Max. A bounded figure has no
// point Value (nil): "up to 30,000" is Max 30000, not 30000. Qualifier
// holds the qualifying words as written.
//
// Units are what is counted: the head noun after the number, skipping
// adjectives, demonyms and names ("11,000 additional North Korean troops"
// -> troops), normalised to lower case and to the plural ("1 soldier" ->
// soldiers) from an embedded lexicon (units.txt), which also gives the
// category: personnel, casualties, displacement, health, aid, munitions,
// weapons, vehicles, people,
// economic (barrels, tonnes, shares), other. Casualty words are units in
// their own right ("12 killed") and a people count in predicate position
// takes the participle as its unit ("12 people were killed" -> killed,
// casualties). A plural noun outside the lexicon becomes the unit with
// category other. A figure without a noun but followed by "more",
// "additional" or "others" ("up to 10,000 more could follow") takes the
// unit of the count just before it (same or previous sentence). Money has the ISO code as unit ("USD") and category
// money, the Value in major units (cents are divided by 100); percentages
// have unit and category "percent" and the Value as written (40 for 40%).
//
// Units are canonical, so that figures compare across articles (synonyms
// in units.txt map to one unit):
//
//	casualties    killed (dead, died, deaths, fatalities, lives, death toll),
//	              wounded (injured, injuries, hurt), missing, casualties, victims
//	displacement  displaced (evacuated, evacuees, homeless, IDPs, fled,
//	              forced from their homes), refugees, asylum seekers
//	health        cases (infections, infected; "cases" only in a sentence
//	              about disease, else category other)
//	aid           doses, vaccines, tents, kits, food parcels, meals
//	personnel     troops, soldiers, sailors ... stay distinct words
//
// A figure with no noun after it takes its unit from its clause
// (predicate.go): the subject or object noun of a level verb ("the death
// toll has risen to 112", "casualties reached 40", "the number of
// displaced rose to 9,000", "a death toll of 64"; subjects.txt), where
// "passed", "exceeded", "topped" make the figure a lower bound; or the
// participle after a bare count whose noun is elided ("more than 9,000
// were forced from their homes" -> displaced, "190 died" -> killed). An
// estimating verb's subject is the figure's Source when no attribution
// holds it ("the Red Cross puts the toll at 200" -> "the Red Cross").
//
// Not counts: ordinals, years (four digits 1800-2100 without a counted
// noun), dates and times (a month name next to the number, digits joined
// by / or :, "a.m."), numbers inside a given timex ("three weeks"),
// durations and ages ("45-year-old", "three days"), identifiers ("G7",
// "F-16", "COVID-19", "Resolution 2231", "page 12", "No. 1"), numbers
// inside URLs, and a lone "one"/"a" without a counted noun.
//
// The figure's span runs from its qualifier through the number to its
// unit ("An estimated 11,000 North Korean troops").
//
// # Speed
//
// The whole text is lexed once into a reusable token slice, words eight
// bytes at a time; number words are recognised with a two-letter prefix
// table before a table lookup, and the lexer lists the few tokens that can
// start a number, the only ones Scan visits. Extract keeps its lists in
// the Scanner's buffers and allocates little more than its result.
// BenchmarkExtract runs on the Reuters-21578 sample, BenchmarkExtractPipeline
// with the other stages' results as the analyze pipeline passes them.
package quantity
