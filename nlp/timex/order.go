package timex

import (
	"sort"
	"strings"

	sitrep "github.com/sitrep-news/sitrep"
)

// Tense and aspect of an event mention, read from the auxiliaries before
// its trigger and the trigger's form (no tagger needed: the events layer
// gives the lemma).
type aspect int

const (
	aspNone        aspect = iota // infinitive, nominal, or not known
	aspPresent                   // "says", "is expected"
	aspProgressive               // "is fighting"
	aspPast                      // "said", "was killed", "did not say", "were fighting"
	aspPerfect                   // "has said"
	aspPastPerfect               // "had arrived"
	aspFuture                    // "will go", "would give", "could send"
)

// aspectOf reads the tense and aspect of event i.
func (a *anchorer) aspectOf(i int) aspect {
	e := a.ev[i]
	k := a.d.TokenAt(e.Start)
	if k < 0 || k >= len(a.d.Tokens) || e.Sentence < 0 || e.Sentence >= len(a.d.Sentences) {
		return aspNone
	}
	first := a.d.Sentences[e.Sentence].First
	w := a.word(k)
	var aux string
	have := false
	for j, steps := k-1, 0; j >= first && steps < 5; j, steps = j-1, steps+1 {
		p := a.word(j)
		switch p {
		case "not", "n't", "n’t", "also", "already", "just", "still", "never", "ever", "reportedly", "allegedly",
			"previously", "recently", "apparently", "finally", "now", "long", "then", "first", "since", "being", "be":
			continue
		case "been":
			continue
		case "have", "'ve", "’ve":
			have = true
			aux = p
			continue
		case "will", "'ll", "’ll", "shall", "wo", "would", "could", "might", "may", "can", "should", "must", "ca",
			"had", "'d", "’d", "has", "was", "were", "is", "are", "am", "'s", "’s", "'re", "’re", "did", "do", "does":
			aux = p
			if p == "'s" || p == "’s" {
				// "Russia's": a possessive, unless a participle follows
				if !strings.HasSuffix(w, "ing") && !strings.HasSuffix(w, "ed") {
					aux = ""
				}
			}
		case "to":
			return aspNone
		}
		break
	}
	switch aux {
	case "will", "'ll", "’ll", "shall", "wo", "would", "could", "might", "may", "can", "should", "must", "ca":
		if have {
			return aspPast // "may have prevented", "would have won": done, or not, by then
		}
		return aspFuture
	case "had", "'d", "’d":
		return aspPastPerfect
	case "has", "have", "'ve", "’ve":
		return aspPerfect
	case "was", "were", "did":
		return aspPast
	case "is", "are", "am", "'s", "’s", "'re", "’re":
		if strings.HasSuffix(w, "ing") {
			return aspProgressive
		}
		return aspPresent
	case "do", "does":
		return aspPresent
	}
	if k > first {
		switch a.word(k - 1) {
		case "the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our", "my", "your",
			"of", "'s", "’s", "for", "in", "on", "by", "with", "from", "at", "into":
			return aspNone // a nominal or a participle modifying a noun
		}
	}
	lemma := strings.ToLower(e.Lemma)
	switch {
	case strings.HasSuffix(w, "ing"):
		return aspNone
	case lemma == "":
		if strings.HasSuffix(w, "ed") {
			return aspPast
		}
		return aspNone
	case w == lemma:
		return aspNone // base form: an imperative, a plural present or a noun
	case w == lemma+"s" || w == lemma+"es" || strings.HasSuffix(lemma, "y") && w == lemma[:len(lemma)-1]+"ies":
		return aspPresent
	}
	return aspPast
}

// contentOf is the index of the quote whose content holds offset off, or -1.
func (a *anchorer) contentOf(off int) int {
	for i, q := range a.q {
		if q.Start <= off && off < q.End {
			return i
		}
	}
	return -1
}

// cueEvent is the event whose trigger is quote qi's cue, or -1.
func (a *anchorer) cueEvent(qi int) int {
	c := a.q[qi].Cue
	if c.End <= c.Start {
		return -1
	}
	for i, e := range a.ev {
		if e.Start < c.End && c.Start < e.End {
			return i
		}
	}
	return -1
}

// speechDays is the dated speech time of quote qi: its cue event's
// interval when that is known, else the quote's timex.
func (a *anchorer) speechDays(qi int) (interval, string, string) {
	if c := a.cueEvent(qi); c >= 0 && a.iv[c].ok && a.iv[c].lo > unknownLo && a.iv[c].hi < unknownHi {
		return a.iv[c], a.ev[c].ID, a.out[c].Value
	}
	if id := a.q[qi].Time; id != "" {
		for _, x := range a.tx {
			if x.ID == id && (x.Type == TypeDate || x.Type == TypeTime) {
				lo, ok1 := parseDay(x.Earliest)
				hi, ok2 := parseDay(x.Latest)
				if ok1 && ok2 {
					return interval{lo, hi, true}, x.ID, x.Value
				}
			}
		}
	}
	return interval{}, "", ""
}

// Bounds of half-open intervals: a side the text leaves open.
const (
	unknownLo = -1 << 40
	unknownHi = 1 << 40
)

// reported bounds the undated events of a quote's content by the dated
// speech time, and links them to the quote's cue event.
func (a *anchorer) reported() {
	if len(a.q) == 0 {
		return
	}
	cues := make([]int, len(a.q))
	for qi := range a.q {
		cues[qi] = a.cueEvent(qi)
	}
	for i, e := range a.ev {
		qi := a.contentOf(e.Start)
		if qi < 0 {
			continue
		}
		t := a.aspectOf(i)
		dir := 0
		switch t {
		case aspPast, aspPerfect, aspPastPerfect:
			dir = -1
		case aspFuture:
			dir = 1
		}
		if dir == 0 && (e.Modality == sitrep.ModalityFuture || e.Modality == sitrep.ModalityPossible) {
			dir = 1
		}
		if c := cues[qi]; c >= 0 && c != i && (dir != 0 || t == aspPresent || t == aspProgressive) {
			rel := "BEFORE"
			switch {
			case dir > 0:
				rel = "AFTER"
			case dir == 0:
				rel = "INCLUDES" // "said the army is advancing": it was, as they spoke
			}
			a.extra = append(a.extra, sitrep.TLink{From: e.ID, To: a.ev[c].ID, Rel: rel, Signal: a.q[qi].Cue})
		}
		if a.iv[i].ok || dir == 0 {
			continue
		}
		sp, id, val := a.speechDays(qi)
		if !sp.ok {
			continue
		}
		if dir < 0 {
			a.iv[i] = interval{unknownLo, sp.hi, true}
			a.out[i] = sitrep.EventTime{Value: "PAST_REF", Latest: formatYMD(dayOf(sp.hi)), Anchor: id,
				Derivation: "reported: at or before the speech time " + id + " " + val}
		} else {
			a.iv[i] = interval{sp.lo, unknownHi, true}
			a.out[i] = sitrep.EventTime{Value: "FUTURE_REF", Earliest: formatYMD(dayOf(sp.lo)), Anchor: id,
				Derivation: "reported to come: at or after the speech time " + id + " " + val}
		}
	}
}

// orders links events of one sentence that its tenses and its signal
// words order, with no date involved: a past perfect before the simple
// past around it ("troops had arrived when the offensive began"), a verb
// before the to-infinitive it governs ("agreed to withdraw"), and
// "A after|following B", "A before|prior to|until B", "A, then B",
// "After B, A".
func (a *anchorer) orders() {
	used := map[int]bool{}
	for _, r := range a.rels {
		used[r.signal.Start] = true
	}
	var aspects []aspect
	bySent := make([][]int, len(a.d.Sentences))
	for i, e := range a.ev {
		if e.Sentence >= 0 && e.Sentence < len(bySent) {
			bySent[e.Sentence] = append(bySent[e.Sentence], i)
		}
	}
	for si, evs := range bySent {
		if len(evs) < 2 {
			continue
		}
		s := a.d.Sentences[si]
		sort.Slice(evs, func(x, y int) bool { return a.ev[evs[x]].Start < a.ev[evs[y]].Start })
		aspects = aspects[:0]
		for _, e := range evs {
			aspects = append(aspects, a.aspectOf(e))
		}
		for x, ex := range evs {
			if aspects[x] != aspPastPerfect {
				continue
			}
			for y, ey := range evs {
				if (y == x-1 || y == x+1) && aspects[y] == aspPast && a.contentOf(a.ev[ex].Start) == a.contentOf(a.ev[ey].Start) &&
					!a.clauseBreak(a.ev[ex].Span(), a.ev[ey].Span()) {
					a.extra = append(a.extra, sitrep.TLink{From: a.ev[ex].ID, To: a.ev[ey].ID, Rel: "BEFORE"})
				}
			}
		}
		for x := 1; x < len(evs); x++ {
			// "agreed to withdraw", "plans to attend": what one decides,
			// plans or tries to do starts after the deciding
			ti, gi := a.d.TokenAt(a.ev[evs[x]].Start), a.d.TokenAt(a.ev[evs[x-1]].End)
			if ti < 1 || a.word(ti-1) != "to" || ti-1-gi > 2 || a.purpose[evs[x]] {
				continue
			}
			ok := true
			for q := gi; q < ti-1; q++ {
				if w := a.word(q); w == "," || w == "and" || w == "or" {
					ok = false
				}
			}
			if ok {
				a.extra = append(a.extra, sitrep.TLink{From: a.ev[evs[x-1]].ID, To: a.ev[evs[x]].ID, Rel: "BEFORE"})
			}
		}
		for k := s.First; k < s.Last; k++ {
			w := signalWord(a.d.Tok(k))
			if w == "" {
				continue
			}
			dir := 0
			n := 1
			switch w {
			case "after":
				dir = 1
			case "following":
				if k > s.First && a.word(k-1) != "the" && a.word(k-1) != "a" {
					dir = 1
				}
			case "before", "until", "till":
				dir = -1
			case "prior":
				if a.word(k+1) == "to" {
					dir, n = -1, 2
				}
			case "then":
				dir = 2
			}
			if dir == 0 || used[a.d.Tokens[k].Start] {
				continue
			}
			sigEnd := a.d.Tokens[k+n-1].End
			sig := sitrep.NewTextSpan(a.d.Text, sitrep.Span{Start: a.d.Tokens[k].Start, End: sigEnd})
			before, after := -1, -1
			for _, e := range evs {
				if a.ev[e].End <= sig.Start {
					before = e
				}
				if after < 0 && a.ev[e].Start >= sig.End && a.d.TokenAt(a.ev[e].Start)-(k+n) <= 6 {
					after = e
				}
			}
			if after < 0 {
				continue
			}
			if dir == 2 {
				if before >= 0 {
					a.extra = append(a.extra, sitrep.TLink{From: a.ev[after].ID, To: a.ev[before].ID, Rel: "AFTER", Signal: sig})
				}
				continue
			}
			gov := before
			if k == s.First || a.word(k-1) == "," && k-1 == s.First {
				// "After the vote, crowds gathered": the main clause
				// follows the comma that closes the signal's clause
				gov = -1
				comma := -1
				for q := a.d.TokenAt(a.ev[after].End); q < s.Last; q++ {
					if a.d.Tok(q) == "," {
						comma = a.d.Tokens[q].End
						break
					}
				}
				for _, e := range evs {
					if comma >= 0 && a.ev[e].Start > comma {
						gov = e
						break
					}
				}
			}
			if gov < 0 || gov == after {
				continue
			}
			rel := "AFTER"
			if dir < 0 {
				rel = "BEFORE"
			}
			a.extra = append(a.extra, sitrep.TLink{From: a.ev[gov].ID, To: a.ev[after].ID, Rel: rel, Signal: sig})
		}
	}
}

// reports links each reporting event ("said", "told", "announced") after
// the events its own and the neighbouring sentences tell: news reports
// what has happened, so the report comes after it ("Rebels attacked the
// town. The army said ..."). Forecasts are left out: what will happen
// comes after the report. Pairs already linked, or ordered by their dates,
// keep that order.
func (a *anchorer) reports() {
	var linked map[[2]string]bool
	var asp []aspect
	for i, r := range a.ev {
		if r.Class != "REPORTING" {
			continue
		}
		if asp == nil {
			linked = map[[2]string]bool{}
			for _, l := range a.extra {
				linked[[2]string{l.From, l.To}] = true
				linked[[2]string{l.To, l.From}] = true
			}
			asp = make([]aspect, len(a.ev))
			for j := range a.ev {
				asp[j] = a.aspectOf(j)
			}
		}
		if asp[i] == aspFuture || r.Modality == sitrep.ModalityFuture || r.Modality == sitrep.ModalityPossible {
			continue
		}
		for j, x := range a.ev {
			if j == i || x.Class == "REPORTING" || x.Sentence < r.Sentence-1 || x.Sentence > r.Sentence+1 {
				continue
			}
			if asp[j] == aspFuture || x.Modality == sitrep.ModalityFuture || x.Modality == sitrep.ModalityPossible {
				continue
			}
			if x.Sentence > r.Sentence && a.contentOf(x.Start) < 0 && asp[j] != aspPerfect && asp[j] != aspPastPerfect {
				// the sentence after a report may tell what it reports
				// (quoted, or in a perfect tense), or go on with the story
				continue
			}
			if linked[[2]string{x.ID, r.ID}] {
				continue
			}
			if xi, ri := a.iv[j], a.iv[i]; xi.ok && ri.ok && (xi.hi < ri.lo || ri.hi < xi.lo) {
				continue // their dates order them already
			}
			linked[[2]string{x.ID, r.ID}], linked[[2]string{r.ID, x.ID}] = true, true
			a.extra = append(a.extra, sitrep.TLink{From: x.ID, To: r.ID, Rel: "BEFORE"})
		}
	}
}

// clauseBreak reports whether a relative pronoun, a semicolon, a dash or a
// quotation mark stands between spans x and y of one sentence: the two
// sit in different clauses, and a date of one is not the other's.
func (a *anchorer) clauseBreak(x, y sitrep.Span) bool {
	if y.Start < x.Start {
		x, y = y, x
	}
	for k := a.d.TokenAt(x.End); k < len(a.d.Tokens) && a.d.Tokens[k].End <= y.Start; k++ {
		switch w := a.d.Tok(k); w {
		case ";", "--", "—", "_", "``", "''", "\"", "“", "”":
			return true
		default:
			if len(w) >= 3 && len(w) <= 5 && (w[0] == 'w' || w[0] == 'W') &&
				(strings.EqualFold(w, "who") || strings.EqualFold(w, "whom") || strings.EqualFold(w, "whose") || strings.EqualFold(w, "which")) {
				return true
			}
		}
	}
	return false
}

// signalWords are the words orders reads between event clauses.
var signalWords = [...]string{"after", "following", "before", "until", "till", "prior", "then"}

// signalWord is w in lower case when it is one of signalWords, else "";
// it does not allocate.
func signalWord(w string) string {
	if len(w) < 4 || len(w) > 9 {
		return ""
	}
	switch w[0] | 0x20 { // the first letters of signalWords: most words stop here
	case 'a', 'f', 'b', 'u', 't', 'p':
	default:
		return ""
	}
	for _, s := range signalWords {
		if len(s) == len(w) && strings.EqualFold(s, w) {
			return s
		}
	}
	return ""
}

// maxDateReach is how many tokens a date reaches to the event it dates:
// farther events in a long sentence are told in other clauses ("On
// August 30 state media shared a photo showing Kim meeting families of
// soldiers killed fighting in the war": the killing is not of August 30).
const maxDateReach = 12

// tokensApart counts the tokens between spans [s1,e1) and [s2,e2).
func (a *anchorer) tokensApart(s1, e1, s2, e2 int) int {
	if s2 < s1 {
		s1, e1, s2, e2 = s2, e2, s1, e1
	}
	return a.d.TokenAt(s2) - a.d.TokenAt(e1)
}
