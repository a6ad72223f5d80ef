package timeml

import (
	"strings"
	"testing"
)

const orderSample = `<?xml version="1.0" ?>
<TimeML>
<DOCID>O1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-03-10" temporalFunction="false" functionInDocument="CREATION_TIME">19980310</TIMEX3></DCT>
<TEXT>
The company <EVENT eid="e1" class="OCCURRENCE">opened</EVENT> the plant on <TIMEX3 tid="t1" type="DATE" value="1998-01-05">Jan. 5</TIMEX3>. It <EVENT eid="e2" class="OCCURRENCE">closed</EVENT> the mine on <TIMEX3 tid="t2" type="DATE" value="1998-02-20">Feb. 20</TIMEX3>. The union <EVENT eid="e3" class="I_ACTION">will</EVENT> <EVENT eid="e4" class="OCCURRENCE">strike</EVENT> next month.
</TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST" aspect="NONE" polarity="POS" pos="VERB"/>
<MAKEINSTANCE eventID="e2" eiid="ei2" tense="PAST" aspect="NONE" polarity="POS" pos="VERB"/>
<MAKEINSTANCE eventID="e4" eiid="ei4" tense="FUTURE" aspect="NONE" polarity="POS" pos="VERB"/>
</TimeML>`

func TestScoreOrder(t *testing.T) {
	d, err := Read(strings.NewReader(orderSample))
	if err != nil {
		t.Fatal(err)
	}
	pairs, err := ReadMATRES(strings.NewReader("O1\topened\tclosed\t1\t2\tBEFORE\nO1\tclosed\tstrike\t2\t4\tBEFORE\nO1\topened\tnone\t1\t99\tAFTER\nshort line\n"))
	if err != nil || len(pairs) != 3 {
		t.Fatalf("ReadMATRES: %d pairs, %v", len(pairs), err)
	}
	s := ScoreOrder([]*Doc{d}, pairs)
	if s.Pairs != 3 || s.Matched != 2 {
		t.Errorf("pairs %d, matched %d; want 3, 2", s.Pairs, s.Matched)
	}
	dec, cor := 0, 0
	for r, n := range s.Decided {
		dec += n
		cor += s.Correct[r]
	}
	if dec != 2 || cor != 2 {
		t.Errorf("decided %d, correct %d (%v %v); want 2, 2", dec, cor, s.Decided, s.Correct)
	}
}
