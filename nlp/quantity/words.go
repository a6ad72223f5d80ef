package quantity

import "github.com/sitrep-news/sitrep/nlp/text"

// word classes of the number lexicon.
const (
	cNone    uint8 = iota
	cUnit          // zero .. nineteen
	cTens          // twenty .. ninety
	cHundred       // hundred(s)
	cScale         // thousand, million, billion, trillion, lakh, crore
	cDozen         // dozen(s), dz, doz
	cOrd           // first, fifth, twentieth, hundredth ... (plural: fifths)
	cHalf          // half, halves
	cQuarter       // quarter(s)
	cA             // a, an
	cAnd           // and
	cPoint         // point
	cMinus         // minus, negative
	cTensOf        // tens (of thousands)
	cFew           // few, several
)

// ordinal sub-kinds (wordInfo.ord).
const (
	oUnit  uint8 = iota + 1 // first .. nineteenth
	oTens                   // twentieth .. ninetieth
	oScale                  // hundredth, thousandth, millionth ...
)

// wordInfo is a word's class in the number lexicon.
type wordInfo struct {
	cls    uint8
	ord    uint8 // for cOrd
	plural bool
	val    float64
}

var numberWords = func() map[string]wordInfo {
	m := map[string]wordInfo{}
	units := []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
		"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"}
	for i, w := range units {
		m[w] = wordInfo{cls: cUnit, val: float64(i)}
	}
	m["nought"] = wordInfo{cls: cUnit}
	m["naught"] = wordInfo{cls: cUnit}
	tens := []string{"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
	for i, w := range tens {
		m[w] = wordInfo{cls: cTens, val: float64(20 + 10*i)}
	}
	m["fourty"] = wordInfo{cls: cTens, val: 40}
	m["hundred"] = wordInfo{cls: cHundred, val: 100}
	m["hundreds"] = wordInfo{cls: cHundred, val: 100, plural: true}
	scales := map[string]float64{"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "lakh": 1e5, "crore": 1e7}
	for w, v := range scales {
		m[w] = wordInfo{cls: cScale, val: v}
		m[w+"s"] = wordInfo{cls: cScale, val: v, plural: true}
	}
	m["dozen"] = wordInfo{cls: cDozen, val: 12}
	m["dozens"] = wordInfo{cls: cDozen, val: 12, plural: true}
	m["score"] = wordInfo{cls: cDozen, val: 20}
	m["scores"] = wordInfo{cls: cDozen, val: 20, plural: true}
	m["dz"] = wordInfo{cls: cDozen, val: 12}
	m["dzs"] = wordInfo{cls: cDozen, val: 12, plural: true}
	m["doz"] = wordInfo{cls: cDozen, val: 12}
	m["dozs"] = wordInfo{cls: cDozen, val: 12, plural: true}
	ords := []string{"", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
		"eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth"}
	for i, w := range ords {
		if i == 0 {
			continue
		}
		m[w] = wordInfo{cls: cOrd, ord: oUnit, val: float64(i)}
		m[w+"s"] = wordInfo{cls: cOrd, ord: oUnit, val: float64(i), plural: true}
	}
	m["nineth"] = wordInfo{cls: cOrd, ord: oUnit, val: 9}
	tensOrd := []string{"twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth"}
	for i, w := range tensOrd {
		m[w] = wordInfo{cls: cOrd, ord: oTens, val: float64(20 + 10*i)}
		m[w+"s"] = wordInfo{cls: cOrd, ord: oTens, val: float64(20 + 10*i), plural: true}
	}
	scaleOrd := map[string]float64{"hundredth": 100, "thousandth": 1e3, "millionth": 1e6, "billionth": 1e9, "trillionth": 1e12}
	for w, v := range scaleOrd {
		m[w] = wordInfo{cls: cOrd, ord: oScale, val: v}
		m[w+"s"] = wordInfo{cls: cOrd, ord: oScale, val: v, plural: true}
	}
	m["half"] = wordInfo{cls: cHalf, val: 2}
	m["halves"] = wordInfo{cls: cHalf, val: 2, plural: true}
	m["quarter"] = wordInfo{cls: cQuarter, val: 4}
	m["quarters"] = wordInfo{cls: cQuarter, val: 4, plural: true}
	m["a"] = wordInfo{cls: cA, val: 1}
	m["an"] = wordInfo{cls: cA, val: 1}
	m["and"] = wordInfo{cls: cAnd}
	m["point"] = wordInfo{cls: cPoint}
	m["tens"] = wordInfo{cls: cTensOf, val: 10, plural: true}
	m["few"] = wordInfo{cls: cFew, val: 3}
	m["several"] = wordInfo{cls: cFew, val: 3}
	m["minus"] = wordInfo{cls: cMinus}
	m["negative"] = wordInfo{cls: cMinus}
	return m
}()

// suffixes are multipliers written right after digits ("30k", "$2.3bn",
// "10M") or, for the long forms, after a space ("2 mln"). Case matters:
// "1m" is not a million.
var suffixes = text.NewWordMap(map[string]float64{
	"k": 1e3, "K": 1e3,
	"M": 1e6, "MM": 1e6, "mil": 1e6, "mln": 1e6, "mn": 1e6, "Mn": 1e6, "MN": 1e6,
	"b": 1e9, "B": 1e9, "bn": 1e9, "Bn": 1e9, "BN": 1e9, "bln": 1e9, "G": 1e9,
	"T": 1e12, "tn": 1e12, "tln": 1e12, "trn": 1e12,
})

// prefix2 holds, for the first two letters (lower case) of the number
// words, the set of their lengths as bits: a cheap test that rejects most
// words of a text ("the", "on", "has") before the table lookup.
var prefix2 = func() (t [26 * 26]uint16) {
	for w := range numberWords {
		if len(w) >= 2 && len(w) <= 12 && w[0] >= 'a' && w[0] <= 'z' && w[1] >= 'a' && w[1] <= 'z' {
			t[int(w[0]-'a')*26+int(w[1]-'a')] |= 1 << len(w)
		}
	}
	return t
}()

// numberInfo lists the classes of the number words; numberIndex maps each
// word to its index there (0 is no number word).
var numberInfo, numberIndex = func() ([]wordInfo, *text.WordMap[uint8]) {
	info := []wordInfo{{}}
	idx := map[string]uint8{}
	for w, wi := range numberWords {
		idx[w] = uint8(len(info))
		info = append(info, wi)
	}
	if len(info) > 256 {
		panic("quantity: more than 255 number words")
	}
	return info, text.NewWordMap(idx)
}()

// lookupWord classifies a word of the text (case-insensitively): its index
// in numberInfo.
func lookupWord(w string) uint8 {
	if len(w) > 12 || len(w) == 0 {
		return 0
	}
	if len(w) >= 2 {
		a, b := w[0]|0x20, w[1]|0x20
		if a < 'a' || a > 'z' || b < 'a' || b > 'z' || prefix2[int(a-'a')*26+int(b-'a')]&(1<<len(w)) == 0 {
			return 0
		}
	}
	i, _ := numberIndex.GetFold(w)
	return i
}
