package acquire

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/extract"
)

// jsonlLine is one line of a batch (CONTRACT.md): "text" or "html", the
// rest optional.
type jsonlLine struct {
	ID    json.RawMessage `json:"id"`
	Text  *string         `json:"text"`
	HTML  *string         `json:"html"`
	Date  *string         `json:"date"`
	Title string          `json:"title"`
	URL   string          `json:"url"`
}

// ReadJSONL streams a JSONL batch: one JSON object a line,
// {"id", "text", "date", "html"} with "text" or "html" ("title" and "url"
// are read too). Each line becomes an Input named "NAME:LINE" with its ID,
// Bytes (the text, or the HTML with Format sitrep.FormatHTML; "text" wins
// when a line has both), Date (YYYY-MM-DD; an RFC 3339 timestamp is cut to
// its date), Title and URL. Blank lines are skipped.
//
// A bad line yields its error in its place, with Name and, when the line
// parsed far enough, ID set, and reading goes on: malformed JSON, a line
// with neither "text" nor "html", a bad "date", a line longer than the
// limit (ETOOLARGE; the limit is twice maxBytes, room for JSON escapes;
// maxBytes 0 means extract.DefaultMaxBytes, negative no limit). Only a read
// error of r ends the stream early. Memory holds one line at a time.
func ReadJSONL(r io.Reader, name string, maxBytes int) iter.Seq2[Input, error] {
	return func(yield func(Input, error) bool) {
		for l, err := range ReadJSONLLines(r, name, maxBytes) {
			if err == nil {
				l.in, err = l.Parse()
			}
			if !yield(l.in, err) {
				return
			}
		}
	}
}

// JSONLLine is one line of a batch as read, before its JSON is decoded:
// ReadJSONLLines hands these out so that a caller may decode them on
// several goroutines, in any order, with Parse.
type JSONLLine struct {
	Name  string // "NAME:LINE"
	bytes []byte // the line, owned by this JSONLLine
	in    Input  // what an error yielded with the line carries
}

// Parse decodes the line as ReadJSONL does, with the same errors.
func (l JSONLLine) Parse() (Input, error) { return parseJSONLLine(l.bytes, l.Name) }

// ReadJSONLLines streams a JSONL batch as ReadJSONL does, but yields each
// line undecoded (JSONLLine.Parse decodes it), with a copy of its bytes.
// Read errors and lines over the limit are yielded as ReadJSONL yields
// them, with no line to parse.
func ReadJSONLLines(r io.Reader, name string, maxBytes int) iter.Seq2[JSONLLine, error] {
	if maxBytes == 0 {
		maxBytes = extract.DefaultMaxBytes
	}
	limit := -1
	if maxBytes > 0 {
		limit = 2 * maxBytes
	}
	return func(yield func(JSONLLine, error) bool) {
		br, ok := r.(*bufio.Reader)
		if !ok || br.Size() < 64<<10 {
			br = bufio.NewReaderSize(r, 64<<10)
		}
		var buf []byte
		for n := 1; ; n++ {
			line, long, err := readLine(br, limit, buf[:0])
			buf = line
			lname := name + ":" + strconv.Itoa(n)
			if err != nil && !errors.Is(err, io.EOF) {
				yield(JSONLLine{Name: lname, in: Input{Name: lname}}, &sitrep.Error{Code: sitrep.EINVALID, Input: lname,
					Message: fmt.Sprintf("cannot read: %v", err), Err: err})
				return
			}
			if long {
				e := sitrep.Errorf(sitrep.ETOOLARGE, lname,
					"line is longer than the limit of %d bytes (twice the document size limit); raise the limit with --max-bytes", limit)
				if !yield(JSONLLine{Name: lname, in: Input{Name: lname, ID: idPrefix(line)}}, e) {
					return
				}
			} else if len(bytes.TrimSpace(line)) > 0 {
				if !yield(JSONLLine{Name: lname, bytes: bytes.Clone(line)}, nil) {
					return
				}
			}
			if err != nil { // io.EOF
				return
			}
		}
	}
}

// Input is what an error yielded by ReadJSONLLines carries of its line:
// its Name and, where the line's start showed one, its ID.
func (l JSONLLine) Input() Input { return l.in }

// readLine reads one line into buf without its newline. Past limit bytes
// (limit >= 0) it keeps only the first 4 KiB, discards the rest of the line
// and reports long.
func readLine(br *bufio.Reader, limit int, buf []byte) (line []byte, long bool, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		if !long {
			buf = append(buf, chunk...)
			if limit >= 0 && len(buf) > limit+1 {
				long = true
				buf = buf[:min(len(buf), 4096)]
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		buf = bytes.TrimSuffix(buf, []byte("\n"))
		buf = bytes.TrimSuffix(buf, []byte("\r"))
		if !long && limit >= 0 && len(buf) > limit {
			long = true
		}
		if err == io.EOF && len(buf) == 0 && !long {
			return buf, false, io.EOF
		}
		return buf, long, err
	}
}

var idRE = regexp.MustCompile(`"id"\s*:\s*"((?:[^"\\]|\\.){0,200})"`)

// idPrefix finds the id of a line too long to parse, from its start.
func idPrefix(line []byte) string {
	if m := idRE.FindSubmatch(line); m != nil {
		var s string
		if json.Unmarshal(append(append([]byte{'"'}, m[1]...), '"'), &s) == nil {
			return s
		}
	}
	return ""
}

func parseJSONLLine(line []byte, name string) (Input, error) {
	in := Input{Name: name}
	var l jsonlLine
	if t := bytes.TrimSpace(line); t[0] != '{' {
		return in, sitrep.Errorf(sitrep.EINVALID, name, "malformed JSON: a line must be a JSON object, not %q", truncate(string(t), 40))
	}
	if err := json.Unmarshal(line, &l); err != nil {
		in.ID = idPrefix(line)
		return in, &sitrep.Error{Code: sitrep.EINVALID, Input: name, Message: "malformed JSON: " + jsonProblem(err, line), Err: err}
	}
	id, err := jsonID(l.ID)
	if err != nil {
		return in, sitrep.Errorf(sitrep.EINVALID, name, "%v", err)
	}
	in.ID = id
	in.Title = strings.TrimSpace(l.Title)
	in.URL = strings.TrimSpace(l.URL)
	switch {
	case l.Text != nil && *l.Text != "":
		in.Bytes = []byte(*l.Text)
	case l.HTML != nil && *l.HTML != "":
		in.Bytes = []byte(*l.HTML)
		in.Format = sitrep.FormatHTML
	case l.Text != nil || l.HTML != nil:
		return in, sitrep.Errorf(sitrep.EINVALID, name, `empty "text"`)
	default:
		return in, sitrep.Errorf(sitrep.EINVALID, name, `line has neither "text" nor "html"`)
	}
	if l.Date != nil && *l.Date != "" {
		d, ok := batchDate(*l.Date)
		if !ok {
			return Input{Name: name, ID: in.ID}, sitrep.Errorf(sitrep.EINVALID, name, `bad "date" %q: want YYYY-MM-DD`, *l.Date)
		}
		in.Date = d
	}
	return in, nil
}

// jsonID reads an id that is a string or a number.
func jsonID(raw json.RawMessage) (string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return "", nil
	}
	switch raw[0] {
	case '"':
		var s string
		err := json.Unmarshal(raw, &s)
		return s, err
	case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return string(raw), nil
	}
	return "", fmt.Errorf(`"id" must be a string or a number, not %s`, truncate(string(raw), 40))
}

// batchDate accepts YYYY-MM-DD, or an RFC 3339 timestamp cut to its date.
func batchDate(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if len(s) > 10 {
		if _, err := time.Parse(time.RFC3339, s); err != nil {
			return "", false
		}
		s = s[:10]
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return "", false
	}
	return t.Format("2006-01-02"), true
}

// jsonProblem words a JSON decoding error for a user: where, and what.
func jsonProblem(err error, line []byte) string {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return fmt.Sprintf("%v at byte %d", se, se.Offset)
	case errors.As(err, &te):
		return fmt.Sprintf("field %q must be a %s, not a %s", te.Field, te.Type, te.Value)
	}
	return err.Error()
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}
