package sqlstore

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/sitrep-news/sitrep"
)

func sampleEvent() sitrep.StoredEvent {
	return sitrep.StoredEvent{
		Event: sitrep.Event{ID: "ev1", Type: "deploy", Start: 12, End: 20, Text: "deployed", Class: "OCCURRENCE", CAMEO: "150",
			Lemma: "deploy", Actor: "e1", Target: "e2", Location: "e3", Sentence: 4,
			Time:     sitrep.EventTime{Value: "2024-10", Earliest: "2024-10-01", Latest: "2024-10-31", Anchor: "t1", Derivation: "explicit"},
			Modality: "reported", Source: "officials", Quote: "qt1", Summary: "North Korea deployed troops to Russia"},
		DocumentID: "d0123", Title: `The "Title"`, URL: "https://x.example/a?b=1&c=<2>", Site: "x.example",
		Published: "2024-10-09", DCT: "2024-10-09T10:00:00Z",
		SentenceText: "He said: \"Troops\tmoved\\north\" — Pyeongyang 평양, \x01 and 😀.\nNext line.",
		ActorName:    "North Korea", ActorKB: "PRK", TargetName: "Russia", TargetKB: "RUS", LocationName: "Kursk", LocationKB: "",
	}
}

func TestEventDataRoundTrip(t *testing.T) {
	for _, e := range []sitrep.StoredEvent{sampleEvent(), {}, {Event: sitrep.Event{Start: -1, Text: `\`}}} {
		data := appendEventData(nil, &e)
		if !json.Valid(data) {
			t.Fatalf("not JSON: %s", data)
		}
		// encoding/json reads it as the array the doc comment describes.
		var vals []any
		if err := json.Unmarshal(data, &vals); err != nil || len(vals) != 34 {
			t.Fatalf("%d values (%v), want 34", len(vals), err)
		}
		if vals[27] != e.SentenceText || vals[33] != e.DCT {
			t.Errorf("values 27 and 33 are %q %q, want the sentence and the DCT", vals[25], vals[31])
		}
		var got sitrep.StoredEvent
		if err := decodeEventData(string(data), &got); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, e) {
			t.Errorf("decode(encode(e)) =\n%+v, want\n%+v", got, e)
		}
	}
}

// TestEventDataOtherEncoders: the arrays SQL functions write (spaces after
// commas, other escapes, \u escapes with surrogate pairs) decode alike.
func TestEventDataOtherEncoders(t *testing.T) {
	e := sampleEvent()
	vals := []any{e.ID, e.Type, e.Start, e.End, e.Text, e.Class, e.CAMEO, e.Lemma, e.Sentence,
		e.Time.Value, e.Time.Earliest, e.Time.Latest, e.Time.Anchor, e.Time.Derivation, e.Modality, e.Source, e.Quote, e.Summary,
		e.Actor, e.ActorName, e.ActorKB, e.Target, e.TargetName, e.TargetKB, e.Location, e.LocationName, e.LocationKB,
		e.SentenceText, e.DocumentID, e.Title, e.URL, e.Site, e.Published, e.DCT}
	std, err := json.Marshal(vals) // escapes <, >, & and U+2028 as \u00XX
	if err != nil {
		t.Fatal(err)
	}
	spaced := strings.ReplaceAll(string(std), `","`, `", "`)
	ascii := strings.NewReplacer("평", `\ud3c9`, "😀", `\ud83d\ude00`, "/", `\/`).Replace(spaced)
	for _, data := range []string{string(std), spaced, " [ " + ascii[1:len(ascii)-1] + " ] "} {
		var got sitrep.StoredEvent
		if err := decodeEventData(data, &got); err != nil {
			t.Fatalf("%s: %v", data, err)
		}
		if !reflect.DeepEqual(got, e) {
			t.Errorf("decode(%s) =\n%+v, want\n%+v", data, got, e)
		}
	}
	// A shorter array: the values after its end are zero.
	var got sitrep.StoredEvent
	if err := decodeEventData(`["ev9", "meet", 1, 5]`, &got); err != nil || got.ID != "ev9" || got.End != 5 || got.Text != "" {
		t.Errorf("short array: %+v, %v", got, err)
	}
}

func TestEventDataMalformed(t *testing.T) {
	for _, data := range []string{``, `{}`, `["a"`, `["a" "b"]`, `["a", x]`, `["a\q"]`, `["\ud83d\u12"]`, `[1, "b"`, `["a`} {
		var got sitrep.StoredEvent
		if err := decodeEventData(data, &got); err == nil {
			t.Errorf("decode(%s): no error", data)
		}
	}
}

func FuzzEventData(f *testing.F) {
	f.Add("ev1", "He said \"no\"\n", 3)
	f.Add("", "\x00\u2028😀", -7)
	f.Fuzz(func(t *testing.T, id, sentence string, n int) {
		e := sampleEvent()
		e.ID, e.SentenceText, e.Start = id, sentence, n
		if !utf8.ValidString(id) || !utf8.ValidString(sentence) {
			return // Put rejects invalid text
		}
		var got sitrep.StoredEvent
		if err := decodeEventData(string(appendEventData(nil, &e)), &got); err != nil || !reflect.DeepEqual(got, e) {
			t.Errorf("round trip of %q %q %d: %+v, %v", id, sentence, n, got, err)
		}
		decodeEventData(sentence, &got) // no panic on anything
	})
}
