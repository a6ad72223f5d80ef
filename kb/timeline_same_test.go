package kb

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	sitrep "github.com/sitrep-news/sitrep"
)

// randomEvents is an event set drawn to reach every branch of Timeline:
// few or many types, participants named in several cases with and without
// KB ids (one KB id also a folded name), full, partial, malformed, long,
// reversed and missing dates, each kind of derivation, documents with
// several mentions, published dates short or missing, copied sentences,
// odd whitespace and empty summaries.
func randomEvents(r *rand.Rand, n int) []sitrep.StoredEvent {
	pick := func(xs ...string) string { return xs[r.IntN(len(xs))] }
	ntypes := 1 + r.IntN(6)
	docs := 1 + r.IntN(max(1, n))
	names := []string{"", "Kim", "kim", "KIM", "Putin", "Zelensky", "Kyiv", "Odesa", "q7", "İstanbul", "Ünal"}
	kbs := []string{"", "", "", "Q1", "Q2", "Q7", "kim"}
	date := func() (string, string) {
		day := func() string {
			return fmt.Sprintf("20%02d-%02d-%02d", 20+r.IntN(3), 1+r.IntN(12), 1+r.IntN(28))
		}
		switch r.IntN(12) {
		case 0:
			return "", ""
		case 1:
			return day(), ""
		case 2:
			return "", day()
		case 3:
			return day(), day() // maybe reversed
		case 4:
			m := fmt.Sprintf("2021-%02d", 1+r.IntN(12))
			return m, m + "-28"
		case 5:
			return "2021-13-45", pick("2021-14-01", "x", "2021-02-30")
		case 6:
			d := day()
			return d + "T10:00", d + "T23:00"
		}
		d := day()
		if r.IntN(3) == 0 {
			return d, d[:8] + "28"
		}
		return d, d
	}
	published := func(i int) string {
		switch r.IntN(8) {
		case 0:
			return ""
		case 1:
			return "2021-05"
		case 2:
			return fmt.Sprintf("2021-%02d-%02dT08:00:00Z", 1+r.IntN(12), 1+r.IntN(28))
		}
		return fmt.Sprintf("2021-%02d-%02d", 1+r.IntN(12), 1+r.IntN(28))
	}
	sentences := []string{"Kim visited Kyiv.", "  kim visited   Kyiv. ", "KIM VISITED KYIV.", "Troops\tmoved\u00a0in.",
		"Troops moved in.", "", strings.Repeat("a long sentence without a summary ", 8), strings.Repeat("x", 200) + " é",
		"Un soldat est arrivé à Odesa\u2003hier."}
	evs := make([]sitrep.StoredEvent, n)
	pub := make([]string, docs)
	dct := make([]string, docs)
	for d := range docs {
		pub[d], dct[d] = published(d), published(d)
	}
	for i := range evs {
		d := r.IntN(docs)
		earliest, latest := date()
		e := sitrep.StoredEvent{
			Event: sitrep.Event{ID: fmt.Sprintf("ev%d", r.IntN(20)), Type: fmt.Sprintf("t%d", r.IntN(ntypes)), Start: r.IntN(500),
				Modality: pick("", "asserted", "reported", "believed", "future", "possible", "negated", "odd"),
				Summary:  pick("", "", "Kim visited Kyiv", "Troops moved in", "a much longer summary of what happened there"),
				Time: sitrep.EventTime{Value: pick("", earliest, earliest+"_REF", "PAST_REF", "2021-W05"), Earliest: earliest, Latest: latest,
					Derivation: pick("", "explicit", "explicit: t1", "dct", "dct (no date)", "2021-05-01 minus P3W (after)")}},
			DocumentID: fmt.Sprintf("d%d", d), Title: fmt.Sprintf("T%d", d), URL: fmt.Sprintf("u%d", d), Site: pick("", "s1", "s2"),
			Published: pub[d], DCT: dct[d], SentenceText: pick(sentences...),
			ActorName: pick(names...), ActorKB: pick(kbs...), TargetName: pick(names...), TargetKB: pick(kbs...),
			LocationName: pick(names...), LocationKB: pick(kbs...),
		}
		if r.IntN(4) == 0 { // a participant shared by most mentions
			e.ActorName, e.ActorKB = "Kim", "Q1"
		}
		evs[i] = e
	}
	return evs
}

// TestTimelineAsBefore: Timeline gives what the code of commit 4abb78d
// (refTimeline) gave, on random event sets small and large, some of one
// type beyond the merge window.
func TestTimelineAsBefore(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	defer func(b int) { packedBits = b }(packedBits)
	for i := range 2000 {
		packedBits = 64
		if i%3 == 0 {
			packedBits = 0 // items ordered on two integers
		}
		n := r.IntN(60)
		switch {
		case i%100 == 0:
			n = 2000 + r.IntN(2000)
		case i%10 == 0:
			n = 200 + r.IntN(600)
		}
		evs := randomEvents(r, n)
		want := refTimeline(evs)
		got := Timeline(evs)
		if !reflect.DeepEqual(got, want) {
			for k := range min(len(got), len(want)) {
				if !reflect.DeepEqual(got[k], want[k]) {
					t.Fatalf("set %d (%d events), item %d:\ngot  %+v\nwant %+v", i, n, k, got[k], want[k])
				}
			}
			t.Fatalf("set %d (%d events): %d items, want %d", i, n, len(got), len(want))
		}
	}
}

// TestEpochDay: epochDay reads what parseDay reads, as the same day: every
// day of years around leap and century years, impossible days and
// months, and strings that only look like dates.
func TestEpochDay(t *testing.T) {
	var in []string
	for _, y := range []int{0, 1, 4, 99, 100, 399, 400, 1582, 1899, 1900, 1969, 1970, 1999, 2000, 2023, 2024, 2100, 9999} {
		for m := 0; m <= 13; m++ {
			for d := 0; d <= 32; d++ {
				in = append(in, fmt.Sprintf("%04d-%02d-%02d", y, m, d))
			}
		}
	}
	in = append(in, "", "2024", "2024-05", "2024-05-0", "2024-05-01T10:00", "2024-05-01 and more", "+024-05-01",
		"-024-05-01", "2024-5-01x", "2024-05-1x", "2024/05/01", "2024-05-01", " 2024-05-1", "2024-0x-01", "２０２４-05-01")
	for _, s := range in {
		got := epochDay(s)
		tm, ok := parseDay(s)
		if want := int32(tm.Unix() / 86400); ok != (got != noDay) || ok && got != want {
			t.Errorf("epochDay(%q) = %d, parseDay: %v %v (%d)", s, got, tm, ok, want)
		}
	}
}

// TestRadixSort: radixSort sorts as slices.Sort does, keys of any width.
func TestRadixSort(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 5))
	for _, n := range []int{0, 1, 511, 512, 5000} {
		for _, width := range []int{1, 7, 8, 9, 33, 63, 64} {
			keys := make([]uint64, n)
			for i := range keys {
				keys[i] = r.Uint64() >> (64 - width)
				if i%5 == 0 && i > 0 {
					keys[i] = keys[i-1] // repeated keys
				}
			}
			want := slices.Clone(keys)
			slices.Sort(want)
			radixSort(keys, width)
			if !slices.Equal(keys, want) {
				t.Fatalf("%d keys of %d bits: not sorted", n, width)
			}
		}
	}
}

// FuzzTimelineAsBefore: Timeline and refTimeline agree on small event
// sets whose dates, document dates, derivations, values and names come
// from the fuzzer.
func FuzzTimelineAsBefore(f *testing.F) {
	f.Add("2026-01-16", "2026-01-16", "2026-03", "2026-03-31", "2026-01-14", "explicit", "2026-01", "Kim", "kim", uint8(5))
	f.Add("", "2026-02-29", "0000-01-01", "9999-12-31", "2026-01-14T08:00", "dct", "PAST_REF", "", "Q1", uint8(200))
	f.Fuzz(func(t *testing.T, e1, l1, e2, l2, published, deriv, value, name1, name2 string, shape uint8) {
		base := sitrep.StoredEvent{
			Event: sitrep.Event{ID: "ev1", Type: "visit", Modality: sitrep.ModalityAsserted,
				Time: sitrep.EventTime{Value: value, Earliest: e1, Latest: l1, Derivation: deriv}},
			DocumentID: "a", Published: published, DCT: l2, SentenceText: "Kim visited.", ActorName: name1,
		}
		var evs []sitrep.StoredEvent
		for i := range 2 + int(shape%5) {
			e := base
			e.ID = fmt.Sprintf("ev%d", i)
			if shape>>(i%8)&1 == 1 {
				e.Time.Earliest, e.Time.Latest, e.ActorName, e.ActorKB = e2, l2, name2, name1
			}
			if i%2 == 1 {
				e.DocumentID, e.Published, e.DCT = "b", l1, e1
			}
			if i%3 == 2 {
				e.Type, e.Time.Derivation, e.Summary = "meet", value, name2
			}
			evs = append(evs, e)
		}
		if got, want := Timeline(evs), refTimeline(evs); !reflect.DeepEqual(got, want) {
			t.Fatalf("got  %+v\nwant %+v", got, want)
		}
	})
}
