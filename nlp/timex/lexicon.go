package timex

import (
	"strings"
	"sync"

	"github.com/sitrep-news/sitrep/nlp/text"
)

// cat is the lexical category of a unit (a word or number of the sentence).
type cat uint8

const (
	cNone    cat = iota
	cNum         // digits; v is the value
	cNumWord     // one, twenty, hundred (v), dozen
	cOrd         // first .. thirty-first, 1st .. 31st (v)
	cMonth       // v 1..12
	cWeekday     // v 1..7, Monday = 1
	cUnit        // v is a unit code
	cSeason      // v season code
	cPart        // part of day: v part code
	cDeictic     // today, yesterday, now ...: v deictic code
	cRel         // last, next, this, past ...: v rel code
	cFuzzy       // early, late, mid, middle, end, beginning ...: v mod code
	cQuant       // about, around, nearly, more (than) ...: v quant code
	cAgo         // ago
	cAnaph       // earlier, later
	cSetAdv      // daily, weekly ...: v unit code
	cEvery       // every, each, per
	cDet         // the (v 0), a/an (v 1)
	cOf          // of
	cFiscal      // fiscal
	cTZ          // GMT, EST ...
	cAMPM        // a.m. (v 0), p.m. (v 1)
	cNoon        // noon, midnight, midday: v hour
	cHoliday     // v holiday code
	cFew         // few, several, many, couple, some (v: 2 for couple, 0 for X)
	cAnd         // and
	cHalf        // half
	cPrep        // in, on, at, since, until, by, for, during, from, to, within, over, through
	cOr          // or
	cThat        // that (day), the same
	cVerbCue     // a tense cue: v tense
	cMisc        // other words the grammar names: v misc code
)

// unit codes (also index into unitLetter).
const (
	uNone = iota
	uSecond
	uMinute
	uHour
	uDay
	uWeek
	uWeekend
	uMonth
	uQuarter
	uHalfYear
	uYear
	uDecade
	uCentury
	uMillennium
	uNight
	uFortnight
)

// part-of-day codes.
const (
	pMO = iota + 1
	pAF
	pEV
	pNI
	pDT
)

var partCode = [...]string{"", "MO", "AF", "EV", "NI", "DT"}

// season codes.
const (
	sSP = iota + 1
	sSU
	sFA
	sWI
)

var seasonCode = [...]string{"", "SP", "SU", "FA", "WI"}

// deictic codes.
const (
	dToday = iota + 1
	dYesterday
	dTomorrow
	dTonight
	dNow
	dRecently
	dFuture
	dPast
	dSoon
	dOvernight
	dFormerly
	dCurrent
	dNowadays
	dRecent
)

// rel codes.
const (
	rLast = iota + 1
	rNext
	rThis
	rPast
	rComing
	rPrevious
	rFollowing
	rCurrent
	rLatest
	rRecent
	rSame
	rEarly // only used by fuzzy
)

// fuzzy mod codes.
const (
	fEarly = iota + 1
	fLate
	fMid
	fMiddle
	fEnd
	fBeginning
	fStart
	fLatter
	fFormer
)

// preposition codes.
const (
	prIn = iota + 1
	prOn
	prAt
	prSince
	prUntil
	prBy
	prFor
	prDuring
	prFrom
	prTo
	prBefore
	prAfter
	prBetween
)

// quant codes.
const (
	qApprox = iota + 1
	qLess
	qMore
	qAtLeast // at (least)
	qNoMore  // no (more than)
	qUpTo
	qAlmost
	qOver
	qUnder
	qThan
	qLeast
	qMost
	qNearly
	qAround
)

// misc codes.
const (
	mFrom = iota + 1
	mNow
	mHence
	mAhead
	mLong
	mAdditional
	mOther
	mTrading
	mBusiness
	mWeekOf
	mThrough
	mSince
	mYearOld
	mOld
	mEve
	mDay
	mTimes // once, twice, thrice
)

// tense cues.
const (
	tenseNone = iota
	tensePast
	tensePresent
	tenseFuture
)

type lex struct {
	k    cat
	v    int32
	abbr bool // may be written with a trailing period (Aug., Sept.)
	cap  bool // recognised only when capitalised (May, March, Sun)
}

var (
	lexOnce sync.Once
	lexMap  *text.WordMap[lex]
)

// lexicon returns the word table, built once. It is looked up for every
// word of a text, so it is a text.WordMap, quick to say no.
func lexicon() *text.WordMap[lex] {
	lexOnce.Do(func() {
		m := buildLexicon()
		lexMap = text.NewWordMap(m)
		for w, l := range m {
			if k, ok := text.ShortKey(w); ok && w == strings.ToLower(w) { // GetFold finds no other key
				i := text.ShortSlot(k)
				for shortLex[i].key != 0 {
					i = (i + 1) % len(shortLex)
				}
				shortLex[i] = shortEntry{k, l}
			}
		}
	})
	return lexMap
}

// shortLex holds the lexicon's words of one to three letters (the, of, in,
// a, ago, may): three in four of the words addUnit looks up are that
// short, and this table, small enough to stay in cache, finds them or
// their absence in a probe or two (in the WordMap a lookup costs a hash,
// a probe, a compare and some cache misses).
var shortLex [256]shortEntry

type shortEntry struct {
	key uint32 // text.ShortKey of the word, 0 for a free slot
	l   lex
}

// lookupLetters is lexicon().GetFold(w) for a word w of ASCII letters.
func lookupLetters(lx *text.WordMap[lex], w string) (lex, bool) {
	if len(w) > 3 {
		return lx.GetFold(w)
	}
	k := uint32(w[0] | 0x20)
	if len(w) > 1 {
		k |= uint32(w[1]|0x20) << 8
		if len(w) > 2 {
			k |= uint32(w[2]|0x20) << 16
		}
	}
	for i := text.ShortSlot(k); shortLex[i].key != 0; i = (i + 1) % len(shortLex) {
		if shortLex[i].key == k {
			return shortLex[i].l, true
		}
	}
	return lex{}, false
}

func buildLexicon() map[string]lex {
	m := make(map[string]lex, 600)
	add := func(k cat, v int, words ...string) {
		for _, w := range words {
			m[w] = lex{k: k, v: int32(v)}
		}
	}
	months := [][]string{
		{"january", "jan"}, {"february", "feb"}, {"march", "mar"}, {"april", "apr"}, {"may"},
		{"june", "jun"}, {"july", "jul"}, {"august", "aug"}, {"september", "sept", "sep"},
		{"october", "oct"}, {"november", "nov"}, {"december", "dec"},
	}
	for i, ws := range months {
		for j, w := range ws {
			m[w] = lex{k: cMonth, v: int32(i + 1), abbr: j > 0, cap: true}
		}
	}
	days := [][]string{
		{"monday"}, {"tuesday", "tues"}, {"wednesday"}, {"thursday", "thurs"},
		{"friday"}, {"saturday"}, {"sunday"},
	}
	for i, ws := range days {
		for j, w := range ws {
			m[w] = lex{k: cWeekday, v: int32(i + 1), abbr: j > 0, cap: j > 0}
		}
	}
	for i, w := range []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
		"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"} {
		add(cNumWord, i, w)
	}
	for i, w := range []string{"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"} {
		add(cNumWord, 20+10*i, w)
	}
	add(cNumWord, 100, "hundred")
	add(cNumWord, 1000, "thousand")
	add(cNumWord, 12, "dozen")
	for i, w := range []string{"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
		"eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
		"nineteenth", "twentieth"} {
		add(cOrd, i+1, w)
	}
	add(cOrd, 30, "thirtieth")
	add(cOrd, -1, "final") // final quarter
	units := []struct {
		u  int
		ws []string
	}{
		{uSecond, []string{"second", "seconds", "sec", "secs"}},
		{uMinute, []string{"minute", "minutes", "min", "mins"}},
		{uHour, []string{"hour", "hours", "hr", "hrs"}},
		{uDay, []string{"day", "days"}},
		{uWeek, []string{"week", "weeks", "wk", "wks"}},
		{uWeekend, []string{"weekend", "weekends"}},
		{uMonth, []string{"month", "months"}},
		{uQuarter, []string{"quarter", "quarters"}},
		{uYear, []string{"year", "years", "yr", "yrs"}},
		{uDecade, []string{"decade", "decades"}},
		{uCentury, []string{"century", "centuries"}},
		{uMillennium, []string{"millennium", "millennia"}},
		{uNight, []string{"night", "nights"}},
		{uFortnight, []string{"fortnight", "fortnights"}},
	}
	for _, u := range units {
		add(cUnit, u.u, u.ws...)
	}
	// "second" is an ordinal before a unit ("the second quarter") and a unit
	// after a number ("30 seconds"); the grammar checks both readings.
	m["second"] = lex{k: cOrd, v: 2}
	add(cSeason, sSP, "spring", "springtime")
	add(cSeason, sSU, "summer", "summertime")
	add(cSeason, sFA, "fall", "autumn")
	add(cSeason, sWI, "winter", "wintertime")
	add(cPart, pMO, "morning", "mornings")
	add(cPart, pAF, "afternoon", "afternoons")
	add(cPart, pEV, "evening", "evenings")
	add(cPart, pDT, "daytime")
	add(cDeictic, dToday, "today")
	add(cDeictic, dYesterday, "yesterday")
	add(cDeictic, dTomorrow, "tomorrow")
	add(cDeictic, dTonight, "tonight")
	add(cDeictic, dNow, "now", "currently", "presently", "nowadays")
	add(cDeictic, dRecently, "recently", "lately")
	add(cDeictic, dFuture, "future")
	add(cDeictic, dSoon, "soon")
	add(cDeictic, dOvernight, "overnight")
	add(cDeictic, dFormerly, "formerly", "previously")
	add(cRel, rLast, "last")
	add(cRel, rNext, "next")
	add(cRel, rThis, "this", "these")
	add(cRel, rPast, "past")
	add(cRel, rComing, "coming", "upcoming")
	add(cRel, rPrevious, "previous", "prior", "preceding")
	add(cRel, rFollowing, "following", "subsequent")
	add(cRel, rCurrent, "current")
	add(cRel, rLatest, "latest", "most")
	add(cRel, rRecent, "recent")
	add(cRel, rSame, "same")
	add(cFuzzy, fEarly, "early")
	add(cFuzzy, fLate, "late")
	add(cFuzzy, fMid, "mid")
	add(cFuzzy, fMiddle, "middle")
	add(cFuzzy, fEnd, "end", "close")
	add(cFuzzy, fBeginning, "beginning", "dawn")
	add(cFuzzy, fStart, "start", "outset")
	add(cFuzzy, fLatter, "latter")
	add(cFuzzy, fFormer, "former")
	add(cQuant, qApprox, "approximately", "roughly", "some", "approx", "circa")
	add(cQuant, qAround, "about", "around")
	add(cQuant, qAlmost, "almost")
	add(cQuant, qLess, "less", "fewer")
	add(cQuant, qMore, "more")
	add(cQuant, qOver, "over")
	add(cQuant, qUnder, "under")
	add(cQuant, qUpTo, "up")
	add(cQuant, qThan, "than")
	add(cQuant, qLeast, "least")
	add(cQuant, qMost, "most")
	m["nearly"] = lex{k: cQuant, v: qNearly}
	m["some"] = lex{k: cQuant, v: qApprox}
	add(cAgo, 0, "ago")
	add(cAnaph, -1, "earlier")
	add(cAnaph, 1, "later")
	add(cSetAdv, uHour, "hourly")
	add(cSetAdv, uDay, "daily", "nightly")
	add(cSetAdv, uWeek, "weekly")
	add(cSetAdv, uMonth, "monthly")
	add(cSetAdv, uQuarter, "quarterly")
	add(cSetAdv, uYear, "annually", "yearly")
	add(cEvery, 0, "every", "each", "per")
	add(cDet, 0, "the")
	add(cDet, 1, "a", "an")
	add(cOf, 0, "of")
	add(cFiscal, 0, "fiscal", "fy")
	add(cTZ, 0, "gmt", "utc", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "bst", "cet", "cest", "jst", "kst", "msk", "z", "et", "pt", "ct", "mt")
	m["am"] = lex{k: cAMPM, v: 0}
	m["pm"] = lex{k: cAMPM, v: 1}
	m["a.m"] = lex{k: cAMPM, v: 0, abbr: true}
	m["p.m"] = lex{k: cAMPM, v: 1, abbr: true}
	add(cNoon, 12, "noon", "midday")
	add(cNoon, 24, "midnight")
	add(cFew, 0, "few", "several", "many", "numerous")
	add(cFew, 2, "couple")
	add(cAnd, 0, "and")
	add(cHalf, 0, "half")
	add(cPrep, prIn, "in")
	add(cPrep, prOn, "on")
	add(cPrep, prAt, "at")
	add(cPrep, prSince, "since")
	add(cPrep, prUntil, "until", "till", "through", "thru")
	add(cPrep, prBy, "by")
	add(cPrep, prFor, "for")
	add(cPrep, prDuring, "during", "throughout", "within", "over")
	add(cPrep, prFrom, "from")
	add(cPrep, prTo, "to")
	add(cPrep, prBefore, "before")
	add(cPrep, prAfter, "after")
	add(cPrep, prBetween, "between")
	m["over"] = lex{k: cQuant, v: qOver}
	m["hence"] = lex{k: cMisc, v: mHence}
	m["ahead"] = lex{k: cMisc, v: mAhead}
	m["long"] = lex{k: cMisc, v: mLong}
	m["additional"] = lex{k: cMisc, v: mAdditional}
	m["other"] = lex{k: cMisc, v: mOther}
	m["trading"] = lex{k: cMisc, v: mTrading}
	m["business"] = lex{k: cMisc, v: mBusiness}
	m["old"] = lex{k: cMisc, v: mOld}
	m["eve"] = lex{k: cMisc, v: mEve}
	m["or"] = lex{k: cOr}
	add(cMisc, mTimes, "once", "twice", "thrice")
	m["that"] = lex{k: cThat}
	m["those"] = lex{k: cThat}
	for _, w := range []string{"christmas", "thanksgiving", "halloween", "easter", "hanukkah", "ramadan"} {
		m[w] = lex{k: cHoliday, v: int32(holidayCode(w)), cap: true}
	}
	// tense cues
	for _, w := range []string{"will", "'ll", "shall", "wo", "going", "expected", "scheduled", "plans", "planned", "planning", "payable", "expects", "expect", "anticipates", "anticipated", "intend", "slated", "seeks", "forecast", "forecasts", "projected", "tentatively", "upcoming", "begins", "starts", "ends", "expires", "expire", "until", "beginning", "starting", "effective", "due", "next", "upcoming", "intends", "aims", "hopes", "tomorrow", "ll", "would", "'d", "could", "might", "may", "should", "must", "can", "plan"} {
		if _, ok := m[w]; !ok {
			m[w] = lex{k: cVerbCue, v: tenseFuture}
		}
	}
	for _, w := range []string{"was", "were", "had", "did", "said", "told", "came", "went", "saw", "met", "took", "gave", "made", "began", "began", "sent", "won", "lost", "rose", "fell", "left", "held", "got", "became", "paid", "sold", "bought", "spent", "ago", "yesterday", "last", "earlier", "wasn", "weren", "didn", "hadn", "announced", "reported", "killed", "ran", "put", "hit", "cut", "brought", "thought", "found", "knew", "grew", "led", "fought", "struck", "wrote", "spoke", "chose", "drove", "flew", "stood",
		"shrank", "sank", "drew", "threw", "broke", "bore", "swore", "tore", "froze", "woke", "rode", "hid", "bit", "slid", "sprang",
		"swam", "rang", "sang", "drank", "spun", "stuck", "hung", "dug", "fled", "bled", "fed", "sped", "slept", "wept", "swept",
		"crept", "felt", "dealt", "knelt", "meant", "lent", "bent", "built", "shot", "forgot", "sat", "lit", "bought", "sought",
		"taught", "caught", "understood", "heard", "laid", "slew", "blew", "knew", "withdrew", "overthrew", "became", "overcame",
		"ate", "forgave", "ran", "arose", "stole", "shook", "fought", "wound", "beat", "upheld", "withheld", "foresaw", "undertook",
		"mistook", "overtook", "struck", "led", "misled", "sent", "spent", "kept", "left", "lost", "won", "began"} {
		if l, ok := m[w]; !ok {
			m[w] = lex{k: cVerbCue, v: tensePast}
		} else {
			_ = l
		}
	}
	for _, w := range []string{"is", "are", "am", "has", "have", "does", "do", "'re", "'ve"} {
		if _, ok := m[w]; !ok {
			m[w] = lex{k: cVerbCue, v: tensePresent}
		}
	}
	return m
}

const (
	hChristmas = iota + 1
	hThanksgiving
	hHalloween
	hEaster
	hOther
)

func holidayCode(w string) int {
	switch w {
	case "christmas":
		return hChristmas
	case "thanksgiving":
		return hThanksgiving
	case "halloween":
		return hHalloween
	case "easter":
		return hEaster
	}
	return hOther
}
