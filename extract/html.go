package extract

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"unicode/utf8"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	sitrep "github.com/sitrep-news/sitrep"
)

// extractHTML returns the main text and metadata of an HTML page. It tries,
// in order: go-trafilatura on the parsed tree; the text of the tree's
// paragraphs and headings; all visible text read token by token. The last
// step needs no tree, so it copes with pages the parser refuses (nesting
// deeper than golang.org/x/net/html's 512 open elements) in linear time.
func extractHTML(input []byte, opts Options) (sitrep.Document, error) {
	var doc sitrep.Document
	root, perr := html.Parse(bytes.NewReader(input))
	if perr == nil {
		var meta pageMeta
		meta.fromTree(root)
		pruneChrome(root)
		if elems, text := treeSize(root); elems <= maxTrafilaturaElements && text <= maxTrafilaturaText {
			doc = runTrafilatura(root, opts)
		}
		if strings.TrimSpace(doc.Text) == "" {
			doc.Text = treeText(root)
		}
		meta.fill(&doc)
	}
	if strings.TrimSpace(doc.Text) == "" {
		var meta pageMeta
		doc.Text = streamText(input, &meta)
		meta.fill(&doc)
	}
	if strings.TrimSpace(doc.Text) == "" {
		why := "HTML page has no readable text"
		if perr != nil {
			why += fmt.Sprintf(" (and could not be parsed: %v)", perr)
		}
		return sitrep.Document{}, sitrep.Errorf(sitrep.EINVALID, opts.Name, "%s", why)
	}
	if !utf8.ValidString(doc.Text) {
		doc.Text = strings.ToValidUTF8(doc.Text, "\uFFFD")
	}
	return doc, nil
}

// go-trafilatura builds its output by repeated string concatenation and
// walks the tree many times: its cost grows with the square of the text
// (1.5 MB of paragraphs takes tens of seconds). Pages past these bounds,
// far beyond any news article, go straight to the linear fallbacks.
const (
	maxTrafilaturaElements = 30_000
	maxTrafilaturaText     = 256 << 10
)

// treeSize counts the elements of the tree and the bytes of its text
// outside scripts and styles.
func treeSize(root *html.Node) (elems, text int) {
	stack := []*html.Node{root}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		switch n.Type {
		case html.ElementNode:
			elems++
			if skipTags[n.DataAtom] {
				continue
			}
		case html.TextNode:
			text += len(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			stack = append(stack, c)
		}
	}
	return elems, text
}

// runTrafilatura extracts the main content with go-trafilatura. A failure
// or panic inside the library yields an empty Document, and the caller
// falls back to its own extraction.
func runTrafilatura(root *html.Node, opts Options) (doc sitrep.Document) {
	defer func() {
		if r := recover(); r != nil {
			doc = sitrep.Document{}
		}
	}()
	topts := trafilatura.Options{
		ExcludeComments: true,
		// Dates come from the page's metadata only: a date merely
		// mentioned in the text is the analyzer's business (dct_source
		// "text"), not the page's publication date.
		HtmlDateMode: trafilatura.Disabled,
		Config:       trafilaturaConfig,
	}
	if opts.URL != "" {
		if u, err := url.Parse(opts.URL); err == nil && u.Host != "" {
			topts.OriginalURL = u
		}
	}
	res, err := trafilatura.ExtractDocument(root, topts)
	if err != nil || res == nil {
		return sitrep.Document{}
	}
	m := res.Metadata
	doc = sitrep.Document{
		Title: cleanLine(m.Title),
		URL:   m.URL,
		Site:  cleanLine(m.Sitename),
	}
	if !m.Date.IsZero() {
		doc.Published = m.Date.Format("2006-01-02")
	}
	if res.ContentNode != nil {
		var w textWriter
		w.node(res.ContentNode, false)
		doc.Text = w.String()
	}
	return doc
}

// trafilaturaConfig turns off trafilatura's "baseline" rescue for short
// pages, which glues paragraphs together and repeats them; treeText does
// that job better.
var trafilaturaConfig = func() *trafilatura.Config {
	c := trafilatura.DefaultConfig()
	c.MinExtractedSize = 0
	return c
}()

// Chrome that trafilatura's own rules miss: paywall and subscription
// prompts, ad slots, consent walls. Only these containers are pruned, never
// <article>, <main> or <body>.
var chromeContainers = map[atom.Atom]bool{
	atom.Div: true, atom.Aside: true, atom.Section: true, atom.P: true, atom.Span: true,
	atom.Form: true, atom.Dialog: true, atom.Figure: true, atom.Ins: true,
}

var (
	chromeClass = []string{"paywall", "regwall", "subscribe-", "-subscribe", "subscription-", "piano-",
		"tp-modal", "advert", "ad-slot", "ad-container", "adslot", "sponsored", "gdpr", "login-wall",
		"signin-prompt", "promo-box", "newsletter-signup"}
	chromeID = []string{"paywall", "subscribe", "advert", "gdpr"}
)

// isChrome reports a container whose class or id marks it as site chrome.
func isChrome(n *html.Node) bool {
	if n.Type != html.ElementNode || !chromeContainers[n.DataAtom] {
		return false
	}
	for _, a := range n.Attr {
		switch a.Key {
		case "class":
			v := strings.ToLower(a.Val)
			for _, f := range chromeClass {
				if strings.Contains(v, f) {
					return true
				}
			}
			for _, w := range strings.Fields(v) {
				if w == "ad" || w == "ads" {
					return true
				}
			}
		case "id":
			v := strings.ToLower(a.Val)
			if strings.HasPrefix(v, "ad-") {
				return true
			}
			for _, f := range chromeID {
				if strings.Contains(v, f) {
					return true
				}
			}
		}
	}
	return false
}

// pruneChrome removes the containers isChrome reports.
func pruneChrome(root *html.Node) {
	stack := []*html.Node{root}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for c := n.FirstChild; c != nil; {
			next := c.NextSibling
			if isChrome(c) {
				n.RemoveChild(c)
			} else if c.Type == html.ElementNode {
				stack = append(stack, c)
			}
			c = next
		}
	}
}

// textWriter accumulates readable text: runs of white space collapse to one
// space, block elements are separated by a blank line, <br> by a newline.
type textWriter struct {
	b     strings.Builder
	space bool // a space is pending
	brk   int  // a break is pending: 1 newline, 2 blank line
	pre   int  // inside <pre>
}

func (w *textWriter) String() string { return w.b.String() }

func (w *textWriter) block() { w.brk = 2 }

func (w *textWriter) line() {
	if w.brk < 1 {
		w.brk = 1
	}
}

func (w *textWriter) text(s string) {
	for len(s) > 0 {
		r, n := utf8.DecodeRuneInString(s)
		s = s[n:]
		if w.pre == 0 && (r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\u00a0') {
			w.space = true
			continue
		}
		if w.pre > 0 && r == '\n' {
			w.line()
			continue
		}
		if r == '\r' || (r < 0x20 && r != '\t') || r == 0x7f {
			continue // control characters never reach the scanner
		}
		if w.b.Len() > 0 {
			switch {
			case w.brk == 2:
				w.b.WriteString("\n\n")
			case w.brk == 1:
				w.b.WriteByte('\n')
			case w.space:
				w.b.WriteByte(' ')
			}
		}
		w.brk, w.space = 0, false
		w.b.WriteRune(r)
	}
}

// skipTags hold no article text, in any mode.
var skipTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Svg: true, atom.Math: true, atom.Iframe: true, atom.Object: true, atom.Embed: true,
	atom.Head: true, atom.Title: true, atom.Select: true, atom.Textarea: true, atom.Button: true,
	atom.Canvas: true, atom.Audio: true, atom.Video: true, atom.Map: true,
}

// chromeTags hold site furniture; the fallbacks skip them.
var chromeTags = map[atom.Atom]bool{
	atom.Nav: true, atom.Aside: true, atom.Footer: true, atom.Header: true,
	atom.Menu: true, atom.Dialog: true,
	// Not <form>: ASP.NET pages wrap the whole page in one.
}

// blockTags start a new paragraph in the output.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Li: true, atom.Ul: true, atom.Ol: true, atom.Dl: true,
	atom.Dt: true, atom.Dd: true, atom.Blockquote: true, atom.Pre: true, atom.Table: true,
	atom.Tr: true, atom.Article: true, atom.Section: true, atom.Main: true, atom.Figure: true,
	atom.Figcaption: true, atom.Header: true, atom.Footer: true, atom.Hr: true, atom.Address: true,
	atom.Caption: true, atom.Details: true, atom.Summary: true, atom.Body: true, atom.Html: true,
	atom.Nav: true, atom.Aside: true, atom.Form: true, atom.Fieldset: true, atom.Legend: true,
	atom.Center: true, atom.Tbody: true, atom.Thead: true, atom.Tfoot: true,
}

// textTags hold the paragraphs the first fallback keeps.
var textTags = map[atom.Atom]bool{
	atom.P: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true,
	atom.H6: true, atom.Li: true, atom.Blockquote: true, atom.Pre: true, atom.Dd: true,
	atom.Figcaption: true,
}

// node writes the text under n. With noChrome, navigation, headers,
// footers and forms are skipped too.
func (w *textWriter) node(n *html.Node, noChrome bool) {
	// An explicit stack instead of recursion: the tree may be 512 deep and
	// trafilatura's output can be deeper still after its rewrites.
	type frame struct {
		n    *html.Node
		exit bool
	}
	stack := []frame{{n: n}}
	for len(stack) > 0 {
		f := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		n := f.n
		if f.exit {
			w.closeElem(elemAtom(n))
			continue
		}
		switch n.Type {
		case html.TextNode:
			w.text(n.Data)
			continue
		case html.ElementNode:
			a := elemAtom(n)
			if skipTags[a] || (noChrome && chromeTags[a]) || hidden(n) {
				continue
			}
			w.openElem(a)
			stack = append(stack, frame{n: n, exit: true})
		case html.DocumentNode:
		default:
			continue
		}
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, frame{n: c})
		}
	}
}

func (w *textWriter) openElem(a atom.Atom) {
	switch {
	case a == atom.Br:
		w.line()
	case a == atom.Td || a == atom.Th:
		w.space = true
	case blockTags[a]:
		w.block()
	}
	if a == atom.Pre {
		w.pre++
	}
}

func (w *textWriter) closeElem(a atom.Atom) {
	if a == atom.Pre && w.pre > 0 {
		w.pre--
	}
	if blockTags[a] {
		w.block()
	} else if a == atom.Td || a == atom.Th {
		w.space = true
	}
}

// elemAtom is the element's atom. Nodes created by trafilatura carry only
// their tag name in Data.
func elemAtom(n *html.Node) atom.Atom {
	if n.DataAtom != 0 {
		return n.DataAtom
	}
	if n.Data == "lb" { // trafilatura's line break
		return atom.Br
	}
	return atom.Lookup([]byte(n.Data))
}

func hidden(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			if a.Val == "true" {
				return true
			}
		case "style":
			v := strings.ReplaceAll(strings.ToLower(a.Val), " ", "")
			if strings.Contains(v, "display:none") || strings.Contains(v, "visibility:hidden") {
				return true
			}
		}
	}
	return false
}

// treeText is the first fallback: the text of the page's paragraphs,
// headings and list items, outside navigation and other chrome; if there
// are none, all visible text of the body.
func treeText(root *html.Node) string {
	var w textWriter
	// Collect text blocks iteratively to stay safe on deep trees.
	type item struct{ n *html.Node }
	stack := []item{{root}}
	for len(stack) > 0 {
		n := stack[len(stack)-1].n
		stack = stack[:len(stack)-1]
		if n.Type == html.ElementNode {
			if skipTags[n.DataAtom] || chromeTags[n.DataAtom] || hidden(n) {
				continue
			}
			if textTags[n.DataAtom] {
				w.block()
				w.node(n, true)
				w.block()
				continue
			}
		}
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, item{c})
		}
	}
	if strings.TrimSpace(w.String()) != "" {
		return w.String()
	}
	var all textWriter
	all.node(root, true)
	if strings.TrimSpace(all.String()) != "" {
		return all.String()
	}
	var any textWriter
	any.node(root, false)
	return any.String()
}

// streamText is the last fallback: all visible text, read token by token
// without building a tree, so any nesting depth costs linear time. It also
// picks up the page's metadata.
func streamText(input []byte, meta *pageMeta) string {
	var w textWriter
	z := html.NewTokenizer(bytes.NewReader(input))
	z.SetMaxBuf(0)
	skip := map[atom.Atom]int{} // open skipped elements by name
	skipping := 0
	inTitle := false
	var title strings.Builder
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			if meta.title == "" {
				meta.title = cleanLine(title.String())
			}
			return w.String()
		case html.TextToken:
			if inTitle {
				title.Write(z.Text())
				continue
			}
			if skipping == 0 {
				w.text(string(z.Text()))
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			a := tok.DataAtom
			if a == atom.Meta || a == atom.Link || a == atom.Time {
				meta.fromAttrs(a, tok.Attr)
			}
			if a == atom.Title && tt == html.StartTagToken {
				inTitle = true
				continue
			}
			if (skipTags[a] || chromeTags[a]) && tt == html.StartTagToken {
				skip[a]++
				skipping++
				continue
			}
			if skipping == 0 {
				w.openElem(a)
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if a == atom.Title {
				inTitle = false
				continue
			}
			if skip[a] > 0 {
				skip[a]--
				skipping--
				continue
			}
			if skipping == 0 {
				w.closeElem(a)
			}
		}
	}
}

// pageMeta is the metadata read from <title>, <meta> and <link> by the
// fallbacks (and to fill what trafilatura leaves empty).
type pageMeta struct {
	title, ogTitle, site, url, date string
}

func (m *pageMeta) fill(doc *sitrep.Document) {
	// trafilatura sometimes takes the site-name half of "Site - Headline".
	if doc.Title != "" && strings.EqualFold(doc.Title, doc.Site) {
		doc.Title = ""
	}
	if doc.Title == "" {
		doc.Title = m.ogTitle
		if doc.Title == "" {
			doc.Title = m.title
		}
	}
	if doc.Site == "" {
		doc.Site = m.site
	}
	doc.Title = trimSiteSuffix(doc.Title, doc.Site)
	if doc.URL == "" {
		doc.URL = m.url
	}
	if doc.Published == "" {
		doc.Published = m.date
	}
}

func (m *pageMeta) fromTree(root *html.Node) {
	stack := []*html.Node{root}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Meta, atom.Link, atom.Time:
				m.fromAttrs(n.DataAtom, n.Attr)
			case atom.Title:
				if m.title == "" && n.FirstChild != nil && n.FirstChild.Type == html.TextNode {
					m.title = cleanLine(n.FirstChild.Data)
				}
			case atom.Script:
				if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") && n.FirstChild != nil {
					m.fromJSONLD(n.FirstChild.Data)
				}
				continue
			case atom.Style, atom.Svg:
				continue
			}
		}
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, c)
		}
	}
}

var (
	ldDate     = regexp.MustCompile(`"datePublished"\s*:\s*"([^"]{8,40})"`)
	ldHeadline = regexp.MustCompile(`"headline"\s*:\s*"((?:[^"\\]|\\.){1,300})"`)
)

// fromJSONLD reads the publication date and headline of a schema.org
// JSON-LD block, whatever its nesting (@graph, arrays).
func (m *pageMeta) fromJSONLD(js string) {
	if sm := ldDate.FindStringSubmatch(js); sm != nil && m.date == "" {
		if d, ok := ParseDate(sm[1]); ok {
			m.date = d
		}
	}
	if sm := ldHeadline.FindStringSubmatch(js); sm != nil && m.ogTitle == "" {
		var h string
		if json.Unmarshal([]byte(`"`+sm[1]+`"`), &h) == nil {
			m.ogTitle = cleanLine(h)
		}
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func (m *pageMeta) fromAttrs(a atom.Atom, attrs []html.Attribute) {
	get := func(key string) string {
		for _, at := range attrs {
			if at.Key == key {
				return at.Val
			}
		}
		return ""
	}
	switch a {
	case atom.Meta:
		key := strings.ToLower(get("property"))
		if key == "" {
			key = strings.ToLower(get("name"))
		}
		if key == "" {
			key = strings.ToLower(get("itemprop"))
		}
		val := cleanLine(get("content"))
		if val == "" {
			return
		}
		switch key {
		case "og:title", "twitter:title":
			if m.ogTitle == "" {
				m.ogTitle = val
			}
		case "og:site_name", "application-name":
			if m.site == "" {
				m.site = val
			}
		case "og:url":
			if m.url == "" {
				m.url = val
			}
		case "article:published_time", "datepublished", "date", "pubdate", "publishdate",
			"dc.date", "dc.date.issued", "dcterms.date", "sailthru.date", "parsely-pub-date", "og:published_time":
			if m.date == "" {
				if d, ok := ParseDate(val); ok {
					m.date = d
				}
			}
		}
	case atom.Link:
		if strings.EqualFold(get("rel"), "canonical") && m.url == "" {
			m.url = get("href")
		}
	case atom.Time:
		if m.date == "" {
			if d, ok := ParseDate(get("datetime")); ok {
				m.date = d
			}
		}
	}
}

// cleanLine collapses white space and trims s.
func cleanLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
