// Command gencaps writes data/caps.txt.gz, word statistics from an
// unlabelled news corpus behind two tagger features, one line per word
// (lower case) seen at least five times:
//
//	word<TAB>bucket<TAB>left1<TAB>left2<TAB>right1<TAB>right2
//
// bucket is how often the word was capitalised inside sentences (not first
// in its sentence, not in an all-capitals line): 0 under 5%, 1 under 50%,
// 2 under 95%, 3 from 95%, "-" when never seen there. left and right are
// its two most frequent neighbours among the corpus's 400 most frequent
// words ("-" when none): a crude distributional class ("mr" before people,
// "corp" after companies, "in" before places).
//
// Run from the repository root:
//
//	go run ./nlp/entity/data/gencaps ../shared/eval/news/reuters21578.jsonl
//
// The corpus is Reuters-21578 (Distribution 1.0, free for research use);
// only these per-word buckets are kept.
package main

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep-news/sitrep/nlp/text"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: gencaps CORPUS.jsonl")
		os.Exit(2)
	}
	if err := run(os.Args[1], "nlp/entity/data/caps.txt.gz"); err != nil {
		fmt.Fprintln(os.Stderr, "gencaps:", err)
		os.Exit(1)
	}
}

func run(in, out string) error {
	f, err := os.Open(in)
	if err != nil {
		return err
	}
	defer f.Close()
	type count struct {
		caps, lower, n int
		left, right    map[string]int
	}
	counts := map[string]*count{}
	get := func(w string) *count {
		c := counts[w]
		if c == nil {
			c = &count{left: map[string]int{}, right: map[string]int{}}
			counts[w] = c
		}
		return c
	}
	var docs []*text.Doc
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var a struct {
			Text string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return err
		}
		doc := text.Segment(a.Text)
		docs = append(docs, doc)
		for _, s := range doc.Sentences {
			for i := s.First; i < s.Last; i++ {
				get(strings.ToLower(doc.Tok(i))).n++
			}
			if allCaps(doc, s) {
				continue
			}
			for i := s.First + 1; i < s.Last; i++ {
				w := doc.Tok(i)
				r, _ := utf8.DecodeRuneInString(w)
				if !unicode.IsLetter(r) {
					continue
				}
				if doc.Tokens[i].Is(text.LineStart) {
					continue
				}
				c := get(strings.ToLower(w))
				if unicode.IsUpper(r) {
					c.caps++
				} else {
					c.lower++
				}
			}
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	// the context vocabulary: the most frequent words
	var vocab []string
	for w := range counts {
		vocab = append(vocab, w)
	}
	sort.Slice(vocab, func(i, j int) bool {
		a, b := counts[vocab[i]].n, counts[vocab[j]].n
		return a > b || a == b && vocab[i] < vocab[j]
	})
	ctx := map[string]bool{}
	for _, w := range vocab[:min(400, len(vocab))] {
		ctx[w] = true
	}
	for _, doc := range docs {
		for _, s := range doc.Sentences {
			for i := s.First; i < s.Last; i++ {
				c := counts[strings.ToLower(doc.Tok(i))]
				if c.n < 5 {
					continue
				}
				if i > s.First {
					if p := strings.ToLower(doc.Tok(i - 1)); ctx[p] {
						c.left[p]++
					}
				}
				if i+1 < s.Last {
					if n := strings.ToLower(doc.Tok(i + 1)); ctx[n] {
						c.right[n]++
					}
				}
			}
		}
	}
	words := make([]string, 0, len(counts))
	for w, c := range counts {
		if c.n >= 5 && !strings.ContainsAny(w, "\t\n") {
			words = append(words, w)
		}
	}
	sort.Strings(words)
	o, err := os.Create(out)
	if err != nil {
		return err
	}
	zw, _ := gzip.NewWriterLevel(o, gzip.BestCompression)
	bw := bufio.NewWriter(zw)
	for _, w := range words {
		c := counts[w]
		b := "-"
		if c.caps+c.lower >= 3 {
			r := float64(c.caps) / float64(c.caps+c.lower)
			switch {
			case r < 0.05:
				b = "0"
			case r < 0.5:
				b = "1"
			case r < 0.95:
				b = "2"
			default:
				b = "3"
			}
		}
		l1, l2 := top2(c.left)
		r1, r2 := top2(c.right)
		fmt.Fprintf(bw, "%s\t%s\t%s\t%s\t%s\t%s\n", w, b, l1, l2, r1, r2)
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return o.Close()
}

// top2 returns the two most frequent keys of m ("-" for none), ties
// broken by the word.
func top2(m map[string]int) (string, string) {
	ws := make([]string, 0, len(m))
	for w := range m {
		ws = append(ws, w)
	}
	sort.Slice(ws, func(i, j int) bool { return m[ws[i]] > m[ws[j]] || m[ws[i]] == m[ws[j]] && ws[i] < ws[j] })
	a, b := "-", "-"
	if len(ws) > 0 {
		a = ws[0]
	}
	if len(ws) > 1 {
		b = ws[1]
	}
	return a, b
}

// allCaps reports whether a sentence has no lower-case letters (a headline).
func allCaps(doc *text.Doc, s text.Sentence) bool {
	for _, r := range doc.Text[s.Start:s.End] {
		if unicode.IsLower(r) {
			return false
		}
	}
	return true
}
