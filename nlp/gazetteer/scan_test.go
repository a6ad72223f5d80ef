package gazetteer

import (
	"fmt"
	"github.com/sitrep-news/sitrep/nlp/text"
	"os"
	"sort"
	"testing"
)

func TestScanX(t *testing.T) {
	path := os.Getenv("GZFILE")
	if path == "" {
		t.Skip()
	}
	var src string
	if path == "reuters" {
		src = reuters2(1 << 20)
	} else {
		b, _ := os.ReadFile(path)
		src = string(b)
	}
	doc := text.Segment(src)
	g := Default()
	cnt := map[string]int{}
	for _, s := range doc.Sentences {
		for i := s.First; i < s.Last; {
			n, es := g.Longest(doc, i, s.Last)
			if n == 0 {
				if n2, r := g.Title(doc, i, s.Last); n2 > 0 && os.Getenv("TITLES") != "" {
					sp := doc.Span(i, i+n2)
					cnt["TITLE "+src[sp.Start:sp.End]+" -> "+r]++
				}
				i++
				continue
			}
			sp := doc.Span(i, i+n)
			cnt[src[sp.Start:sp.End]+" -> "+es[0].Name+"/"+es[0].Type+"/"+es[0].Kind]++
			i += n
		}
	}
	type kv struct {
		k string
		v int
	}
	var l []kv
	for k, v := range cnt {
		l = append(l, kv{k, v})
	}
	sort.Slice(l, func(i, j int) bool { return l[i].v > l[j].v })
	for i, x := range l {
		if i >= 400 {
			break
		}
		fmt.Println(x.v, x.k)
	}
}
func reuters2(max int) string { b := &testing.B{}; _ = b; return reutersText(max) }
