package conll

import (
	"bytes"
	"os"
	"reflect"
	"strings"
	"testing"
)

func TestChunks(t *testing.T) {
	tests := []struct {
		name string
		tags string
		want []Chunk
	}{
		{"iob1", "I-PER I-PER O I-LOC", []Chunk{{0, 2, "PER"}, {3, 4, "LOC"}}},
		{"iob1 touching", "I-LOC B-LOC O", []Chunk{{0, 1, "LOC"}, {1, 2, "LOC"}}},
		{"iob1 type change", "I-ORG I-LOC", []Chunk{{0, 1, "ORG"}, {1, 2, "LOC"}}},
		{"bio", "B-PER I-PER B-PER", []Chunk{{0, 2, "PER"}, {2, 3, "PER"}}},
		{"bilou", "B-ORG L-ORG U-LOC O", []Chunk{{0, 2, "ORG"}, {2, 3, "LOC"}}},
		{"none", "O O", nil},
		{"at end", "O I-MISC", []Chunk{{1, 2, "MISC"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Chunks(strings.Fields(tt.tags))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Chunks(%s) = %v, want %v", tt.tags, got, tt.want)
			}
		})
	}
}

func TestToBIO(t *testing.T) {
	tests := []struct{ in, want string }{
		{"I-PER I-PER O I-LOC", "B-PER I-PER O B-LOC"},
		{"I-LOC B-LOC I-LOC", "B-LOC B-LOC I-LOC"},
		{"I-ORG I-MISC", "B-ORG B-MISC"},
		{"B-PER I-PER", "B-PER I-PER"},
	}
	for _, tt := range tests {
		got := strings.Join(ToBIO(strings.Fields(tt.in)), " ")
		if got != tt.want {
			t.Errorf("ToBIO(%s) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

const sample = `-DOCSTART- -X- O O

EU NNP I-NP I-ORG
rejects VBZ I-VP O
German JJ I-NP I-MISC
call NN I-NP O
. . O O

Peter NNP I-NP I-PER
Blackburn NNP I-NP I-PER

-DOCSTART- -X- O O

BRUSSELS NNP I-NP I-LOC
1996-08-22 CD I-NP O
`

func TestReadAndDoc(t *testing.T) {
	docs, err := Read(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 || len(docs[0].Sentences) != 2 || len(docs[1].Sentences) != 1 {
		t.Fatalf("got %d docs, want 2 with 2 and 1 sentences", len(docs))
	}
	d := Doc(docs[0])
	if want := "EU rejects German call .\nPeter Blackburn"; d.Text != want {
		t.Errorf("text = %q, want %q", d.Text, want)
	}
	k := 0
	for si, s := range docs[0].Sentences {
		ds := d.Sentences[si]
		if ds.Last-ds.First != len(s) {
			t.Fatalf("sentence %d has %d tokens, want %d", si, ds.Last-ds.First, len(s))
		}
		for _, tok := range s {
			if got := d.Tok(k); got != tok.Word {
				t.Errorf("token %d = %q, want %q", k, got, tok.Word)
			}
			k++
		}
	}
	if _, err := Read(strings.NewReader("lonely\n")); err == nil {
		t.Error("Read accepted a line without a tag")
	}
}

func TestScore(t *testing.T) {
	s := NewScore()
	s.Add([]Chunk{{0, 2, "PER"}, {3, 4, "LOC"}}, []Chunk{{0, 2, "PER"}, {3, 4, "ORG"}, {5, 6, "LOC"}})
	if s.Total != (Counts{Gold: 2, Pred: 3, Correct: 1}) {
		t.Errorf("total = %+v", s.Total)
	}
	if got := s.Types["LOC"]; *got != (Counts{Gold: 1, Pred: 1, Correct: 0}) {
		t.Errorf("LOC = %+v", got)
	}
	if f := s.Total.F1(); f < 0.399 || f > 0.401 {
		t.Errorf("F1 = %v, want 0.4", f)
	}
	var b bytes.Buffer
	s.Report(&b)
	if !strings.Contains(b.String(), "overall") {
		t.Errorf("report lacks the overall line:\n%s", b.String())
	}
}

func TestTypeOf(t *testing.T) {
	for in, want := range map[string]string{"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "FAC": "LOC", "LOC": "LOC", "NORP": "MISC", "EVENT": "MISC", "MISC": "MISC"} {
		if got := TypeOf(in); got != want {
			t.Errorf("TypeOf(%s) = %s, want %s", in, got, want)
		}
	}
}

// TestDevFile reads the development file and checks its documented counts.
func TestDevFile(t *testing.T) {
	f, err := os.Open("../../../shared/eval/conll2003/eng.testa")
	if err != nil {
		t.Skip("shared corpora absent:", err)
	}
	defer f.Close()
	docs, err := Read(f)
	if err != nil {
		t.Fatal(err)
	}
	sents, ents := 0, 0
	for _, d := range docs {
		sents += len(d.Sentences)
		for _, s := range d.Sentences {
			tags := make([]string, len(s))
			for i, tok := range s {
				tags[i] = tok.Tag
			}
			ents += len(Chunks(tags))
		}
	}
	if len(docs) != 216 || sents != 3250 || ents != 5942 {
		t.Errorf("got %d docs, %d sentences, %d entities; want 216, 3250, 5942", len(docs), sents, ents)
	}
}

// FuzzRead checks that any input either fails with an error or gives
// documents whose text.Doc tokens slice back to their words and whose chunks
// lie inside their sentences.
func FuzzRead(f *testing.F) {
	f.Add(sample)
	f.Add("a\tb\n\n-DOCSTART-\nx y z I-PER\r\n\n")
	f.Add("é O\n\xff B-\n")
	f.Fuzz(func(t *testing.T, s string) {
		docs, err := Read(strings.NewReader(s))
		if err != nil {
			return
		}
		for _, dd := range docs {
			d := Doc(dd)
			k := 0
			for si, sent := range dd.Sentences {
				tags := make([]string, len(sent))
				for i, tok := range sent {
					if got := d.Tok(k); got != tok.Word {
						t.Fatalf("token %d = %q, want %q", k, got, tok.Word)
					}
					tags[i] = tok.Tag
					k++
				}
				if ds := d.Sentences[si]; ds.Start < 0 || ds.End > len(d.Text) || ds.Start > ds.End {
					t.Fatalf("sentence %d span [%d,%d) outside %d bytes", si, ds.Start, ds.End, len(d.Text))
				}
				for _, c := range Chunks(tags) {
					if c.Start < 0 || c.End > len(tags) || c.Start >= c.End {
						t.Fatalf("chunk %+v outside %d tags", c, len(tags))
					}
				}
				if got := ToBIO(tags); len(got) != len(tags) {
					t.Fatalf("ToBIO gave %d tags for %d", len(got), len(tags))
				}
			}
		}
	})
}
