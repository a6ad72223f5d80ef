package acquire

import (
	"bytes"
	"compress/gzip"
	"io"

	"github.com/sitrep-news/sitrep/extract"
)

// sniffLen is how much of a stream is looked at to tell what it holds.
const sniffLen = 4096

var bom = []byte("\xef\xbb\xbf")

// isFeed reports an RSS/Atom/RDF feed (see extract.IsFeed).
func isFeed(data []byte) bool { return extract.IsFeed(data) }

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
