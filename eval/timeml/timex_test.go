package timeml

import (
	"math"
	"strings"
	"testing"

	sitrep "github.com/sitrep-news/sitrep"
)

func TestScoreTimexes(t *testing.T) {
	d, err := Read(strings.NewReader(`<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08">x</TIMEX3></DCT><TEXT>` +
		`It fell <TIMEX3 tid="t1" type="DATE" value="1998-01-07">yesterday</TIMEX3> after ` +
		`<TIMEX3 tid="t2" type="DURATION" value="P3W">three weeks</TIMEX3> of talks in <TIMEX3 tid="t3" type="DATE" value="1997-12">December</TIMEX3>.</TEXT></TimeML>`))
	if err != nil {
		t.Fatal(err)
	}
	at := func(s string) (int, int) { i := strings.Index(d.Text, s); return i, i + len(s) }
	var sys []sitrep.Timex
	add := func(s, typ, val string) {
		a, b := at(s)
		sys = append(sys, sitrep.Timex{Start: a, End: b, Text: s, Type: typ, Value: val})
	}
	add("yesterday", "DATE", "1998-01-07")      // strict, right value
	add("after three weeks", "DURATION", "P2W") // relaxed only, wrong value
	add("talks", "DATE", "PAST_REF")            // spurious
	s := ScoreTimexes([]*Doc{d}, func(*Doc) []sitrep.Timex { return sys })
	if s.Gold != 3 || s.System != 3 || s.StrictSys != 1 || s.RelaxedSys != 2 || s.RelaxedGold != 2 || s.ValueCorrect != 1 || s.TypeCorrect != 2 {
		t.Fatalf("score = %+v", s)
	}
	_, _, rf := s.Relaxed()
	if want := 2.0 / 3; math.Abs(rf-want) > 1e-9 {
		t.Errorf("relaxed F1 = %v, want %v", rf, want)
	}
	if math.Abs(s.ValueF1()-rf*0.5) > 1e-9 {
		t.Errorf("value F1 = %v, want %v", s.ValueF1(), rf*0.5)
	}
	if d := s.ByType["DATE"]; d == nil || d.Matched != 1 || d.ValueCorrect != 1 {
		t.Errorf("DATE counts = %+v", d)
	}
	if d := s.ByType["DURATION"]; d == nil || d.Matched != 1 || d.ValueCorrect != 0 {
		t.Errorf("DURATION counts = %+v", d)
	}
	kinds := map[string]int{}
	for _, e := range s.Errors {
		kinds[e.Kind]++
	}
	if kinds["missed"] != 1 || kinds["spurious"] != 1 || kinds["extent"] != 1 || kinds["value"] != 1 {
		t.Errorf("errors = %v", kinds)
	}
	if d.DCTTime().Format("2006-01-02") != "1998-01-08" {
		t.Errorf("DCTTime = %v", d.DCTTime())
	}
}
