//go:build unix

package entity

import (
	"syscall"
	"testing"
	"time"

	"github.com/sitrep-news/sitrep/nlp/text"
)

// cpuT is the CPU time this process has used, so that the stage
// benchmark is not skewed by other load on the machine.
func cpuT() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkStages reports the throughput of each step of Recognize per
// CPU-second.
func BenchmarkStages(b *testing.B) {
	r := Default()
	var docs []*text.Doc
	size := 0
	for _, s := range reuters(b, 300) {
		docs = append(docs, text.Segment(s))
		size += len(s)
	}
	tm := map[string]time.Duration{}
	lap := func(name string, t0 *time.Duration) { c := cpuT(); tm[name] += c - *t0; *t0 = c }
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			t0 := cpuT()
			st := r.state() // as Recognize does
			st.init(d, r.lex)
			lap("features", &t0)
			labels := r.model.tagDoc(st)
			lap("tagger", &t0)
			ms := headingFilter(d, r.mentions(st, labels))
			lap("mentions", &t0)
			r.resolve(st, ms)
			r.release(st)
			lap("resolve", &t0)
		}
	}
	var tot time.Duration
	for k, v := range tm {
		tot += v
		b.ReportMetric(float64(b.N*size)/1e6/v.Seconds(), k+"-MB/cpu-s")
	}
	b.ReportMetric(float64(b.N*size)/1e6/tot.Seconds(), "total-MB/cpu-s")
}
