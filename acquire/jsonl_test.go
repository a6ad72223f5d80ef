package acquire

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"testing"

	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/internal/corpus"
)

// got is one yielded (Input, error) pair, flattened for comparison.
type got struct {
	name, id, text, date, format, title, url, err string
}

func collect(seq func(func(Input, error) bool)) []got {
	var out []got
	for in, err := range seq {
		g := got{name: in.Name, id: in.ID, text: string(in.Bytes), date: in.Date, format: in.Format, title: in.Title, url: in.URL}
		if err != nil {
			var e *sitrep.Error
			if !errors.As(err, &e) {
				g.err = "NOT A sitrep.Error: " + err.Error()
			} else {
				g.err = e.Code + ": " + err.Error()
			}
		}
		out = append(out, g)
	}
	return out
}

func TestReadJSONL(t *testing.T) {
	batch := strings.Join([]string{
		`{"id": "a", "text": "Troops arrived on Monday.", "date": "2024-08-28"}`,
		`{"id": "b", "text": "Unterminated`,
		``,
		`{"id": "c", "date": "2024-08-28"}`,
		`{"id": "d", "text": "Fine.", "date": "28/08/2024"}`,
		`{"id": 7, "html": "<p>Seven</p>", "title": " T ", "url": "https://x.example/7"}`,
		`["not", "an", "object"]`,
		`{"id": "f", "text": 42}`,
		`{"id": "g", "text": "", "html": ""}`,
		`{"id": {"x": 1}, "text": "obj id"}`,
		`{"id": "h", "text": "Both.", "html": "<p>Both</p>", "date": "2024-08-28T10:00:00+09:00"}`,
		`{"id": "i", "text": "Bad day.", "date": "2024-02-30"}`,
		`{"id": "j", "text": "Last line, no newline."}`,
	}, "\n")
	want := []got{
		{name: "b.jsonl:1", id: "a", text: "Troops arrived on Monday.", date: "2024-08-28"},
		{name: "b.jsonl:2", id: "b", err: "invalid: b.jsonl:2: malformed JSON: unexpected end of JSON input at byte 33"},
		{name: "b.jsonl:4", id: "c", err: `invalid: b.jsonl:4: line has neither "text" nor "html"`},
		{name: "b.jsonl:5", id: "d", err: `invalid: b.jsonl:5: bad "date" "28/08/2024": want YYYY-MM-DD`},
		{name: "b.jsonl:6", id: "7", text: "<p>Seven</p>", format: "html", title: "T", url: "https://x.example/7"},
		{name: "b.jsonl:7", err: `invalid: b.jsonl:7: malformed JSON: a line must be a JSON object, not "[\"not\", \"an\", \"object\"]"`},
		{name: "b.jsonl:8", id: "f", err: `invalid: b.jsonl:8: malformed JSON: field "text" must be a string, not a number`},
		{name: "b.jsonl:9", id: "g", err: `invalid: b.jsonl:9: empty "text"`},
		{name: "b.jsonl:10", err: `invalid: b.jsonl:10: "id" must be a string or a number, not {"x": 1}`},
		{name: "b.jsonl:11", id: "h", text: "Both.", date: "2024-08-28"},
		{name: "b.jsonl:12", id: "i", err: `invalid: b.jsonl:12: bad "date" "2024-02-30": want YYYY-MM-DD`},
		{name: "b.jsonl:13", id: "j", text: "Last line, no newline."},
	}
	gotten := collect(ReadJSONL(strings.NewReader(batch), "b.jsonl", 0))
	if len(gotten) != len(want) {
		t.Fatalf("got %d items, want %d: %+v", len(gotten), len(want), gotten)
	}
	for i := range want {
		if gotten[i] != want[i] {
			t.Errorf("item %d:\n got %+v\nwant %+v", i, gotten[i], want[i])
		}
	}
}

func TestReadJSONLTooLong(t *testing.T) {
	long := `{"id": "big", "text": "` + strings.Repeat("x", 500) + `"}`
	batch := `{"id": "1", "text": "one"}` + "\r\n" + long + "\n" + `{"id": "3", "text": "three"}` + "\n"
	gotten := collect(ReadJSONL(strings.NewReader(batch), "in", 100))
	want := []got{
		{name: "in:1", id: "1", text: "one"},
		{name: "in:2", id: "big", err: "too_large: in:2: line is longer than the limit of 200 bytes (twice the document size limit); raise the limit with --max-bytes"},
		{name: "in:3", id: "3", text: "three"},
	}
	if fmt.Sprint(gotten) != fmt.Sprint(want) {
		t.Errorf("got  %+v\nwant %+v", gotten, want)
	}
}

func TestReadJSONLStopsEarly(t *testing.T) {
	n := 0
	for range ReadJSONL(strings.NewReader("{\"text\":\"a\"}\n{\"text\":\"b\"}\n"), "x", 0) {
		n++
		break
	}
	if n != 1 {
		t.Fatal(n)
	}
}

// lineSource generates n JSONL lines without holding them in memory.
type lineSource struct {
	n, i int
	buf  []byte
}

func (s *lineSource) Read(p []byte) (int, error) {
	for len(s.buf) == 0 {
		if s.i == s.n {
			return 0, io.EOF
		}
		s.i++
		s.buf = fmt.Appendf(nil, `{"id": "doc-%d", "text": "%s"}`+"\n", s.i, strings.Repeat("Officials said the talks would resume. ", 50))
	}
	k := copy(p, s.buf)
	s.buf = s.buf[k:]
	return k, nil
}

func TestReadJSONLFlatMemory(t *testing.T) {
	const n = 20000 // ~40 MB of JSONL
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	count := 0
	for in, err := range ReadJSONL(&lineSource{n: n}, "gen", 0) {
		if err != nil {
			t.Fatal(err)
		}
		count++
		_ = in
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	if count != n {
		t.Fatalf("read %d lines", count)
	}
	if grown := int64(after.HeapInuse) - int64(before.HeapInuse); grown > 8<<20 {
		t.Errorf("heap grew by %d bytes over %d lines", grown, n)
	}
}

// BenchmarkReadJSONL reads Reuters with decoding (ReadJSONL) and without
// (ReadJSONLLines, what analyze --jsonl's one reader goroutine does while
// the workers decode).
func BenchmarkReadJSONL(b *testing.B) {
	data, err := os.ReadFile(corpus.Shared(b, "eval/news/reuters21578.jsonl"))
	if err != nil {
		b.Skip("reuters corpus absent")
	}
	run := func(b *testing.B, read func() error) {
		b.ReportAllocs()
		b.SetBytes(int64(len(data)))
		start := corpus.CPUTime()
		for b.Loop() {
			if err := read(); err != nil {
				b.Fatal(err)
			}
		}
		corpus.ReportCPU(b, start, len(data))
	}
	b.Run("decoded", func(b *testing.B) {
		run(b, func() error {
			for _, err := range ReadJSONL(strings.NewReader(string(data)), "reuters", 0) {
				if err != nil {
					return err
				}
			}
			return nil
		})
	})
	b.Run("lines", func(b *testing.B) {
		run(b, func() error {
			for _, err := range ReadJSONLLines(strings.NewReader(string(data)), "reuters", 0) {
				if err != nil {
					return err
				}
			}
			return nil
		})
	})
}

func FuzzReadJSONL(f *testing.F) {
	for _, s := range []string{
		`{"id":"a","text":"x","date":"2024-01-02"}` + "\n" + `{"id":1,"html":"<p>y</p>"}`,
		"{\"text\":\"" + strings.Repeat("z", 200) + "\"}\n{}\n[]\n\n",
		`{"id":"\u00e9","text":"\ud800"}`,
		"\r\n{\"text\":\"a\"}\r\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		last := 0
		for in, err := range ReadJSONL(strings.NewReader(s), "f", 64) {
			var n int
			if _, serr := fmt.Sscanf(in.Name, "f:%d", &n); serr != nil || n <= last {
				t.Fatalf("name %q after line %d", in.Name, last)
			}
			last = n
			if err != nil {
				var e *sitrep.Error
				if !errors.As(err, &e) || e.Input != in.Name || in.Bytes != nil {
					t.Fatalf("err %#v for %q", err, in.Name)
				}
				continue
			}
			if len(in.Bytes) == 0 {
				t.Fatalf("%s: empty input without error", in.Name)
			}
		}
	})
}
