package quantity

import (
	"testing"

	"github.com/sitrep-news/sitrep/nlp/text"
)

// TestPredicateUnits: figures without a noun after them take the unit of
// the clause around them (subject or object noun, or the verb after a
// bare count), in canonical units; estimating verbs give the source.
func TestPredicateUnits(t *testing.T) {
	tests := []struct {
		text, sub, unit, cat, source string
	}{
		// subject noun of a level verb
		{"The death toll from the earthquake in Vanuatu has risen to 87, officials said.", "87", "killed", "casualties", ""},
		{"The confirmed death toll in the flooded region now stands at 212.", "212", "killed", "casualties", ""},
		{"Casualties reached 55 by Tuesday night.", "55", "casualties", "casualties", ""},
		{"The number of displaced rose to 14,000 after the dam burst.", "14,000", "displaced", "displacement", ""},
		{"The number of people killed in the clashes climbed to 41.", "41", "killed", "casualties", ""},
		{"The toll is expected to rise to 150.", "150", "killed", "casualties", ""},
		{"The toll rose from 80 to 112 overnight.", "80", "killed", "casualties", ""},
		{"The toll rose from 80 to 112 overnight.", "112", "killed", "casualties", ""},
		{"The death toll rose to 112 people on Monday.", "112", "killed", "casualties", ""},
		{"The number of confirmed infections has passed 3,000.", "3,000", "cases", "health", ""},
		{"The number of employees rose to 450 last year.", "450", "employees", "people", ""},
		// object noun: "a toll of N", "puts the toll at N" (its subject is the source)
		{"The storm left a death toll of 64 across three provinces.", "64", "killed", "casualties", ""},
		{"The ministry now puts the death toll at 95, up from 80.", "95", "killed", "casualties", "The ministry"},
		{"Local aid groups put the toll at more than 300.", "300", "killed", "casualties", "Local aid groups"},
		// a bare count whose noun is elided takes the verb after it
		{"More than 12,000 were forced from their homes by the floods.", "12,000", "displaced", "displacement", ""},
		{"About 3,500 were evacuated from low-lying districts.", "3,500", "displaced", "displacement", ""},
		{"Some 700 have been left homeless.", "700", "displaced", "displacement", ""},
		{"At least 300 fled across the border overnight.", "300", "displaced", "displacement", ""},
		{"Rescuers found that 19 were injured and 4 remain missing.", "19", "wounded", "casualties", ""},
		{"Rescuers found that 19 were injured and 4 remain missing.", "4", "missing", "casualties", ""},
		{"Police say 9 people drowned.", "9", "killed", "casualties", ""},
		{"Authorities evacuated 6,000 people ahead of the storm.", "6,000", "displaced", "displacement", ""},
		{"The toll now exceeds 1,000, the ministry said.", "1,000", "killed", "casualties", ""},
		{"The number of asylum seekers who crossed the river has reached 9,000.", "9,000", "asylum seekers", "displacement", ""},
		{"The agency put the number of dead at 450.", "450", "killed", "casualties", "The agency"},
		{"Monitors revised the death toll up to 73.", "73", "killed", "casualties", "Monitors"},
		{"The fever has killed 61 and infected more than 4,000.", "61", "killed", "casualties", ""},
		{"The fever has killed 61 and infected more than 4,000.", "4,000", "cases", "health", ""},
		{"Shelling has forced 45,000 people to flee their homes.", "45,000", "displaced", "displacement", ""},
		{"Of the 40 passengers, 12 survived.", "12", "survivors", "people", ""},
		{"Inspectors say 2,300 homes were destroyed and 8,500 damaged.", "8,500", "homes", "other", ""},
		{"The bank cut 300 jobs and 45 retired.", "45", "", "other", ""},
		// canonical units and their categories
		{"Clinics have recorded 2,300 cases and 41 deaths since January.", "2,300", "cases", "health", ""},
		{"Clinics have recorded 2,300 cases and 41 deaths since January.", "41", "killed", "casualties", ""},
		{"The crash caused 7 fatalities.", "7", "killed", "casualties", ""},
		{"There were 30 injuries.", "30", "wounded", "casualties", ""},
		{"Donors sent 200,000 doses of measles vaccine.", "200,000", "doses", "aid", ""},
		{"Some 40,000 refugees crossed into Chad.", "40,000", "refugees", "displacement", ""},
		{"The camp holds 8,000 internally displaced people.", "8,000", "displaced", "displacement", ""},
		{"The regulator is investigating 14 other cases involving fraud.", "14", "cases", "other", ""},
		// no unit from a subject the lexicon does not know
		{"Sales rose to 450 in the quarter.", "450", "", "other", ""},
		{"Unemployment fell to 4.8% in March.", "4.8%", "percent", "percent", ""},
	}
	for _, tt := range tests {
		qs := Extract(text.Segment(tt.text), Options{})

		q := find(qs, tt.sub)
		if q == nil {
			t.Errorf("%q: no figure with %q in %s", tt.text, tt.sub, dump(qs))
			continue
		}
		if q.Unit != tt.unit || q.Category != tt.cat || q.Source != tt.source {
			t.Errorf("%q: %q got unit %q cat %q source %q, want %q %q %q", tt.text, tt.sub, q.Unit, q.Category, q.Source, tt.unit, tt.cat, tt.source)
		}
		if q.Text != tt.text[q.Start:q.End] {
			t.Errorf("%q: span text %q != %q", tt.text, q.Text, tt.text[q.Start:q.End])
		}
	}
}

// TestPredicateNotCasualty: level verbs without a known subject noun, and
// change amounts ("rose by 12"), get no casualty unit.
func TestPredicateNotCasualty(t *testing.T) {
	for _, s := range []string{
		"Net income rose to 52 from 41 a year earlier.",
		"The toll rose by 12 overnight.",
		"Shares of the company rose to 14.",
		"He was found dead at 40 Main Street.",
	} {
		for _, q := range Extract(text.Segment(s), Options{}) {
			if q.Category == "casualties" {
				t.Errorf("%q: %q is not a casualty count: %s", s, q.Text, q.Unit)
			}
		}
	}
}

func TestPredicateThreshold(t *testing.T) {
	s := "Monitors revised the death toll up to 73."
	if qs := Extract(text.Segment(s), Options{}); len(qs) != 1 || !eqp(qs[0].Value, f64(73)) || qs[0].Max != nil || qs[0].Qualifier != "" {
		t.Errorf("revised up to: got %s", dump(qs))
	}
	s = "The death toll in the province passed 250 on Sunday."
	qs := Extract(text.Segment(s), Options{})
	if len(qs) != 1 || qs[0].Value != nil || !eqp(qs[0].Min, f64(250)) || qs[0].Unit != "killed" {
		t.Errorf("got %s", dump(qs))
	}
}
