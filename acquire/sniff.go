package acquire

import (
	"bytes"
	"compress/gzip"
	"io"
)

// sniffLen is how much of a stream is looked at to tell what it holds.
const sniffLen = 4096

var bom = []byte("\xef\xbb\xbf")

// isJSONL reports content that starts like a JSONL batch: a JSON object.
func isJSONL(head []byte) bool {
	t := bytes.TrimLeft(bytes.TrimPrefix(head, bom), " \t\r\n")
	return len(t) > 0 && t[0] == '{'
}

// isWARC reports content that starts like a WARC file, plain or gzipped
// record by record (.warc.gz).
func isWARC(head []byte) bool {
	if bytes.HasPrefix(head, []byte("WARC/")) {
		return true
	}
	if !bytes.HasPrefix(head, []byte("\x1f\x8b")) {
		return false
	}
	zr, err := gzip.NewReader(bytes.NewReader(head))
	if err != nil {
		return false
	}
	var b [5]byte
	n, _ := io.ReadFull(zr, b[:])
	return string(b[:n]) == "WARC/"
}

// isFeed reports XML content whose root element is an RSS or Atom feed:
// <rss>, <feed> or <rdf:RDF>, after any XML declaration, comments,
// processing instructions and doctype.
func isFeed(data []byte) bool {
	t := bytes.TrimPrefix(data, bom)
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
