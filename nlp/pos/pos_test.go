package pos

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/sitrep-news/sitrep/internal/corpus"
	"github.com/sitrep-news/sitrep/nlp/text"
)

const shared = "../../../shared/"

func readCoNLL(t testing.TB, path string) []Sentence {
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("no %s: %v", path, err)
	}
	defer f.Close()
	var sents []Sentence
	var cur Sentence
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
		if len(fs) < 2 || fs[0] == "-DOCSTART-" {
			if len(cur.Words) > 0 {
				sents = append(sents, cur)
			}
			cur = Sentence{}
			continue
		}
		cur.Words = append(cur.Words, fs[0])
		cur.Tags = append(cur.Tags, ParseTag(fs[1]))
	}
	if len(cur.Words) > 0 {
		sents = append(sents, cur)
	}
	return sents
}

func TestAccuracyCoNLLTestA(t *testing.T) {
	sents := readCoNLL(t, shared+"eval/conll2003/eng.testa")
	tg := Default()
	ok, n := 0, 0
	for _, s := range sents {
		got := tg.TagWords(s.Words)
		for i := range got {
			n++
			if got[i] == s.Tags[i] {
				ok++
			}
		}
	}
	acc := float64(ok) / float64(n)
	t.Logf("eng.testa POS accuracy %.4f (%d/%d)", acc, ok, n)
	if acc < 0.94 {
		t.Errorf("accuracy %.4f < 0.94", acc)
	}
}

func TestTagSentences(t *testing.T) {
	tests := []struct {
		in   string
		want string // space-separated tags, "_" for any
	}{
		{"The troops arrived in Kursk .", "DT NNS VBD IN NNP ."},
		{"He said the army will send more soldiers .", "PRP VBD DT NN MD VB JJR NNS ."},
		{"Ukraine launched an attack in August .", "NNP VBD DT NN IN NNP ."},
	}
	tg := Default()
	for _, tt := range tests {
		words := strings.Fields(tt.in)
		got := tg.TagWords(words)
		want := strings.Fields(tt.want)
		for i := range want {
			if want[i] != "_" && got[i].String() != want[i] {
				t.Errorf("%q: token %q got %s want %s", tt.in, words[i], got[i], want[i])
			}
		}
	}
}

func TestTagDoc(t *testing.T) {
	doc := text.Segment("Kim met Putin. They signed a pact.")
	tags := Default().Tag(doc)
	if len(tags) != len(doc.Tokens) {
		t.Fatalf("got %d tags for %d tokens", len(tags), len(doc.Tokens))
	}
	for i, tg := range tags {
		if tg == None || tg >= numTags {
			t.Errorf("token %d %q: bad tag %d", i, doc.Tok(i), tg)
		}
	}
}

func TestParseTagRoundTrip(t *testing.T) {
	for tg := Tag(1); tg < numTags; tg++ {
		if got := ParseTag(tg.String()); got != tg {
			t.Errorf("ParseTag(%q) = %v, want %v", tg.String(), got, tg)
		}
	}
}

func FuzzTag(f *testing.F) {
	f.Add("North Korea’s troops were sent to Russia’s Kursk region on Aug. 28, 2024.")
	f.Add("“We will” — he said")
	f.Fuzz(func(t *testing.T, s string) {
		doc := text.Segment(s)
		tags := Default().Tag(doc)
		if len(tags) != len(doc.Tokens) {
			t.Fatalf("got %d tags for %d tokens", len(tags), len(doc.Tokens))
		}
		for i := range doc.Tokens {
			_ = Lemma(doc.Tok(i), tags[i])
		}
	})
}

func reutersText(b *testing.B) string { return corpus.ReutersText(b, 2<<20) }

func BenchmarkTag(b *testing.B) {
	s := reutersText(b)
	doc := text.Segment(s)
	tg := Default()
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	c0 := cpuTime()
	n := 0
	for b.Loop() {
		tg.Tag(doc)
		n++
	}
	// The machine is shared: report throughput per CPU-second as well as
	// the wall-clock MB/s the framework prints.
	if d := cpuTime() - c0; d > 0 {
		b.ReportMetric(float64(len(s))*float64(n)/d.Seconds()/1e6, "cpuMB/s")
	}
}

// BenchmarkTagDocsCold tags 1,500 Reuters articles one at a time, as the
// pipeline meets them, with the processor's caches flushed before each
// (4 MB written, then the article's text and tokens read, as the stage
// before would have): the tagger's tables are mostly read from memory, as
// in analyze's BenchmarkStages. The flushing is not counted in cpuMB/s.
// Tagging goes through tagCold, which a profiler such as callgrind can be
// told to count alone.
func BenchmarkTagDocsCold(b *testing.B) {
	texts := corpus.Reuters(b, 1500)
	docs := make([]*text.Doc, len(texts))
	for k, s := range texts {
		docs[k] = text.Segment(s)
	}
	tg := Default()
	size := corpus.Size(texts)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	cold := corpus.NewCold()
	for b.Loop() {
		for _, doc := range docs {
			cold.Evict(doc.Text, func() (sum uint64) {
				for _, t := range doc.Tokens {
					sum += uint64(t.Start)
				}
				for _, s := range doc.Sentences {
					sum += uint64(s.First)
				}
				return sum
			})
			tagCold(tg, doc)
		}
	}
	cold.Report(b, size)
}

//go:noinline
func tagCold(tg *Tagger, doc *text.Doc) []Tag { return tg.Tag(doc) }

// referenceTag tags words the slow way, adding the weights of every feature
// of every token one by one: what Tag must match, whatever it precomputes.
func referenceTag(m *Tagger, words []string) []Tag {
	infos := make([]tokInfo, len(words))
	for i, w := range words {
		infos[i] = info(w)
	}
	tags := make([]Tag, len(words))
	prev, prev2 := None, None
	var feats [maxFeats]uint64
	for i, w := range words {
		var class uint64
		if b := m.words.find(m.lex, dictKey(w)); b != 0 && Tag(m.lex[b+bHead]>>8) != None {
			tags[i] = Tag(m.lex[b+bHead] >> 8)
		} else {
			if b := m.words.find(m.lex, w); b != 0 {
				class = uint64(m.lex[b+bClass]) | uint64(m.lex[b+bClass+1])<<32
			}
			features(&feats, infos, i, prev, prev2)
			var sc [numTags]int32
			for _, f := range feats {
				m.add(&sc, f)
			}
			best := None
			for t := Tag(1); t < numTags; t++ {
				if (class == 0 || class&(1<<t) != 0) && (best == None || sc[t] > sc[best]) {
					best = t
				}
			}
			tags[i] = best
		}
		prev2, prev = prev, tags[i]
	}
	return tags
}

func TestTagMatchesFeatures(t *testing.T) {
	sents := readCoNLL(t, shared+"eval/conll2003/eng.testa")
	var words [][]string
	for _, s := range sents {
		words = append(words, s.Words)
	}
	for _, s := range []string{"“We will” — he said’s …", "North Korea’s troops were sent to Russia’s Kursk region on Aug. 28, 2024."} {
		words = append(words, strings.Fields(s))
	}
	tg := Default()
	diff := 0
	for _, ws := range words {
		got, want := tg.TagWords(ws), referenceTag(tg, ws)
		for i := range got {
			if got[i] != want[i] {
				if diff++; diff <= 10 {
					t.Errorf("%q: token %d %q: got %v, want %v", strings.Join(ws, " "), i, ws[i], got[i], want[i])
				}
			}
		}
	}
	if diff > 0 {
		t.Errorf("%d tokens differ", diff)
	}
}

// TestTagDocMatchesFeatures checks Tag, which tags a document in chunks
// with passes over all its tokens, against the slow reference, sentence by
// sentence, on news articles.
func TestTagDocMatchesFeatures(t *testing.T) {
	tg := Default()
	texts := corpus.Reuters(t, 300)
	texts = append(texts, strings.Repeat("Kim met Putin in Pyongyang’s zoo. Xyzzyq frobnicated 3.5 mln dlrs ", 400))
	diff := 0
	for _, s := range texts {
		doc := text.Segment(s)
		got := tg.Tag(doc)
		eachSentence(doc, func(first, last int) {
			words := make([]string, 0, last-first)
			for i := first; i < last; i++ {
				words = append(words, doc.Tok(i))
			}
			want := referenceTag(tg, words)
			for i := range want {
				if got[first+i] != want[i] {
					if diff++; diff <= 10 {
						t.Errorf("%q: token %q: got %v, want %v", strings.Join(words, " "), words[i], got[first+i], want[i])
					}
				}
			}
		})
	}
	if diff > 0 {
		t.Errorf("%d tokens differ", diff)
	}
}

// TestTagConcurrent tags documents from several goroutines at once (the
// tagger is shared by the analysis workers and the web server): each gets
// the tags it gets alone.
func TestTagConcurrent(t *testing.T) {
	tg := Default()
	var docs []*text.Doc
	for i := range 8 {
		docs = append(docs, text.Segment(strings.Repeat("Kim met Putin in Pyongyang. The troops arrived on Monday, officials said. ", 20+i*30)))
	}
	want := make([][]Tag, len(docs))
	for i, d := range docs {
		want[i] = tg.Tag(d)
	}
	var wg sync.WaitGroup
	errs := make(chan string, len(docs)*4)
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range docs {
				i := (k + g) % len(docs)
				got := tg.Tag(docs[i])
				if !slices.Equal(got, want[i]) {
					errs <- fmt.Sprintf("goroutine %d, doc %d: tags differ", g, i)
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// TestWideHistory checks the fallback for tag-history rows too wide for
// uint16s: the embedded model's rows moved into Tagger.wide tag the same.
func TestWideHistory(t *testing.T) {
	m, err := Load(bytes.NewReader(embedded))
	if err != nil {
		t.Fatal(err)
	}
	m.wide = new([numTags][numTags][numTags]int32)
	for p := range m.hist {
		for p2 := range m.hist[p] {
			for tg := range m.wide[p][p2] {
				m.wide[p][p2][tg] = int32(m.hist[p][p2][tg])
			}
		}
	}
	*m.hist = [numTags][numTags][histRow]uint16{}
	doc := text.Segment(corpus.ReutersText(t, 1<<20))
	want, got := Default().Tag(doc), m.Tag(doc)
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("token %d: wide table tags %v, narrow %v", i, got[i], want[i])
		}
	}
}

// TestWordTable looks up every word of the vocabulary, and words that
// differ from one in a byte or in length: each is found in the block
// holding exactly that word, or not at all.
func TestWordTable(t *testing.T) {
	m := Default()
	word := func(b uint32) string {
		w := make([]byte, m.lex[b+bHead]&0xff)
		for i := range w {
			w[i] = byte(m.lex[b+bWord+uint32(i/4)] >> (8 * (i % 4)))
		}
		return string(w)
	}
	n := 0
	for _, tb := range []*table{&m.words.hot, &m.words.rest} {
		for _, s := range tb.slots {
			if s.val == 0 {
				continue
			}
			w := word(uint32(s.val))
			if b := m.words.find(m.lex, w); b != uint32(s.val) {
				t.Fatalf("%q: found block %d, want %d", w, b, uint32(s.val))
			}
			n++
			// sameWord compares what the key does not hold
			for i := 8; i < len(w); i++ {
				if v := w[:i] + string(w[i]^1) + w[i+1:]; sameWord(m.lex[uint32(s.val):], v) {
					t.Fatalf("sameWord(block of %q, %q)", w, v)
				}
			}
			if len(w) > 8 && !sameWord(m.lex[uint32(s.val):], w) {
				t.Fatalf("not sameWord(block of %q, %q)", w, w)
			}
			last := len(w) - 1
			for _, v := range []string{w + "x", w[:last], w[:last] + string(w[last]^1), string(w[0]^1) + w[1:]} {
				if b := m.words.find(m.lex, v); b != 0 && word(b) != v {
					t.Fatalf("%q: found the block of %q", v, word(b))
				}
			}
		}
	}
	if n < 1000 {
		t.Fatalf("only %d words", n)
	}
}
