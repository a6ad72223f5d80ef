package timeml

import (
	"os"
	"strings"
	"testing"
)

const sample = `<?xml version="1.0" ?>
<TimeML>
<DOCID>X1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" temporalFunction="false" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
<TEXT>
It <EVENT eid="e1" class="OCCURRENCE">fell</EVENT> 5% &amp; more <TIMEX3 tid="t1" type="DATE" value="1998-01-07" temporalFunction="true" anchorTimeID="t0">yesterday</TIMEX3> <SIGNAL sid="s1">after</SIGNAL> the talks.
</TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST" aspect="NONE" polarity="POS" pos="VERB"/>
<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1" signalID="s1"/>
</TimeML>`

func TestRead(t *testing.T) {
	d, err := Read(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	if d.DocID != "X1" || d.DCT != "1998-01-08" {
		t.Errorf("DocID, DCT = %q, %q", d.DocID, d.DCT)
	}
	if len(d.Timexes) != 1 || len(d.Events) != 1 || len(d.Signals) != 1 || len(d.TLinks) != 1 {
		t.Fatalf("counts: %d timexes, %d events, %d signals, %d tlinks", len(d.Timexes), len(d.Events), len(d.Signals), len(d.TLinks))
	}
	tx := d.Timexes[0]
	if got := d.Text[tx.Start:tx.End]; got != "yesterday" || tx.Text != got || tx.Value != "1998-01-07" || tx.AnchorTimeID != "t0" {
		t.Errorf("timex = %+v (slice %q)", tx, got)
	}
	e := d.Events[0]
	if d.Text[e.Start:e.End] != "fell" || e.Tense != "PAST" || e.EIID != "ei1" || e.POS != "VERB" {
		t.Errorf("event = %+v", e)
	}
	if !strings.Contains(d.Text, "5% & more") {
		t.Errorf("entities not decoded: %q", d.Text)
	}
	l := d.TLinks[0]
	if l.From != "ei1" || l.To != "t1" || l.RelType != "IS_INCLUDED" || l.SignalID != "s1" {
		t.Errorf("tlink = %+v", l)
	}
}

func TestReadDirCorpus(t *testing.T) {
	dir := "../../../shared/eval/tempeval3/train"
	if _, err := os.Stat(dir); err != nil {
		t.Skip("corpus absent")
	}
	docs, err := ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var ntx, nev int
	for _, d := range docs {
		if d.DCT == "" {
			t.Errorf("%s: no DCT", d.Path)
		}
		for _, x := range d.Timexes {
			if d.Text[x.Start:x.End] != x.Text {
				t.Fatalf("%s: bad span %+v", d.Path, x)
			}
		}
		ntx += len(d.Timexes)
		nev += len(d.Events)
	}
	if len(docs) != 256 || ntx != 1822 {
		t.Errorf("%d docs, %d timexes; want 256, 1822", len(docs), ntx)
	}
	if nev < 11000 {
		t.Errorf("%d events, want about 11,145", nev)
	}
}

func FuzzRead(f *testing.F) {
	f.Add(sample)
	f.Fuzz(func(t *testing.T, s string) {
		d, err := Read(strings.NewReader(s))
		if err != nil {
			return
		}
		for _, x := range d.Timexes {
			if x.Start < 0 || x.End > len(d.Text) || x.Start > x.End || d.Text[x.Start:x.End] != x.Text {
				t.Fatalf("bad timex span %+v", x)
			}
		}
		for _, e := range d.Events {
			if e.Start < 0 || e.End > len(d.Text) || e.Start > e.End || d.Text[e.Start:e.End] != e.Text {
				t.Fatalf("bad event span %+v", e)
			}
		}
	})
}
