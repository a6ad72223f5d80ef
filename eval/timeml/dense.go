package timeml

import (
	"bufio"
	"io"
	"path/filepath"
	"strings"

	"github.com/sitrep-news/sitrep/nlp/entity"
	"github.com/sitrep-news/sitrep/nlp/pos"
)

// DensePair is one TimeBank-Dense pair: two annotations of a document by
// their TimeML ids (eid "e12" or tid "t3"; t0 is the DCT) and the relation
// of the two intervals as the corpus codes it (b BEFORE, a AFTER, i
// INCLUDES, ii IS_INCLUDED, s SIMULTANEOUS, v VAGUE).
type DensePair struct {
	DocID, ID1, ID2, Rel string
}

// DenseDev and DenseTest are the documents of the standard TimeBank-Dense
// split (Chambers et al. 2014, as CAEVO uses it); the other 22 train.
var (
	DenseDev  = []string{"APW19980227.0487", "CNN19980223.1130.0960", "NYT19980212.0019", "PRI19980216.2000.0170", "ed980111.1130.0089"}
	DenseTest = []string{"APW19980227.0489", "APW19980227.0494", "APW19980308.0201", "APW19980418.0210", "CNN19980126.1600.1104",
		"CNN19980213.2130.0155", "NYT19980402.0453", "PRI19980115.2000.0186", "PRI19980306.2000.1675"}
)

// ReadDense reads TimeBank-Dense pairs (docid, id1, id2, rel; tab
// separated).
func ReadDense(r io.Reader) ([]DensePair, error) {
	var out []DensePair
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		f := strings.Split(strings.TrimRight(sc.Text(), "\r"), "\t")
		if len(f) < 4 {
			continue
		}
		out = append(out, DensePair{DocID: f[0], ID1: f[1], ID2: f[2], Rel: f[3]})
	}
	return out, sc.Err()
}

// denseRel maps the corpus codes to the relations sitrep decides; the
// containment codes have no counterpart (a decision on them is wrong).
var denseRel = map[string]string{"b": "BEFORE", "a": "AFTER", "s": "EQUAL", "i": "INCLUDES", "ii": "IS_INCLUDED", "v": "VAGUE"}

// ScoreDense compares the order sitrep gives two events (as ScoreOrder
// does) with the event–event pairs of TimeBank-Dense in the documents
// named by only (all when only is empty). Pairs with a timex are left out.
// BEFORE and AFTER match b and a (disjoint intervals), EQUAL matches s,
// INCLUDES and IS_INCLUDED match i and ii;
// ByGold counts the pairs under the long relation names.
func ScoreDense(docs []*Doc, pairs []DensePair, only []string) OrderScores {
	s := OrderScores{ByGold: map[string]int{}, Decided: map[string]int{}, Correct: map[string]int{}}
	keep := map[string]bool{}
	for _, id := range only {
		keep[id] = true
	}
	byDoc := map[string][]DensePair{}
	for _, p := range pairs {
		if len(keep) > 0 && !keep[p.DocID] || !strings.HasPrefix(p.ID1, "e") || !strings.HasPrefix(p.ID2, "e") {
			continue
		}
		byDoc[p.DocID] = append(byDoc[p.DocID], p)
	}
	tg, rec := pos.Default(), entity.Default()
	for _, d := range docs {
		ps := byDoc[d.DocID]
		if len(ps) == 0 {
			ps = byDoc[strings.TrimSuffix(filepath.Base(d.Path), ".tml")]
		}
		if len(ps) == 0 {
			continue
		}
		byEID := map[string]*Event{}
		for i := range d.Events {
			byEID[d.Events[i].EID] = &d.Events[i]
		}
		o := runOrderDoc(d, tg, rec)
		o.intervals = true
		for _, p := range ps {
			gold := denseRel[p.Rel]
			s.Pairs++
			s.ByGold[gold]++
			a, b := o.find(byEID[p.ID1]), o.find(byEID[p.ID2])
			if a < 0 || b < 0 {
				continue
			}
			s.Matched++
			got, rule := o.order(a, b)
			if got == "" {
				continue
			}
			s.Decided[rule]++
			if gold == "VAGUE" {
				s.DecidedVague++
			}
			if got == gold {
				s.Correct[rule]++
			}
		}
	}
	return s
}
