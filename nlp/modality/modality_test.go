package modality

import (
	"strings"
	"testing"

	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/internal/corpus"
	"github.com/sitrep-news/sitrep/nlp/text"
)

func TestOf(t *testing.T) {
	tests := []struct {
		text, target string
		quote        string // content of an attribution holding the target, "" for none
		qmod         string
		want         string
	}{
		{"The army sent 5,000 troops to the front.", "sent", "", "", sitrep.ModalityAsserted},
		{"The army could send 5,000 troops to the front.", "send", "", "", sitrep.ModalityPossible},
		{"The army may deploy more tanks.", "deploy", "", "", sitrep.ModalityPossible},
		{"The country could send up to 20,000 soldiers.", "20,000", "", "", sitrep.ModalityPossible},
		{"The army will send 5,000 troops next month.", "send", "", "", sitrep.ModalityFuture},
		{"The government plans to deploy a new brigade.", "deploy", "", "", sitrep.ModalityFuture},
		{"The president is expected to sign the bill.", "sign", "", "", sitrep.ModalityFuture},
		{"The minister said he would resign next week.", "resign", "he would resign next week", sitrep.ModalityReported, sitrep.ModalityFuture},
		{"The army did not send any troops.", "send", "", "", sitrep.ModalityNegated},
		{"The rebels never attacked the town.", "attacked", "", "", sitrep.ModalityNegated},
		{"Officials denied the troops had crossed, but the village burned.", "burned", "", "", sitrep.ModalityAsserted},
		{"Officials said the troops had crossed the river.", "crossed", "the troops had crossed the river", sitrep.ModalityReported, sitrep.ModalityReported},
		{"Analysts believe the troops crossed the river.", "crossed", "the troops crossed the river", sitrep.ModalityBelieved, sitrep.ModalityBelieved},
		{"Officials said the troops had not crossed the river.", "crossed", "the troops had not crossed the river", sitrep.ModalityReported, sitrep.ModalityNegated},
		{"Officials said the troops might cross the river.", "cross", "the troops might cross the river", sitrep.ModalityReported, sitrep.ModalityPossible},
		{"This was the first foreign deployment and wasn’t acknowledged until April.", "acknowledged", "", "", sitrep.ModalityAsserted},
		{"The convoy did not arrive until Monday.", "arrive", "", "", sitrep.ModalityAsserted},
		{"The convoy did not arrive on Monday.", "arrive", "", "", sitrep.ModalityNegated},
		{"The ministry did not say whether troops crossed the river.", "crossed", "", "", sitrep.ModalityAsserted},
		{"The ministry did not confirm troops crossed the river.", "crossed", "", "", sitrep.ModalityAsserted},
		{"The army not only shelled the town but also mined the roads.", "shelled", "", "", sitrep.ModalityAsserted},
		{"No one knows how many soldiers were killed.", "killed", "", "", sitrep.ModalityAsserted},
		{"No soldiers were killed.", "killed", "", "", sitrep.ModalityNegated},
		{"He said no troops would be sent.", "sent", "", "", sitrep.ModalityNegated},
		{"No decision was made on whether to send troops.", "send", "", "", sitrep.ModalityAsserted},
		{"Nobody knows how many soldiers were killed in the attack.", "killed", "", "", sitrep.ModalityAsserted},
		{"There were no casualties.", "casualties", "", "", sitrep.ModalityNegated},
		{"The town was taken without a fight.", "fight", "", "", sitrep.ModalityNegated},
		{"The rebels never attacked the town until the truce ended.", "attacked", "", "", sitrep.ModalityAsserted},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			doc := text.Segment(tt.text)
			i := strings.Index(tt.text, tt.target)
			span := sitrep.Span{Start: i, End: i + len(tt.target)}
			var qs []sitrep.Quote
			if tt.quote != "" {
				j := strings.Index(tt.text, tt.quote)
				qs = append(qs, sitrep.Quote{ID: "q1", Start: j, End: j + len(tt.quote), Text: tt.quote, Modality: tt.qmod})
			}
			got, q := Of(doc, span, qs)
			if got != tt.want {
				t.Errorf("Of(%q) = %q, want %q", tt.target, got, tt.want)
			}
			if (q != nil) != (tt.quote != "") {
				t.Errorf("quote = %v, want one: %v", q, tt.quote != "")
			}
		})
	}
}

func BenchmarkModality(b *testing.B) {
	s := corpus.ReutersText(b, 1<<20)
	doc := text.Segment(s)
	// every word token is a candidate span: an upper bound on the work the
	// event and figure stages ask for
	var spans []sitrep.Span
	for _, t := range doc.Tokens {
		if t.Kind == text.Word || t.Kind == text.Number {
			spans = append(spans, sitrep.Span{Start: t.Start, End: t.End})
		}
	}
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	b.ResetTimer()
	c0 := cpuTime()
	for i := 0; i < b.N; i++ {
		for _, sp := range spans {
			Of(doc, sp, nil)
		}
	}
	if cpu := cpuTime() - c0; cpu > 0 {
		b.ReportMetric(float64(len(s))*float64(b.N)/1e6/cpu.Seconds(), "cpuMB/s")
	}
}
