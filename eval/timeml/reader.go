// Package timeml reads TimeML 1.2.1 files (TimeBank, AQUAINT, the TempEval-3
// corpora) and scores sitrep's temporal and event layers against them.
//
// ReadFile and ReadDir turn a .tml file into a Doc: the raw content of its
// <TEXT> element as a string, with every TIMEX3, EVENT and SIGNAL inside it
// as a byte range into that string, the events joined with their
// MAKEINSTANCE attributes, the document creation time (the TIMEX3 with tid
// t0, or the one with functionInDocument CREATION_TIME), and the links
// (TLINK, SLINK, ALINK) that follow the text.
package timeml

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Doc is one TimeML document.
type Doc struct {
	Path  string // the file it was read from ("" for Read)
	DocID string // <DOCID>
	// DCT is the document creation time: the value of TIMEX3 t0
	// (YYYY-MM-DD, sometimes with a time), "" if the file has none.
	DCT      string
	DCTTimex *Timex // the creation-time TIMEX3 itself; its offsets are -1 (it is outside TEXT)
	// Text is the character content of <TEXT>, XML entities decoded. Every
	// offset in the Doc is a byte offset into it.
	Text    string
	Timexes []Timex  // TIMEX3 elements inside TEXT, in text order (the DCT is not among them)
	Events  []Event  // EVENT elements inside TEXT, in text order
	Signals []Signal // SIGNAL elements inside TEXT, in text order
	TLinks  []Link
	SLinks  []Link
	ALinks  []Link
}

// Timex is a TIMEX3 annotation.
type Timex struct {
	TID                string
	Start, End         int // byte offsets into Doc.Text
	Text               string
	Type               string // DATE, TIME, DURATION, SET
	Value              string
	Mod                string
	Quant, Freq        string
	TemporalFunction   bool
	FunctionInDocument string
	AnchorTimeID       string
	BeginPoint         string
	EndPoint           string
}

// Event is an EVENT annotation with its first MAKEINSTANCE. An event may be
// instantiated more than once ("taught on Monday and Tuesday"); Instances
// holds them all, and the flattened fields repeat the first.
type Event struct {
	EID        string
	Start, End int // byte offsets into Doc.Text
	Text       string
	Class      string // OCCURRENCE, REPORTING, STATE, I_STATE, I_ACTION, ASPECTUAL, PERCEPTION
	// From the first MAKEINSTANCE (empty when there is none).
	EIID, Tense, Aspect, Polarity, POS, Modality string
	Instances                                    []Instance
}

// Instance is one MAKEINSTANCE of an event.
type Instance struct {
	EIID, EventID, Tense, Aspect, Polarity, POS, Modality, Cardinality string
}

// Signal is a SIGNAL annotation ("after", "during", "since").
type Signal struct {
	SID        string
	Start, End int
	Text       string
}

// Link is a TLINK, SLINK or ALINK. From and To are the ids of the two sides
// (an event instance id "ei12" or a timex id "t3"); the raw attributes are
// kept too.
type Link struct {
	LID     string
	Kind    string // TLINK, SLINK or ALINK
	RelType string
	From    string // eventInstanceID or timeID
	To      string // relatedToEventInstance, relatedToTime or subordinatedEventInstance
	// SignalID is the signal the link is expressed by ("" when none).
	SignalID string
	Attrs    map[string]string
}

// ReadFile reads and parses one .tml file.
func ReadFile(path string) (*Doc, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	d, err := Read(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	d.Path = path
	return d, nil
}

// ReadDir reads every *.tml file under dir (recursively), sorted by path.
func ReadDir(dir string) ([]*Doc, error) {
	var paths []string
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !e.IsDir() && strings.HasSuffix(p, ".tml") {
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Strings(paths)
	docs := make([]*Doc, 0, len(paths))
	for _, p := range paths {
		d, err := ReadFile(p)
		if err != nil {
			return nil, err
		}
		docs = append(docs, d)
	}
	return docs, nil
}

// Read parses one TimeML document.
func Read(r io.Reader) (*Doc, error) {
	dec := xml.NewDecoder(r)
	dec.Strict = false
	d := &Doc{}
	var (
		text     strings.Builder
		inText   bool
		inDocID  bool
		open     []openElem // annotation elements open inside TEXT
		insts    []Instance
		depthTxt int
	)
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := t.Name.Local
			if inText {
				depthTxt++
				switch name {
				case "TIMEX3", "EVENT", "SIGNAL":
					open = append(open, openElem{name: name, attrs: attrMap(t.Attr), start: text.Len()})
				}
				continue
			}
			switch name {
			case "TEXT":
				inText = true
				depthTxt = 0
			case "DOCID":
				inDocID = true
			case "TIMEX3":
				a := attrMap(t.Attr)
				if a["tid"] == "t0" || a["functionInDocument"] == "CREATION_TIME" {
					tx := timexOf(a, -1, -1, "")
					d.DCTTimex = &tx
					d.DCT = tx.Value
				}
			case "MAKEINSTANCE":
				a := attrMap(t.Attr)
				insts = append(insts, Instance{
					EIID: a["eiid"], EventID: a["eventID"], Tense: a["tense"], Aspect: a["aspect"],
					Polarity: a["polarity"], POS: a["pos"], Modality: a["modality"], Cardinality: a["cardinality"],
				})
			case "TLINK", "SLINK", "ALINK":
				a := attrMap(t.Attr)
				l := Link{LID: a["lid"], Kind: name, RelType: a["relType"], SignalID: a["signalID"], Attrs: a}
				l.From = first(a["eventInstanceID"], a["timeID"])
				l.To = first(a["relatedToEventInstance"], a["relatedToTime"], a["subordinatedEventInstance"])
				switch name {
				case "TLINK":
					d.TLinks = append(d.TLinks, l)
				case "SLINK":
					d.SLinks = append(d.SLinks, l)
				default:
					d.ALinks = append(d.ALinks, l)
				}
			}
		case xml.EndElement:
			name := t.Name.Local
			if inText {
				if name == "TEXT" && depthTxt == 0 {
					inText = false
					continue
				}
				depthTxt--
				if name != "TIMEX3" && name != "EVENT" && name != "SIGNAL" {
					continue
				}
				// close the innermost open element of that name
				for i := len(open) - 1; i >= 0; i-- {
					if open[i].name != name {
						continue
					}
					o := open[i]
					open = append(open[:i], open[i+1:]...)
					end := text.Len()
					s := text.String()[o.start:end]
					switch name {
					case "TIMEX3":
						d.Timexes = append(d.Timexes, timexOf(o.attrs, o.start, end, s))
					case "EVENT":
						d.Events = append(d.Events, Event{EID: o.attrs["eid"], Class: o.attrs["class"], Start: o.start, End: end, Text: s})
					case "SIGNAL":
						d.Signals = append(d.Signals, Signal{SID: o.attrs["sid"], Start: o.start, End: end, Text: s})
					}
					break
				}
				continue
			}
			if name == "DOCID" {
				inDocID = false
			}
		case xml.CharData:
			if inText {
				text.Write(t)
			} else if inDocID {
				d.DocID += strings.TrimSpace(string(t))
			}
		}
	}
	d.Text = text.String()
	byEvent := make(map[string][]Instance, len(insts))
	for _, in := range insts {
		byEvent[in.EventID] = append(byEvent[in.EventID], in)
	}
	for i := range d.Events {
		e := &d.Events[i]
		e.Instances = byEvent[e.EID]
		if len(e.Instances) > 0 {
			in := e.Instances[0]
			e.EIID, e.Tense, e.Aspect, e.Polarity, e.POS, e.Modality = in.EIID, in.Tense, in.Aspect, in.Polarity, in.POS, in.Modality
		}
	}
	sort.SliceStable(d.Timexes, func(i, j int) bool { return d.Timexes[i].Start < d.Timexes[j].Start })
	sort.SliceStable(d.Events, func(i, j int) bool { return d.Events[i].Start < d.Events[j].Start })
	sort.SliceStable(d.Signals, func(i, j int) bool { return d.Signals[i].Start < d.Signals[j].Start })
	return d, nil
}

// EventByEIID returns the event instantiated as eiid, or nil.
func (d *Doc) EventByEIID(eiid string) *Event {
	for i := range d.Events {
		for _, in := range d.Events[i].Instances {
			if in.EIID == eiid {
				return &d.Events[i]
			}
		}
	}
	return nil
}

type openElem struct {
	name  string
	attrs map[string]string
	start int
}

func attrMap(as []xml.Attr) map[string]string {
	m := make(map[string]string, len(as))
	for _, a := range as {
		m[a.Name.Local] = a.Value
	}
	return m
}

func timexOf(a map[string]string, start, end int, s string) Timex {
	return Timex{
		TID: a["tid"], Start: start, End: end, Text: s,
		Type: a["type"], Value: a["value"], Mod: a["mod"], Quant: a["quant"], Freq: a["freq"],
		TemporalFunction:   a["temporalFunction"] == "true",
		FunctionInDocument: a["functionInDocument"],
		AnchorTimeID:       a["anchorTimeID"],
		BeginPoint:         a["beginPoint"],
		EndPoint:           a["endPoint"],
	}
}

func first(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}
