package kb

import (
	"fmt"
	"html/template"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	sitrep "github.com/sitrep-news/sitrep"
)

// Brief is the generated briefing on a story: four sections, every item
// citing its sources.
type Brief struct {
	Query          string        `json:"query"`
	AsOf           string        `json:"as_of"` // the newest report it draws on
	Documents      int           `json:"documents"`
	WhyItMatters   []BriefItem   `json:"why_it_matters"`
	WhatToKnow     []BriefItem   `json:"what_to_know"`
	WhatPeopleSaid []BriefItem   `json:"what_people_have_said"`
	WhatsNext      []BriefItem   `json:"whats_next"`
	Sections       []BriefHeader `json:"-"`
}

// BriefHeader pairs a section title with its items, for renderers.
type BriefHeader struct {
	Title string
	Items []BriefItem
}

// BriefItem is one line of the brief and the reports it rests on.
type BriefItem struct {
	Text    string   `json:"text"`
	Date    string   `json:"date,omitempty"` // the event or deadline date, where there is one
	Flag    string   `json:"flag,omitempty"` // "contradiction", "overdue", "met", "possible", ...
	Sources []Source `json:"sources"`
}

// BriefInput is what a brief is built from: everything the store knows
// about the story (already narrowed to the query, if any).
type BriefInput struct {
	Query     string
	Documents int
	Timeline  []TimelineItem
	Claims    []Claim
	Quotes    []sitrep.StoredQuote
	Forecasts []Forecast
}

// Limits on each section, so a brief stays a brief.
const (
	maxWhy  = 6
	maxKnow = 12
	maxSaid = 8
	maxNext = 8
)

// NewBrief builds the brief:
//   - Why It Matters: the key figures (the latest figure of each measure
//     most sources speak to, contradictions flagged) and the most
//     corroborated events;
//   - What to Know: the most significant dated facts (corroborated,
//     typed, with participants and real dates), in time order;
//   - What People Have Said: quotes, one or two per speaker, direct first;
//   - What's Next: open and overdue forecasts with their deadlines.
func NewBrief(in BriefInput) Brief {
	b := Brief{Query: in.Query, Documents: in.Documents}
	for _, it := range in.Timeline {
		for _, s := range it.Sources {
			if s.Published > b.AsOf {
				b.AsOf = s.Published
			}
		}
	}

	// Why It Matters.
	for _, c := range in.Claims {
		if len(b.WhyItMatters) >= maxWhy-1 {
			break
		}
		if c.Category == "" || c.Category == "other" {
			continue
		}
		last := c.Latest()
		item := BriefItem{Text: figureSentence(c, last), Sources: []Source{last.Source}}
		if len(c.Contradictions) > 0 {
			x := c.Contradictions[len(c.Contradictions)-1]
			fa, fb := c.Figures[x.A], c.Figures[x.B]
			item.Flag = "contradiction"
			item.Text = fmt.Sprintf("%s: sources disagree — %s%s.", sentenceCase(measureName(c)), x.Note, asOf(fb.Source.Published))
			item.Sources = uniqueSources([]Source{fa.Source, fb.Source})
		} else if len(c.Figures) > 1 {
			first := c.Figures[0]
			if !sameFigure(first, last) && first.Source.Published < last.Source.Published {
				item.Text += fmt.Sprintf(" Earlier reports gave %s (%s).", strings.TrimSpace(first.Text), first.Source.Published)
				item.Sources = uniqueSources(append(item.Sources, first.Source))
			}
		}
		b.WhyItMatters = append(b.WhyItMatters, item)
	}
	corroborated := append([]TimelineItem(nil), in.Timeline...)
	sort.SliceStable(corroborated, func(i, j int) bool {
		if corroborated[i].Reports != corroborated[j].Reports {
			return corroborated[i].Reports > corroborated[j].Reports
		}
		return corroborated[i].ID < corroborated[j].ID
	})
	for _, it := range corroborated {
		if len(b.WhyItMatters) >= maxWhy || it.Reports < 2 {
			break
		}
		b.WhyItMatters = append(b.WhyItMatters, BriefItem{
			Text: fmt.Sprintf("%s — reported by %d sources.", sentenceCase(it.Text), it.Reports), Date: it.Value, Sources: it.Sources})
	}

	// What to Know: the most significant dated facts, in time order.
	var facts []TimelineItem
	for _, it := range in.Timeline {
		if it.Earliest == "" || it.Modality == sitrep.ModalityFuture || it.Modality == sitrep.ModalityPossible || it.Modality == sitrep.ModalityNegated {
			continue
		}
		facts = append(facts, it)
	}
	if len(facts) == 0 {
		// Undated documents: their events in report order, rather than
		// nothing.
		for _, it := range in.Timeline {
			if it.Modality != sitrep.ModalityFuture && it.Modality != sitrep.ModalityPossible && it.Modality != sitrep.ModalityNegated {
				facts = append(facts, it)
			}
		}
	}
	if len(facts) > maxKnow {
		ranked := append([]TimelineItem(nil), facts...)
		sort.SliceStable(ranked, func(i, j int) bool { return significance(ranked[i]) > significance(ranked[j]) })
		keep := map[string]bool{}
		for _, it := range ranked[:maxKnow] {
			keep[it.ID] = true
		}
		facts = facts[:0]
		for _, it := range in.Timeline {
			if keep[it.ID] {
				facts = append(facts, it)
			}
		}
	}
	for _, it := range facts {
		b.WhatToKnow = append(b.WhatToKnow, BriefItem{Text: sentenceCase(it.Text), Date: it.When, Sources: it.Sources})
	}

	// What People Have Said: newest first, at most two per speaker.
	quotes := append([]sitrep.StoredQuote(nil), in.Quotes...)
	sort.SliceStable(quotes, func(i, j int) bool {
		a, b := &quotes[i], &quotes[j]
		if (a.Kind == sitrep.QuoteDirect) != (b.Kind == sitrep.QuoteDirect) {
			return a.Kind == sitrep.QuoteDirect
		}
		if da, db := docDate(a.Published, a.DCT), docDate(b.Published, b.DCT); da != db {
			return da > db
		}
		if a.DocumentID != b.DocumentID {
			return a.DocumentID < b.DocumentID
		}
		return a.Start < b.Start
	})
	perSpeaker := map[string]int{}
	for _, q := range quotes {
		if len(b.WhatPeopleSaid) >= maxSaid {
			break
		}
		who := q.SpeakerName
		if who == "" {
			who = q.Source.Text
		}
		if who == "" || len(strings.Fields(q.Text)) < 4 {
			continue
		}
		k := strings.ToLower(who)
		if perSpeaker[k] >= 2 {
			continue
		}
		perSpeaker[k]++
		text := oneLine(q.Text, 280)
		if q.Kind == sitrep.QuoteDirect {
			text = "“" + quotedWords(text) + "”"
		}
		b.WhatPeopleSaid = append(b.WhatPeopleSaid, BriefItem{
			Text: fmt.Sprintf("%s (%s): %s", who, q.Cue.Text, text),
			Sources: []Source{{Document: q.DocumentID, Title: q.Title, URL: q.URL, Site: q.Site,
				Published: docDate(q.Published, q.DCT), Sentence: q.SentenceText}},
		})
	}

	// What's Next: unsettled forecasts, soonest due first.
	for _, f := range in.Forecasts {
		if len(b.WhatsNext) >= maxNext {
			break
		}
		if f.Status == ForecastMet {
			continue
		}
		text := sentenceCase(f.Text)
		switch {
		case f.Status == ForecastOverdue:
			text += fmt.Sprintf(" — due by %s; no report since says it happened.", f.Due)
		case f.Due != "":
			text += fmt.Sprintf(" — due by %s.", f.Due)
		}
		b.WhatsNext = append(b.WhatsNext, BriefItem{Text: text, Date: f.Due, Flag: f.Status, Sources: []Source{f.Source}})
	}
	if b.WhyItMatters == nil {
		b.WhyItMatters = []BriefItem{}
	}
	if b.WhatToKnow == nil {
		b.WhatToKnow = []BriefItem{}
	}
	if b.WhatPeopleSaid == nil {
		b.WhatPeopleSaid = []BriefItem{}
	}
	if b.WhatsNext == nil {
		b.WhatsNext = []BriefItem{}
	}
	b.Sections = []BriefHeader{
		{"Why It Matters", b.WhyItMatters},
		{"What to Know", b.WhatToKnow},
		{"What People Have Said", b.WhatPeopleSaid},
		{"What's Next", b.WhatsNext},
	}
	return b
}

func sameFigure(a, b Figure) bool {
	eq := func(x, y *float64) bool { return (x == nil) == (y == nil) && (x == nil || *x == *y) }
	return eq(a.Value, b.Value) && eq(a.Min, b.Min) && eq(a.Max, b.Max)
}

// figureSentence says a claim's latest figure in words.
func figureSentence(c Claim, f Figure) string {
	num := func(p *float64) string { return FormatAmount(*p, c.Unit) }
	var v string
	switch {
	case f.Min != nil && f.Max != nil:
		v = num(f.Min) + " to " + num(f.Max)
	case f.Max != nil:
		v = "up to " + num(f.Max)
	case f.Min != nil:
		v = "at least " + num(f.Min)
	case f.Value != nil:
		v = num(f.Value)
		if f.Approximate {
			v = "about " + v
		}
	}
	s := fmt.Sprintf("%s: %s", sentenceCase(measureName(c)), v)
	if f.GivenBy != "" {
		s += ", according to " + f.GivenBy
	}
	if f.Modality == sitrep.ModalityPossible || f.Modality == sitrep.ModalityFuture {
		s += " (" + f.Modality + ")"
	}
	return s + asOf(f.Source.Published) + "."
}

// asOf is " (as of DATE)", or "" for an undated report.
func asOf(date string) string {
	if date == "" {
		return ""
	}
	return " (as of " + date + ")"
}

// measureName names what a claim counts, for readers: "killed",
// "soldiers (deploy), North Korea", "aid" for money given as aid.
// significance ranks timeline items for a brief: corroborated first, then
// events of a known type with named participants and a real date over
// untyped, anonymous or merely report-dated ones.
func significance(it TimelineItem) int {
	score := 3 * it.Reports
	if it.Type != "" && it.Type != "other" && it.Type != "statement" {
		score += 2
	}
	if len(it.Actors) > 0 {
		score++
	}
	if it.Location != "" || it.Target != "" {
		score++
	}
	if !dctOnly(it.Derivation) {
		score += 2
	}
	return score
}

func measureName(c Claim) string {
	what := c.Unit
	if currencySymbol(c.Unit) != "" || len(c.Unit) == 3 && strings.ToUpper(c.Unit) == c.Unit {
		what = "money"
		if c.Frame != "" {
			what = c.Frame
		}
	} else if c.Frame != "" && c.Category != "casualties" {
		what += " (" + c.Frame + ")"
	}
	if c.Entity != "" {
		what += ", " + c.Entity
	}
	return what
}

func currencySymbol(unit string) string {
	switch unit {
	case "USD":
		return "$"
	case "EUR":
		return "€"
	case "GBP":
		return "£"
	case "JPY":
		return "¥"
	}
	return ""
}

// FormatAmount writes a figure for readers: "$120 million", "45 million
// EUR", "11,000", "40%".
func FormatAmount(v float64, unit string) string {
	scaled, word := v, ""
	abs := math.Abs(v)
	money := currencySymbol(unit) != "" || len(unit) == 3 && strings.ToUpper(unit) == unit
	if money || abs >= 1e6 {
		switch {
		case abs >= 1e12:
			scaled, word = v/1e12, " trillion"
		case abs >= 1e9:
			scaled, word = v/1e9, " billion"
		case abs >= 1e6:
			scaled, word = v/1e6, " million"
		}
	}
	n := groupDigits(strconv.FormatFloat(scaled, 'f', -1, 64))
	switch {
	case unit == "percent" || unit == "%":
		return n + "%"
	case currencySymbol(unit) != "":
		return currencySymbol(unit) + n + word
	case money:
		return n + word + " " + unit
	}
	return n + word
}

// groupDigits puts thousands separators into the integer part of a decimal
// number.
func groupDigits(s string) string {
	intPart, frac := s, ""
	if i := strings.IndexByte(s, '.'); i >= 0 {
		intPart, frac = s[:i], s[i:]
	}
	sign := ""
	if strings.HasPrefix(intPart, "-") {
		sign, intPart = "-", intPart[1:]
	}
	var b strings.Builder
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return sign + b.String() + frac
}

// quotedWords returns what a direct quote says: the parts inside its
// quotation marks, joined by an ellipsis where the text interrupts them
// ("…,” said the minister, “…"). A quote's span starts inside its marks or
// at the opening one.
func quotedWords(s string) string {
	isMark := func(r rune) bool { return r == '"' || r == '“' || r == '”' }
	if r, n := utf8.DecodeRuneInString(s); isMark(r) {
		s = s[n:] // the span starts at its opening mark
	}
	var out []string
	add := func(part string) {
		if part = strings.TrimRight(strings.TrimSpace(part), ","); part != "" {
			out = append(out, part)
		}
	}
	inside, start := true, 0
	for i, r := range s {
		if !isMark(r) {
			continue
		}
		if inside {
			add(s[start:i])
		}
		inside, start = !inside, i+utf8.RuneLen(r)
	}
	if inside {
		add(s[start:])
	}
	return strings.Join(out, " … ")
}

func sentenceCase(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return s
	}
	if s[0] >= 'a' && s[0] <= 'z' {
		s = string(s[0]-'a'+'A') + s[1:]
	}
	return s
}

func uniqueSources(ss []Source) []Source {
	seen := map[string]bool{}
	out := ss[:0]
	for _, s := range ss {
		if seen[s.Document] {
			continue
		}
		seen[s.Document] = true
		out = append(out, s)
	}
	return out
}

// citation renders one source as "Site, date" (or the title when the
// outlet is unknown).
func citation(s Source) string {
	name := s.Site
	if name == "" {
		name = s.Title
	}
	if name == "" {
		name = s.Document
	}
	if s.Published != "" {
		return name + ", " + s.Published
	}
	return name
}

// WriteMarkdown renders the brief as Markdown: the four sections under "##"
// headings, in order, every item ending with its citations.
func (b Brief) WriteMarkdown(w io.Writer) error {
	var sb strings.Builder
	title := "Brief"
	if b.Query != "" {
		title = "Brief: " + b.Query
	}
	fmt.Fprintf(&sb, "# %s\n\n", title)
	fmt.Fprintf(&sb, "_%d documents; latest report %s._\n", b.Documents, orDash(b.AsOf))
	for _, sec := range b.Sections {
		fmt.Fprintf(&sb, "\n## %s\n\n", sec.Title)
		if len(sec.Items) == 0 {
			sb.WriteString("- Nothing reported yet.\n")
			continue
		}
		for _, it := range sec.Items {
			sb.WriteString("- ")
			if it.Date != "" && sec.Title == "What to Know" {
				fmt.Fprintf(&sb, "**%s** ", it.Date)
			}
			sb.WriteString(mdEscape(it.Text))
			sb.WriteString(" ")
			for i, s := range it.Sources {
				if i > 0 {
					sb.WriteString(" ")
				}
				if s.URL != "" {
					fmt.Fprintf(&sb, "([%s](%s))", mdEscape(citation(s)), s.URL)
				} else {
					fmt.Fprintf(&sb, "(%s)", mdEscape(citation(s)))
				}
			}
			sb.WriteString("\n")
		}
	}
	_, err := io.WriteString(w, sb.String())
	return err
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// mdEscape keeps text from being read as Markdown markup.
func mdEscape(s string) string {
	r := strings.NewReplacer("[", `\[`, "]", `\]`, "*", `\*`, "_", `\_`, "`", "\\`", "<", "&lt;")
	return r.Replace(s)
}

var briefHTML = template.Must(template.New("brief").Funcs(template.FuncMap{"cite": citation}).Parse(`<article class="brief">
<h1>{{if .Query}}Brief: {{.Query}}{{else}}Brief{{end}}</h1>
<p class="meta">{{.Documents}} documents; latest report {{if .AsOf}}{{.AsOf}}{{else}}—{{end}}.</p>
{{range .Sections}}<section>
<h2>{{.Title}}</h2>
<ul>{{range .Items}}
<li{{if .Flag}} class="flag-{{.Flag}}"{{end}}>{{if .Date}}<time>{{.Date}}</time> {{end}}{{.Text}} <span class="cites">{{range .Sources}}<cite>{{if .URL}}<a href="{{.URL}}">{{cite .}}</a>{{else}}{{cite .}}{{end}}</cite> {{end}}</span></li>{{else}}
<li class="empty">Nothing reported yet.</li>{{end}}
</ul>
</section>
{{end}}</article>
`))

// WriteHTML renders the brief as an HTML fragment (an <article>), every
// string escaped.
func (b Brief) WriteHTML(w io.Writer) error { return briefHTML.Execute(w, b) }
