package quantity

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/nlp/text"
)

func f64(v float64) *float64 { return &v }

func eqp(a, b *float64) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}

// find returns the figure whose text contains sub.
func find(qs []sitrep.Quantity, sub string) *sitrep.Quantity {
	for i := range qs {
		if strings.Contains(qs[i].Text, sub) {
			return &qs[i]
		}
	}
	return nil
}

func TestExtractFigures(t *testing.T) {
	tests := []struct {
		text, sub       string
		value, min, max *float64
		approx          bool
		unit, cat, qual string
	}{
		{"An estimated 11,000 Belarusian troops were sent to the border.", "11,000", f64(11000), nil, nil, true, "troops", "personnel", "An estimated"},
		{"An additional 3,000 reinforcements arrived on Monday.", "3,000", f64(3000), nil, nil, false, "reinforcements", "personnel", ""},
		{"The country could send up to 30,000 additional troops next year.", "30,000", nil, nil, f64(30000), false, "troops", "personnel", "up to"},
		{"At least 12 people were killed in the attack.", "12", nil, f64(12), nil, false, "killed", "casualties", "At least"},
		{"The blast killed at least 12 people on Sunday.", "12", nil, f64(12), nil, false, "killed", "casualties", "at least"},
		{"About 3,000 were wounded.", "3,000", f64(3000), nil, nil, true, "wounded", "casualties", "About"},
		{"More than 200 drones were launched overnight.", "200", nil, f64(200), nil, false, "drones", "munitions", "More than"},
		{"Between 10,000 and 12,000 soldiers took part.", "10,000", nil, f64(10000), f64(12000), false, "soldiers", "personnel", "Between"},
		{"The army fired 10,000-12,000 shells a day.", "10,000-12,000", nil, f64(10000), f64(12000), false, "shells", "munitions", ""},
		{"Officials said dozens of civilians were wounded.", "dozens", f64(12), f64(12), f64(119), true, "wounded", "casualties", ""},
		{"Tens of thousands of people fled the city.", "Tens of thousands", f64(10000), f64(10000), f64(99999), true, "displaced", "displacement", ""},
		{"Tens of thousands of people marched in the city.", "Tens of thousands", f64(10000), f64(10000), f64(99999), true, "people", "people", ""},
		{"The deal is worth $2.3bn, officials said.", "$2.3bn", f64(2.3e9), nil, nil, false, "USD", "money", ""},
		{"Seoul pledged 1.5 million won to the fund.", "1.5 million won", f64(1.5e6), nil, nil, false, "KRW", "money", ""},
		{"Exports fell 40 per cent in July.", "40 per cent", f64(40), nil, nil, false, "percent", "percent", ""},
		{"Nearly two-thirds of voters backed the plan.", "two-thirds", f64(2.0 / 3), nil, nil, true, "voters", "people", "Nearly"},
		{"Production reached 30k barrels per day.", "30k", f64(30000), nil, nil, false, "barrels per day", "economic", ""},
		{"Some 4.2 million shares changed hands.", "4.2 million", f64(4.2e6), nil, nil, true, "shares", "economic", "Some"},
		{"A few hundred protesters gathered outside.", "few hundred", f64(300), f64(200), f64(900), true, "protesters", "people", ""},
		{"Eleven thousand sailors were mobilised.", "Eleven thousand", f64(11000), nil, nil, false, "sailors", "personnel", ""},
		{"The army has 1.2m soldiers.", "1.2m", f64(1.2e6), nil, nil, false, "soldiers", "personnel", ""},
		{"Tickets cost $100-$200 each.", "$100-$200", nil, f64(100), f64(200), false, "USD", "money", ""},
		{"Nearly half of Americans disapprove.", "half", f64(0.5), nil, nil, true, "americans", "people", "Nearly"},
		{"Try 5 times before you give up.", "5", f64(5), nil, nil, false, "times", "other", ""},
		{"Jets dropped 20 500-pound bombs.", "20", f64(20), nil, nil, false, "bombs", "munitions", ""},
		{"A 3.5-inch disk.", "3.5-inch", f64(3.5), nil, nil, false, "inches", "other", ""},
		{"Some 1500 troops arrived.", "1500", f64(1500), nil, nil, true, "troops", "personnel", "Some"},
		{"Scores of villagers were wounded.", "Scores", f64(20), f64(20), f64(199), true, "wounded", "casualties", ""},
		{"Three attacks killed 10 people.", "Three attacks", f64(3), nil, nil, false, "attacks", "other", ""},
		{"The club paid £5m for him.", "£5m", f64(5e6), nil, nil, false, "GBP", "money", ""},
		{"The ministry spent €40 million on the program.", "€40 million", f64(4e7), nil, nil, false, "EUR", "money", ""},
	}
	for _, tt := range tests {
		doc := text.Segment(tt.text)
		qs := Extract(doc, Options{})
		q := find(qs, tt.sub)
		if q != nil && tt.qual == "up to" && q.Modality != sitrep.ModalityPossible {
			t.Errorf("%q: modality %s, want possible", tt.text, q.Modality)
		}
		if q == nil {
			t.Errorf("%q: no figure with %q in %s", tt.text, tt.sub, dump(qs))
			continue
		}
		if !eqp(q.Value, tt.value) || !eqp(q.Min, tt.min) || !eqp(q.Max, tt.max) || q.Approximate != tt.approx || q.Unit != tt.unit || q.Category != tt.cat || q.Qualifier != tt.qual {
			t.Errorf("%q:\n got %s\nwant value %v min %v max %v approx %v unit %q cat %q qual %q", tt.text, dump([]sitrep.Quantity{*q}), p(tt.value), p(tt.min), p(tt.max), tt.approx, tt.unit, tt.cat, tt.qual)
		}
		if q.Text != tt.text[q.Start:q.End] {
			t.Errorf("%q: span text %q != %q", tt.text, q.Text, tt.text[q.Start:q.End])
		}
	}
}

func p(v *float64) any {
	if v == nil {
		return nil
	}
	return *v
}

func dump(qs []sitrep.Quantity) string {
	b, _ := json.Marshal(qs)
	return string(b)
}

func TestNotCounts(t *testing.T) {
	tests := []string{
		"The summit marks the 80th anniversary of the treaty.",
		"The order was signed on August 28, 2024.",
		"A 45-year-old man was arrested.",
		"Call 555-123-4567 for details.",
		"The council passed Resolution 2231 in 2015.",
		"Leaders of the G7 met in Rome.",
		"Kyiv asked for more F-16 jets.",
		"The COVID-19 pandemic hit trade.",
		"See page 12 for the full table.",
		"The meeting starts at 15:00 on 8/28/2024.",
		"He was the third person to resign.",
		"They scored in the second half.",
		"The 5G network covers 3D maps.",
		"The talks lasted half an hour.",
		"The war in 1950 changed everything.",
		"The 1986 contracts were cancelled.",
		"Test scores rose sharply.",
	}
	for _, tt := range tests {
		qs := Extract(text.Segment(tt), Options{})
		if len(qs) != 0 {
			t.Errorf("%q: want no figures, got %s", tt, dump(qs))
		}
	}
}

func TestTimexSkip(t *testing.T) {
	s := "The order came three weeks after 5,000 troops crossed."
	doc := text.Segment(s)
	tx := []sitrep.Timex{{ID: "t1", Start: strings.Index(s, "three"), End: strings.Index(s, " after"), Type: sitrep.TimexDuration}}
	qs := Extract(doc, Options{Timexes: tx})
	if len(qs) != 1 || qs[0].Text != "5,000 troops" {
		t.Errorf("got %s", dump(qs))
	}
}

func TestEntitiesAndQuotes(t *testing.T) {
	s := "An estimated 11,000 North Korean troops arrived, according to South Korean officials."
	doc := text.Segment(s)
	nk := strings.Index(s, "North Korean")
	ents := []sitrep.Entity{{ID: "e1", Name: "North Korea", Type: sitrep.EntityGPE, Mentions: []sitrep.Mention{{Start: nk, End: nk + len("North Korean"), Text: "North Korean", Kind: sitrep.MentionDemonym}}}}
	src := strings.Index(s, "South Korean officials")
	quotes := []sitrep.Quote{{ID: "q1", Start: 0, End: strings.Index(s, ", according"), Kind: sitrep.QuoteIndirect,
		Source: sitrep.TextSpan{Start: src, End: src + len("South Korean officials"), Text: "South Korean officials"}, Speaker: "e2", Modality: sitrep.ModalityReported}}
	qs := Extract(doc, Options{Entities: ents, Quotes: quotes})
	if len(qs) != 1 {
		t.Fatalf("got %s", dump(qs))
	}
	q := qs[0]
	if q.Entity != "e1" || q.Source != "South Korean officials" || q.Speaker != "e2" || q.Quote != "q1" || q.Modality != sitrep.ModalityReported || q.ID != "n1" {
		t.Errorf("got %s", dump(qs))
	}
}

func TestWhoseSubject(t *testing.T) {
	s := "Belarus could send up to 5,000 troops, while Minsk denied it."
	doc := text.Segment(s)
	ents := []sitrep.Entity{{ID: "e1", Name: "Belarus", Type: sitrep.EntityGPE, Mentions: []sitrep.Mention{{Start: 0, End: 7, Text: "Belarus"}}}}
	qs := Extract(doc, Options{Entities: ents})
	if len(qs) != 1 || qs[0].Entity != "e1" || qs[0].Modality != sitrep.ModalityPossible {
		t.Errorf("got %s", dump(qs))
	}
	s = "Ukraine shot down 50 drones overnight."
	ents[0].Mentions[0].End = 7
	qs = Extract(text.Segment(s), Options{Entities: ents})
	if len(qs) != 1 || qs[0].Entity != "" {
		t.Errorf("shot down: got %s", dump(qs))
	}
}

func TestExampleArticle(t *testing.T) {
	b, err := os.ReadFile("../../../shared/examples/kim-troops-russia.txt")
	if err != nil {
		t.Skip("example article absent")
	}
	doc := text.Segment(string(b))
	qs := Extract(doc, Options{})
	for _, q := range qs {
		t.Logf("%s %q value=%v min=%v max=%v approx=%v unit=%q cat=%q mod=%s", q.ID, q.Text, p(q.Value), p(q.Min), p(q.Max), q.Approximate, q.Unit, q.Category, q.Modality)
	}
	if q := find(qs, "11,000"); q == nil || !eqp(q.Value, f64(11000)) || !q.Approximate || q.Unit != "troops" || q.Category != "personnel" {
		t.Errorf("11,000 troops: %s", dump(qs))
	}
	if q := find(qs, "3,000"); q == nil || !eqp(q.Value, f64(3000)) || q.Unit != "reinforcements" {
		t.Errorf("3,000 reinforcements: %s", dump(qs))
	}
	if q := find(qs, "30,000"); q == nil || !eqp(q.Max, f64(30000)) || q.Unit != "troops" || q.Modality != sitrep.ModalityPossible {
		t.Errorf("up to 30,000 troops: %s", dump(qs))
	}
	for _, bad := range []string{"80", "28", "2024", "2025", "30,"} {
		if q := find(qs, bad); q != nil && !strings.Contains(q.Text, "30,000") {
			t.Errorf("%q is not a count: %s", bad, dump([]sitrep.Quantity{*q}))
		}
	}
}
