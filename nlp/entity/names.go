package entity

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"strings"
	"sync"
)

// data/caps.txt.gz holds the capitalisation prior of common news words
// ("word<TAB>bucket", see data/gencaps).
//
//go:embed data/caps.txt.gz
var capsData []byte

// data/names.txt.gz holds person-name lists (see data/build-names.sh for
// sources and licences): "f<TAB>Name" for a first name, "n<TAB>Name" for any
// other part of a person's name.
//
//go:embed data/names.txt.gz
var namesData []byte

// Word lexicon values: name flags, and the capitalisation bucket plus one
// in bits 2-4 (0: not in the corpus).
const (
	nameFirst uint8 = 1 << iota
	namePart
	capsShift = 2
)

// wordInfo is what the word lexicon knows of a word.
type wordInfo struct {
	flags uint8     // nameFirst, namePart, capitalisation bucket
	ctx   [4]uint64 // lower-cased word hashes of its usual neighbours: left1, left2, right1, right2 (0: none)
}

var (
	namesOnce sync.Once
	namesSet  map[uint64]*wordInfo // lower-cased word hash -> what is known
)

// wordLexicon returns the embedded name lists and capitalisation prior
// keyed by the lower-cased word hash of tokInfo.lw, parsed on the first
// call.
func wordLexicon() map[uint64]*wordInfo {
	namesOnce.Do(func() {
		namesSet = make(map[uint64]*wordInfo, 64000)
		get := func(h uint64) *wordInfo {
			w := namesSet[h]
			if w == nil {
				w = new(wordInfo)
				namesSet[h] = w
			}
			return w
		}
		eachLine(namesData, func(line string) {
			kind, name, ok := strings.Cut(line, "\t")
			if !ok || name == "" {
				return
			}
			w := get(info(name).lw)
			if kind == "f" {
				w.flags |= nameFirst
			} else {
				w.flags |= namePart
			}
		})
		eachLine(capsData, func(line string) {
			f := strings.Split(line, "\t")
			if len(f) != 6 {
				return
			}
			w := get(info(f[0]).lw)
			if b := f[1]; len(b) == 1 && b[0] >= '0' && b[0] <= '3' {
				w.flags |= (b[0] - '0' + 1) << capsShift
			}
			for k, c := range f[2:] {
				if c != "-" {
					w.ctx[k] = info(c).lw
				}
			}
		})
	})
	return namesSet
}

func eachLine(gz []byte, f func(string)) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		panic("entity: embedded word lists: " + err.Error())
	}
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		f(sc.Text())
	}
	if err := sc.Err(); err != nil {
		panic("entity: embedded word lists: " + err.Error())
	}
}
