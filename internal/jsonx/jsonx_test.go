package jsonx

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"

	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/analyze"
	"github.com/sitrep-news/sitrep/demo"
)

// stdLine is what encoding/json writes for v with HTML escaping off.
func stdLine(t testing.TB, v any) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// analyses are real outputs: the demo corpus and, when present, the
// worked example.
func analyses(t *testing.T) []*sitrep.Analysis {
	arts, err := demo.Articles()
	if err != nil {
		t.Fatal(err)
	}
	docs := make([]sitrep.Document, 0, len(arts)+1)
	for _, a := range arts {
		docs = append(docs, sitrep.Document{Text: string(a.Text), Title: a.Title, Site: a.Site, URL: a.URL, DCT: a.Date, DCTSource: sitrep.DCTFlag})
	}
	if b, err := os.ReadFile("../../../shared/examples/kim-troops-russia.txt"); err == nil {
		docs = append(docs, sitrep.Document{Text: string(b), DCT: "2025-09-01", DCTSource: sitrep.DCTFlag})
	}
	a := analyze.New()
	var out []*sitrep.Analysis
	for _, d := range docs {
		an, err := a.Analyze(d)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, an)
	}
	return out
}

func TestSameBytesAsEncodingJSON(t *testing.T) {
	for i, an := range analyses(t) {
		var got bytes.Buffer
		if err := EncodeLine(&got, an); err != nil {
			t.Fatal(err)
		}
		if want := stdLine(t, an); !bytes.Equal(got.Bytes(), want) {
			t.Errorf("analysis %d: EncodeLine differs from encoding/json at byte %d", i, firstDiff(got.Bytes(), want))
		}
		m, err := Marshal(an)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := json.Marshal(an)
		if !bytes.Equal(m, want) {
			t.Errorf("analysis %d: Marshal differs from json.Marshal at byte %d", i, firstDiff(m, want))
		}
		var back sitrep.Analysis
		if err := Unmarshal(m, &back); err != nil {
			t.Fatal(err)
		}
		again, _ := json.Marshal(&back)
		if !bytes.Equal(again, want) {
			t.Errorf("analysis %d: Unmarshal does not round-trip (first difference at byte %d)", i, firstDiff(again, want))
		}
	}
}

// Strings are where encoders differ: control characters, HTML characters,
// U+2028/U+2029, invalid UTF-8 and non-ASCII text.
var oddStrings = []string{
	"", "plain", `quote " and \ backslash`, "tab\tnewline\ncr\r", "\x00\x01\x1f\x7f",
	"<b>AT&T</b>", "line\u2028para\u2029end", "bad \xff\xfe utf-8", "half \xe2\x80",
	"Zelenskyy — «Київ» 北朝鮮 🇺🇦", "\ufeffBOM", "\ud7ff\ue000\uffff",
}

func TestStringsAsEncodingJSON(t *testing.T) {
	for _, s := range oddStrings {
		checkString(t, s)
	}
}

func FuzzStringsAsEncodingJSON(f *testing.F) {
	for _, s := range oddStrings {
		f.Add(s)
	}
	f.Fuzz(checkString)
}

func checkString(t *testing.T, s string) {
	v := sitrep.Quote{Text: s, Venue: s}
	var got bytes.Buffer
	if err := EncodeLine(&got, v); err != nil {
		t.Fatal(err)
	}
	if want := stdLine(t, v); !bytes.Equal(got.Bytes(), want) {
		t.Errorf("%q: EncodeLine %s, encoding/json %s", s, got.Bytes(), want)
	}
	m, _ := Marshal(v)
	if want, _ := json.Marshal(v); !bytes.Equal(m, want) {
		t.Errorf("%q: Marshal %s, json.Marshal %s", s, m, want)
	}
}

func firstDiff(a, b []byte) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

// BenchmarkEncodeLine compares encoding/json and jsonx on the analyses of
// the first 1,000 Reuters articles (the demo corpus when those are absent).
func BenchmarkEncodeLine(b *testing.B) {
	docs := benchDocs(b, 1000)
	a := analyze.New()
	ans := make([]*sitrep.Analysis, len(docs))
	for i, d := range docs {
		ans[i], _ = a.Analyze(d)
	}
	run := func(b *testing.B, enc func(*bytes.Buffer, any) error) {
		var buf bytes.Buffer
		for _, an := range ans {
			enc(&buf, an)
		}
		b.SetBytes(int64(buf.Len()))
		b.ResetTimer()
		for b.Loop() {
			for _, an := range ans {
				buf.Reset()
				if err := enc(&buf, an); err != nil {
					b.Fatal(err)
				}
			}
		}
	}
	b.Run("encoding-json", func(b *testing.B) {
		run(b, func(buf *bytes.Buffer, v any) error {
			enc := json.NewEncoder(buf)
			enc.SetEscapeHTML(false)
			return enc.Encode(v)
		})
	})
	b.Run("jsonx", func(b *testing.B) { run(b, EncodeLine) })
}

func benchDocs(b *testing.B, n int) []sitrep.Document {
	var docs []sitrep.Document
	if f, err := os.Open("../../../shared/eval/news/reuters21578.jsonl"); err == nil {
		defer f.Close()
		dec := json.NewDecoder(f)
		for len(docs) < n {
			var r struct{ Text, Date string }
			if dec.Decode(&r) != nil {
				break
			}
			if r.Text != "" && len(r.Date) >= 10 {
				docs = append(docs, sitrep.Document{Text: r.Text, DCT: r.Date[:10], DCTSource: sitrep.DCTFlag})
			}
		}
	}
	if len(docs) == 0 {
		arts, err := demo.Articles()
		if err != nil {
			b.Fatal(err)
		}
		for _, a := range arts {
			docs = append(docs, sitrep.Document{Text: string(a.Text), DCT: a.Date, DCTSource: sitrep.DCTFlag})
		}
	}
	return docs
}
