package sqlstore

import (
	"errors"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/sitrep-news/sitrep"
)

// A row of entity_events carries everything a listed event shows (the
// event, the names behind its entity ids, its sentence and its document's
// reference) in one column, data: a JSON array of the values below, in
// this order. One column to read and one string to slice makes a row cheap
// to scan (an entity's timeline reads thousands); JSON, because migrations
// fill the column of stored events in SQL (json_array in SQLite,
// json_build_array in PostgreSQL). The time bounds are also columns of the
// key; read from data, a row is one column to scan. Values missing at the
// end of an array are zero, so a later version may append values.
//
//	id, type, start, end, text, class, cameo, lemma, sentence,
//	t_value, t_earliest, t_latest, t_anchor, t_derivation,
//	modality, source, quote, summary,
//	actor, actor_name, actor_kb, target, target_name, target_kb,
//	location, location_name, location_kb, sentence_text,
//	document id, title, url, site, published, dct

// appendEventData appends the data of e to b.
func appendEventData(b []byte, e *sitrep.StoredEvent) []byte {
	t := &e.Time
	b = append(b, '[')
	b = appendJSONString(b, e.ID)
	for _, s := range [...]string{e.Type} {
		b = appendJSONString(append(b, ','), s)
	}
	for _, n := range [...]int{e.Start, e.End} {
		b = strconv.AppendInt(append(b, ','), int64(n), 10)
	}
	for _, s := range [...]string{e.Text, e.Class, e.CAMEO, e.Lemma} {
		b = appendJSONString(append(b, ','), s)
	}
	b = strconv.AppendInt(append(b, ','), int64(e.Sentence), 10)
	for _, s := range [...]string{t.Value, t.Earliest, t.Latest, t.Anchor, t.Derivation, e.Modality, e.Source, e.Quote, e.Summary,
		e.Actor, e.ActorName, e.ActorKB, e.Target, e.TargetName, e.TargetKB, e.Location, e.LocationName, e.LocationKB,
		e.SentenceText, e.DocumentID, e.Title, e.URL, e.Site, e.Published, e.DCT} {
		b = appendJSONString(append(b, ','), s)
	}
	return append(b, ']')
}

// decodeEventData sets the fields of e that data holds. The strings of e
// are substrings of data where they need no unescaping.
func decodeEventData(data string, e *sitrep.StoredEvent) error {
	p := jsonArray{s: data}
	p.open()
	t := &e.Time
	e.ID, e.Type = p.str(), p.str()
	e.Start, e.End = p.int(), p.int()
	e.Text, e.Class, e.CAMEO, e.Lemma = p.str(), p.str(), p.str(), p.str()
	e.Sentence = p.int()
	t.Value, t.Earliest, t.Latest, t.Anchor, t.Derivation = p.str(), p.str(), p.str(), p.str(), p.str()
	e.Modality, e.Source, e.Quote, e.Summary = p.str(), p.str(), p.str(), p.str()
	e.Actor, e.ActorName, e.ActorKB = p.str(), p.str(), p.str()
	e.Target, e.TargetName, e.TargetKB = p.str(), p.str(), p.str()
	e.Location, e.LocationName, e.LocationKB = p.str(), p.str(), p.str()
	e.SentenceText = p.str()
	e.DocumentID, e.Title, e.URL, e.Site, e.Published, e.DCT = p.str(), p.str(), p.str(), p.str(), p.str(), p.str()
	return p.err
}

const hexDigits = "0123456789abcdef"

// appendJSONString appends s as a JSON string. s is valid UTF-8 (Put
// checks documents; analyses come from them); it is written as it is but
// for the characters JSON requires escaped.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' {
			continue
		}
		b = append(b, s[start:i]...)
		switch c {
		case '"', '\\':
			b = append(b, '\\', c)
		case '\n':
			b = append(b, '\\', 'n')
		case '\r':
			b = append(b, '\\', 'r')
		case '\t':
			b = append(b, '\\', 't')
		default:
			b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
		}
		start = i + 1
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

var errEventData = errors.New("malformed event data")

// jsonArray reads the values of a flat JSON array of strings and integers
// one after another; past the end of the array, values are zero. The first
// syntax error is kept in err, and values are zero from there on.
type jsonArray struct {
	s    string
	i    int
	done bool // the closing bracket was read
	err  error
}

func (p *jsonArray) fail() {
	if p.err == nil {
		p.err = errEventData
	}
	p.done = true
}

func (p *jsonArray) space() {
	for p.i < len(p.s) {
		switch p.s[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

func (p *jsonArray) open() {
	p.space()
	if p.i >= len(p.s) || p.s[p.i] != '[' {
		p.fail()
		return
	}
	p.i++
	p.space()
	if p.i < len(p.s) && p.s[p.i] == ']' {
		p.done = true
	}
}

// next moves past the separator after a value.
func (p *jsonArray) next() {
	p.space()
	if p.i >= len(p.s) {
		p.fail()
		return
	}
	switch p.s[p.i] {
	case ',':
		p.i++
		p.space()
	case ']':
		p.done = true
	default:
		p.fail()
	}
}

func (p *jsonArray) int() int {
	if p.done {
		return 0
	}
	start := p.i
	if p.i < len(p.s) && p.s[p.i] == '-' {
		p.i++
	}
	for p.i < len(p.s) && p.s[p.i] >= '0' && p.s[p.i] <= '9' {
		p.i++
	}
	n, err := strconv.Atoi(p.s[start:p.i])
	if err != nil {
		p.fail()
		return 0
	}
	p.next()
	return n
}

func (p *jsonArray) str() string {
	if p.done {
		return ""
	}
	if p.i >= len(p.s) || p.s[p.i] != '"' {
		p.fail()
		return ""
	}
	p.i++
	start := p.i
	// The closing quote is the first one not escaped: most strings have
	// no escape, and both searches run on many bytes at a time.
	end := strings.IndexByte(p.s[start:], '"')
	if end < 0 {
		p.fail()
		return ""
	}
	end += start
	if b := strings.IndexByte(p.s[start:end], '\\'); b >= 0 {
		p.i = start + b
		return p.escaped(start)
	}
	p.i = end + 1
	p.next()
	return p.s[start:end]
}

// escaped reads the rest of a string that holds escapes, from the first
// one (at p.i); start is the string's first byte.
func (p *jsonArray) escaped(start int) string {
	b := []byte(p.s[start:p.i])
	for p.i < len(p.s) {
		c := p.s[p.i]
		switch {
		case c == '"':
			p.i++
			p.next()
			return string(b)
		case c != '\\':
			b = append(b, c)
			p.i++
			continue
		}
		if p.i+1 >= len(p.s) {
			break
		}
		p.i += 2
		switch e := p.s[p.i-1]; e {
		case '"', '\\', '/':
			b = append(b, e)
		case 'b':
			b = append(b, '\b')
		case 'f':
			b = append(b, '\f')
		case 'n':
			b = append(b, '\n')
		case 'r':
			b = append(b, '\r')
		case 't':
			b = append(b, '\t')
		case 'u':
			r, ok := p.hex4()
			if !ok {
				p.fail()
				return ""
			}
			if utf16.IsSurrogate(r) {
				r2 := rune(-1)
				if p.i+1 < len(p.s) && p.s[p.i] == '\\' && p.s[p.i+1] == 'u' {
					p.i += 2
					if r2, ok = p.hex4(); !ok {
						p.fail()
						return ""
					}
				}
				if r = utf16.DecodeRune(r, r2); r == utf8.RuneError && r2 >= 0 && !utf16.IsSurrogate(r2) {
					// A lone surrogate then an ordinary character.
					b = utf8.AppendRune(b, utf8.RuneError)
					r = r2
				}
			}
			b = utf8.AppendRune(b, r)
		default:
			p.fail()
			return ""
		}
	}
	p.fail()
	return ""
}

func (p *jsonArray) hex4() (rune, bool) {
	if p.i+4 > len(p.s) {
		return 0, false
	}
	n, err := strconv.ParseUint(p.s[p.i:p.i+4], 16, 32)
	if err != nil {
		return 0, false
	}
	p.i += 4
	return rune(n), true
}
