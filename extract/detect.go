package extract

import (
	"bytes"
	"encoding/json"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	sitrep "github.com/sitrep-news/sitrep"
)

// sniffLen bounds how much of the input format detection looks at.
const sniffLen = 64 << 10

// Detect returns the format of input: sitrep.FormatHTML, FormatMarkdown or
// FormatText. It is conservative: input is HTML when it starts like an HTML
// document or fragment or holds several HTML tags, Markdown when it has clear
// Markdown structure (an ATX heading, a bold line, links, fenced code, list
// items), plain text otherwise. Reuters-style tickers such as "<SRD>" are not
// tags.
//
// Containers of many documents (feeds, WARC archives, JSONL batches) are
// not formats of one document: Extract rejects them when detecting.
func Detect(input []byte) string {
	all := bytes.TrimPrefix(input, utf8BOM)
	head := all[:min(len(all), sniffLen)]
	if looksHTML(head, all) {
		return sitrep.FormatHTML
	}
	if looksMarkdown(head) {
		return sitrep.FormatMarkdown
	}
	return sitrep.FormatText
}

// htmlTags are the element names whose presence marks text as HTML. Only
// names in lower or mixed case count, so upper-case tickers like <AP> stay text.
var htmlTags = map[string]bool{
	"html": true, "head": true, "body": true, "title": true, "meta": true, "link": true,
	"script": true, "style": true, "div": true, "span": true, "p": true, "br": true,
	"a": true, "b": true, "i": true, "em": true, "strong": true, "img": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"ul": true, "ol": true, "li": true, "table": true, "tr": true, "td": true, "th": true,
	"article": true, "section": true, "header": true, "footer": true, "nav": true,
	"aside": true, "main": true, "figure": true, "figcaption": true, "blockquote": true,
	"pre": true, "code": true, "time": true, "form": true, "input": true, "button": true,
	"iframe": true, "noscript": true, "hr": true, "dl": true, "dt": true, "dd": true,
}

// blockStarts are tags that, opening a document and closed later in it,
// make it an HTML fragment.
var blockStarts = []string{"p", "div", "article", "section", "h1", "h2", "h3", "ul", "ol",
	"table", "blockquote", "figure", "main", "body", "head", "meta", "title", "span", "a", "b", "strong", "em"}

func looksHTML(b, all []byte) bool {
	t := bytes.TrimLeft(b, " \t\r\n\f")
	low := bytes.ToLower(t[:min(len(t), 512)])
	if bytes.HasPrefix(low, []byte("<!doctype html")) || bytes.HasPrefix(low, []byte("<html")) {
		return true
	}
	if bytes.HasPrefix(low, []byte("<?xml")) || bytes.HasPrefix(low, []byte("<!--")) {
		if bytes.Contains(bytes.ToLower(t[:min(len(t), 4096)]), []byte("<html")) {
			return true
		}
	}
	for _, name := range blockStarts {
		// "<meta" must not match "<Metal Traders Ltd>", a Reuters-style
		// company name: the name ends at a delimiter, and the element is
		// closed somewhere (meta and title aside, which head a page).
		if n := len(name) + 1; len(low) > n && low[0] == '<' && string(low[1:n]) == name && isTagEnd(low[n]) {
			if name == "meta" || name == "title" || containsFold(all, "</"+name+">") {
				return true
			}
		}
	}
	// Count known tags; require a few and at least one closing tag or <br>,
	// so prose mentioning "<b>" once stays text.
	n, closing := 0, false
	for i := 0; i < len(t); i++ {
		if t[i] != '<' {
			continue
		}
		j := i + 1
		end := false
		if j < len(t) && t[j] == '/' {
			end = true
			j++
		}
		k := j
		for k < len(t) && k-j < 12 && (isASCIILetter(t[k]) || (k > j && t[k] >= '0' && t[k] <= '9')) {
			k++
		}
		if k == j || k >= len(t) || !isTagEnd(t[k]) {
			continue
		}
		name := t[j:k]
		if isAllUpper(name) && len(name) > 1 {
			continue
		}
		if !htmlTags[string(bytes.ToLower(name))] {
			continue
		}
		n++
		if end || strings.EqualFold(string(name), "br") {
			closing = true
		}
		if n >= 4 && closing {
			return true
		}
	}
	return false
}

func isTagEnd(c byte) bool {
	switch c {
	case '>', ' ', '/', '\n', '\t', '\r':
		return true
	}
	return false
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

func isAllUpper(b []byte) bool {
	for _, c := range b {
		if c >= 'a' && c <= 'z' {
			return false
		}
	}
	return true
}

// looksMarkdown scores Markdown signals line by line; two points make
// Markdown. An ATX heading, a whole bold line, a link, or a code fence is
// worth two; a list item or inline bold is worth one.
func looksMarkdown(b []byte) bool {
	score := 0
	for line := range bytes.Lines(b) {
		line = bytes.TrimRight(line, " \t\r\n")
		s := bytes.TrimLeft(line, " ")
		if len(line)-len(s) > 3 || len(s) == 0 {
			continue
		}
		switch {
		case atxLevel(s) > 0:
			score += 2
		case bytes.HasPrefix(s, []byte("```")) || bytes.HasPrefix(s, []byte("~~~")):
			score += 2
		case isBoldLine(s):
			score += 2
		case len(s) > 2 && (s[0] == '*' || s[0] == '-' || s[0] == '+') && s[1] == ' ' && s[2] != ' ':
			score++
		case bytes.Contains(s, []byte("**")) && bytes.Count(s, []byte("**"))%2 == 0:
			score++
		}
		if hasMarkdownLink(s) {
			score += 2
		}
		if score >= 2 {
			return true
		}
	}
	return false
}

// atxLevel returns the level of an ATX heading line ("## Title"), or 0.
func atxLevel(s []byte) int {
	n := 0
	for n < len(s) && s[n] == '#' {
		n++
	}
	if n == 0 || n > 6 || n >= len(s) || s[n] != ' ' {
		return 0
	}
	if len(bytes.TrimSpace(bytes.Trim(s[n:], "#"))) == 0 {
		return 0
	}
	return n
}

// isBoldLine reports a line that is one bold run: "**Why It Matters**".
func isBoldLine(s []byte) bool {
	if len(s) < 5 || !bytes.HasPrefix(s, []byte("**")) || !bytes.HasSuffix(s, []byte("**")) {
		return false
	}
	inner := s[2 : len(s)-2]
	return len(bytes.TrimSpace(inner)) > 0 && !bytes.Contains(inner, []byte("**")) && inner[0] != ' '
}

func hasMarkdownLink(s []byte) bool {
	for {
		i := bytes.Index(s, []byte("]("))
		if i < 0 {
			return false
		}
		open := bytes.LastIndexByte(s[:i], '[')
		rest := s[i+2:]
		if open >= 0 && open < i-1 {
			if bytes.HasPrefix(rest, []byte("http://")) || bytes.HasPrefix(rest, []byte("https://")) ||
				bytes.HasPrefix(rest, []byte("/")) || bytes.HasPrefix(rest, []byte("#")) || bytes.HasPrefix(rest, []byte("mailto:")) {
				if j := bytes.IndexByte(rest, ')'); j > 0 && bytes.IndexByte(rest[:j], ' ') < 0 {
					return true
				}
			}
		}
		s = rest
	}
}

// markdownTitle returns the text of the first level-one ATX heading ("# …")
// or setext heading ("…\n===").
func markdownTitle(text string) string {
	prev := ""
	for line := range strings.Lines(text) {
		line = strings.TrimRight(line, " \t\r\n")
		s := strings.TrimLeft(line, " ")
		if len(line)-len(s) <= 3 {
			if atxLevel([]byte(s)) == 1 {
				return strings.TrimSpace(strings.TrimRight(s[2:], "# "))
			}
			if len(s) >= 3 && strings.Trim(s, "=") == "" && strings.TrimSpace(prev) != "" {
				return strings.TrimSpace(prev)
			}
		}
		prev = line
	}
	return ""
}

// textTitle returns the first line of plain text when it reads as a
// headline: short, standing alone (followed by a blank line), starting with
// an upper-case letter, a digit or a quote, and not ending like a sentence
// or a hard-wrapped line.
func textTitle(text string) string {
	text = strings.TrimLeft(text, " \t\r\n")
	nl := strings.IndexByte(text, '\n')
	if nl < 0 {
		return ""
	}
	line := strings.TrimSpace(text[:nl])
	rest := text[nl+1:]
	next, _, _ := strings.Cut(rest, "\n")
	if strings.TrimSpace(next) != "" || strings.TrimSpace(rest) == "" {
		return ""
	}
	if line == "" || len(line) > 200 || len(strings.Fields(line)) > 25 {
		return ""
	}
	switch line[len(line)-1] {
	case '.', ',', ';', ':', '-':
		return ""
	}
	r, _ := utf8.DecodeRuneInString(line)
	if !unicode.IsUpper(r) && !unicode.IsDigit(r) && !strings.ContainsRune("\"'“‘", r) {
		return ""
	}
	return line
}

// hostOf returns the host name of a URL without a "www." prefix, or "".
func hostOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return ""
	}
	return strings.TrimPrefix(u.Hostname(), "www.")
}

// trimSiteSuffix drops the site name that page titles often carry:
// "Port Expansion Approved | The Coastal Ledger" -> "Port Expansion Approved".
func trimSiteSuffix(title, site string) string {
	if site == "" || len(title) <= len(site) {
		return title
	}
	for _, sep := range []string{" | ", " - ", " – ", " — ", " :: ", " · "} {
		if t, ok := strings.CutSuffix(title, sep+site); ok && strings.TrimSpace(t) != "" {
			return strings.TrimSpace(t)
		}
		if t, ok := strings.CutPrefix(title, site+sep); ok && strings.TrimSpace(t) != "" {
			return strings.TrimSpace(t)
		}
	}
	return title
}

// IsFeed reports XML content whose root element is an RSS or Atom feed:
// <rss>, <feed> or <rdf:RDF>, after any XML declaration, comments,
// processing instructions and doctype.
func IsFeed(data []byte) bool {
	t := bytes.TrimPrefix(data, utf8BOM)
	if len(t) > 64<<10 {
		t = t[:64<<10]
	}
	for {
		t = bytes.TrimLeft(t, " \t\r\n")
		switch {
		case bytes.HasPrefix(t, []byte("<?")):
			i := bytes.Index(t, []byte("?>"))
			if i < 0 {
				return false
			}
			t = t[i+2:]
		case bytes.HasPrefix(t, []byte("<!--")):
			i := bytes.Index(t, []byte("-->"))
			if i < 0 {
				return false
			}
			t = t[i+3:]
		case bytes.HasPrefix(t, []byte("<!")):
			i := bytes.IndexByte(t, '>')
			if i < 0 {
				return false
			}
			t = t[i+1:]
		default:
			for _, root := range []string{"<rss", "<feed", "<rdf:RDF", "<RDF"} {
				if bytes.HasPrefix(t, []byte(root)) && len(t) > len(root) {
					switch t[len(root)] {
					case ' ', '>', '\t', '\r', '\n':
						return true
					}
				}
			}
			return false
		}
	}
}

// container names the kind of multi-document file input is, or "".
func container(input []byte) string {
	switch {
	case IsFeed(input):
		return "an RSS/Atom feed"
	case bytes.HasPrefix(input, []byte("WARC/1.")) || bytes.HasPrefix(input, []byte("WARC/0.")):
		return "a WARC archive"
	}
	t := bytes.TrimLeft(input, " \t\r\n")
	if len(t) > 0 && t[0] == '{' {
		line, _, _ := bytes.Cut(t, []byte("\n"))
		if json.Valid(line) {
			return "a JSONL batch"
		}
	}
	return ""
}

// containsFold reports whether b contains the lower-case ASCII string s in
// any case.
func containsFold(b []byte, s string) bool {
	up := strings.ToUpper(s)
	for i := 0; i+len(s) <= len(b); {
		j := bytes.IndexByte(b[i:], '<')
		if j < 0 {
			return false
		}
		i += j
		if i+len(s) <= len(b) {
			w := b[i : i+len(s)]
			ok := true
			for k := range w {
				if w[k] != s[k] && w[k] != up[k] {
					ok = false
					break
				}
			}
			if ok {
				return true
			}
		}
		i++
	}
	return false
}
