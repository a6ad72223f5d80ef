package extract

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	sitrep "github.com/sitrep-news/sitrep"
)

var utf8BOM = []byte("\xef\xbb\xbf")

// magic lists the signatures of common non-text files, checked at offset 0,
// so that the user is told what the file is rather than "invalid UTF-8".
var magic = []struct {
	prefix string
	name   string
}{
	{"%PDF-", "PDF"},
	{"PK\x03\x04", "ZIP archive (or DOCX/ODT/EPUB)"},
	{"PK\x05\x06", "ZIP archive"},
	{"\x89PNG\r\n\x1a\n", "PNG image"},
	{"\xff\xd8\xff", "JPEG image"},
	{"GIF87a", "GIF image"},
	{"GIF89a", "GIF image"},
	{"\x1f\x8b", "gzip"},
	{"BZh", ""}, // bzip2 only if followed by a digit; checked below
	{"\xfd7zXZ\x00", "xz"},
	{"\x28\xb5\x2f\xfd", "zstd"},
	{"7z\xbc\xaf\x27\x1c", "7-Zip archive"},
	{"Rar!\x1a\x07", "RAR archive"},
	{"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Microsoft Office document"},
	{"\x7fELF", "ELF executable"},
	{"\xca\xfe\xba\xbe", "Mach-O or Java class file"},
	{"\xcf\xfa\xed\xfe", "Mach-O executable"},
	{"SQLite format 3\x00", "SQLite database"},
	{"\x00asm", "WebAssembly"},
	{"OggS", "Ogg media"},
	{"fLaC", "FLAC audio"},
	{"ID3", "MP3 audio"},
	{"\x1aE\xdf\xa3", "Matroska/WebM video"},
	{"{\\rtf", "RTF document"},
	{"\xff\xfe", "UTF-16 text (convert it to UTF-8)"},
	{"\xfe\xff", "UTF-16 text (convert it to UTF-8)"},
}

// sniffBinary names the kind of binary file data is, or returns "".
func sniffBinary(data []byte) string {
	for _, m := range magic {
		if !bytes.HasPrefix(data, []byte(m.prefix)) {
			continue
		}
		if m.name == "" { // bzip2: "BZh" then a block size digit 1-9
			if len(data) > 3 && data[3] >= '1' && data[3] <= '9' && len(data) > 4 && data[4] == '1' {
				return "bzip2"
			}
			continue
		}
		return m.name
	}
	if len(data) >= 12 && string(data[:4]) == "RIFF" {
		switch string(data[8:12]) {
		case "WEBP":
			return "WebP image"
		case "WAVE":
			return "WAV audio"
		case "AVI ":
			return "AVI video"
		}
	}
	if len(data) >= 12 && string(data[4:8]) == "ftyp" {
		return "MP4/QuickTime media"
	}
	return ""
}

// Validate reports whether input is acceptable as a text document: no more
// than maxBytes long (maxBytes < 0: no limit), not a known binary format,
// no NUL bytes, valid UTF-8, few control characters, not empty or blank.
// The error is a *sitrep.Error naming input as name.
func Validate(input []byte, name string, maxBytes int) error {
	if maxBytes >= 0 && len(input) > maxBytes {
		return TooLarge(name, int64(len(input)), maxBytes)
	}
	if len(input) == 0 {
		return sitrep.Errorf(sitrep.EINVALID, name, "empty input")
	}
	if kind := sniffBinary(input); kind != "" {
		return sitrep.Errorf(sitrep.EINVALID, name, "binary file (%s), not a text document", kind)
	}
	if i := bytes.IndexByte(input, 0); i >= 0 {
		return sitrep.Errorf(sitrep.EINVALID, name,
			"binary file: NUL byte at byte offset %d, not a text document", i)
	}
	if !utf8.Valid(input) {
		off := invalidUTF8At(input)
		return sitrep.Errorf(sitrep.EINVALID, name,
			"invalid UTF-8 at byte offset %d (byte 0x%02x); convert the input to UTF-8", off, input[off])
	}
	ctrl := 0
	for _, c := range input {
		if c < 0x20 || c == 0x7f {
			switch c {
			case '\t', '\n', '\r', '\f', '\v':
			default:
				ctrl++
			}
		}
	}
	// A stray escape or form feed is harmless; text with more than one
	// control byte in fifty is not prose.
	if ctrl > 0 && ctrl*50 > len(input) {
		return sitrep.Errorf(sitrep.EINVALID, name,
			"binary file: %d control bytes in %d (%.0f%%), not a text document",
			ctrl, len(input), 100*float64(ctrl)/float64(len(input)))
	}
	if len(bytes.TrimSpace(bytes.TrimPrefix(input, utf8BOM))) == 0 {
		return sitrep.Errorf(sitrep.EINVALID, name, "input is only whitespace (%d bytes)", len(input))
	}
	return nil
}

// TooLarge returns the ETOOLARGE error for an input of size bytes over the
// limit maxBytes.
func TooLarge(name string, size int64, maxBytes int) error {
	what := fmt.Sprintf("%s (%d bytes)", humanBytes(size), size)
	if size < 0 {
		what = "more than " + humanBytes(int64(maxBytes))
	}
	return sitrep.Errorf(sitrep.ETOOLARGE, name,
		"input is %s, over the size limit of %s (%d bytes); raise the limit with --max-bytes",
		what, humanBytes(int64(maxBytes)), maxBytes)
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

func invalidUTF8At(b []byte) int {
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(b)
}
