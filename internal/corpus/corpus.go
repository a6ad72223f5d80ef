// Package corpus finds the development corpora that sit beside the
// repository (../shared/eval, ../shared/examples) for tests and benchmarks,
// and measures CPU time, so that every package reads the same data the same
// way and skips cleanly where the corpora are absent.
package corpus

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Shared returns the path of rel inside the shared folder beside the
// module root (the folder holding go.mod), or skips tb when it is absent.
func Shared(tb testing.TB, rel string) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Skip("no working directory")
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Skip("module root not found")
		}
		dir = parent
	}
	p := filepath.Join(dir, "..", "shared", rel)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("%s not present", rel)
	}
	return p
}

// Reuters returns the texts of the first max articles of the
// Reuters-21578 corpus (../shared/eval/news/reuters21578.jsonl), or skips.
func Reuters(tb testing.TB, max int) []string {
	tb.Helper()
	f, err := os.Open(Shared(tb, "eval/news/reuters21578.jsonl"))
	if err != nil {
		tb.Skipf("Reuters corpus: %v", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	var out []string
	for sc.Scan() && len(out) < max {
		var r struct {
			Text string `json:"text"`
		}
		if json.Unmarshal(sc.Bytes(), &r) == nil && r.Text != "" {
			out = append(out, r.Text)
		}
	}
	return out
}

// Size is the total length in bytes of texts.
func Size(texts []string) int {
	n := 0
	for _, t := range texts {
		n += len(t)
	}
	return n
}

// ReportCPU adds the metric "cpu-MB/s" to b: bytes processed per CPU-second
// since start (a CPUTime reading), for bytesPerOp bytes an iteration.
func ReportCPU(b *testing.B, start time.Duration, bytesPerOp int) {
	if used := CPUTime() - start; used > 0 {
		b.ReportMetric(float64(bytesPerOp)*float64(b.N)/used.Seconds()/1e6, "cpu-MB/s")
	}
}

// ReutersText returns Reuters-21578 articles joined by blank lines, about
// maxBytes of them, or skips tb: one long text for stages benchmarked on a
// single document.
func ReutersText(tb testing.TB, maxBytes int) string {
	tb.Helper()
	var b strings.Builder
	for _, t := range Reuters(tb, 1<<30) {
		if b.Len() >= maxBytes {
			break
		}
		b.WriteString(t)
		b.WriteString("\n\n")
	}
	return b.String()
}

// Cold measures a stage on documents met with cold caches, as the pipeline
// meets them after its other stages have run. Evict, before each document,
// writes a 4 MB buffer a cache line at a time and then reads what the
// stage before would have left in cache; its CPU time is left out of the
// cpuMB/s that Report gives.
type Cold struct {
	buf      []uint64
	start    time.Duration
	evicting time.Duration
	sink     uint64
}

// NewCold starts the measure; call it just before the benchmark's loop.
func NewCold() *Cold { return &Cold{buf: make([]uint64, 4<<20/8), start: CPUTime()} }

// Evict flushes the caches, then reads text a cache line at a time and
// lets touch read the stage's other inputs (its sum keeps the reads from
// being optimised away).
func (c *Cold) Evict(text string, touch func() uint64) {
	t0 := CPUTime()
	for i := 0; i < len(c.buf); i += 8 { // a write a cache line
		c.buf[i]++
	}
	for k := 0; k < len(text); k += 64 {
		c.sink += uint64(text[k])
	}
	if touch != nil {
		c.sink += touch()
	}
	c.evicting += CPUTime() - t0
}

// Report adds the metric "cpuMB/s" to b: bytesPerOp bytes an iteration per
// CPU-second spent since NewCold outside Evict.
func (c *Cold) Report(b *testing.B, bytesPerOp int) {
	if d := CPUTime() - c.start - c.evicting; d > 0 {
		b.ReportMetric(float64(bytesPerOp)*float64(b.N)/d.Seconds()/1e6, "cpuMB/s")
	}
	if c.sink == 1 {
		b.Log(c.sink)
	}
}
