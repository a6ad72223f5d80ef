package entity

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"io"
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
	namesSet  *wordLex
)

// wordLexicon returns the embedded name lists and capitalisation prior
// keyed by the lower-cased word hash of tokInfo.lw, parsed on the first
// call.
func wordLexicon() *wordLex {
	namesOnce.Do(func() { namesSet = loadWordLexicon() })
	return namesSet
}

// wordLex is the word lexicon: an open-addressing index from word hash
// into its entries (a Go map costs twice as much per lookup here, and every
// capitalised token is looked up).
type wordLex struct {
	keys  []uint64
	ids   []int32 // index+1 into words; 0 is empty
	words []wordInfo
}

// id returns the index of word hash h in l.words, -1 if none.
func (l *wordLex) id(h uint64) int {
	mask := uint64(len(l.keys) - 1)
	for i := mix(h) & mask; ; i = (i + 1) & mask {
		switch id := l.ids[i]; {
		case id == 0:
			return -1
		case l.keys[i] == h:
			return int(id - 1)
		}
	}
}

func (l *wordLex) index(hs []uint64) {
	size := 16
	for size < 2*len(hs) {
		size <<= 1
	}
	l.keys, l.ids = make([]uint64, size), make([]int32, size)
	mask := uint64(size - 1)
	for id, h := range hs {
		i := mix(h) & mask
		for l.ids[i] != 0 {
			i = (i + 1) & mask
		}
		l.keys[i], l.ids[i] = h, int32(id+1)
	}
}

func loadWordLexicon() *wordLex {
	l := &wordLex{words: make([]wordInfo, 0, 64000)}
	byHash := make(map[uint64]int32, 64000)
	var hashes []uint64
	add := func(h uint64) *wordInfo {
		if i, ok := byHash[h]; ok {
			return &l.words[i]
		}
		byHash[h] = int32(len(l.words))
		hashes = append(hashes, h)
		l.words = append(l.words, wordInfo{})
		return &l.words[len(l.words)-1]
	}
	eachLine(namesData, func(line string) {
		kind, name, ok := strings.Cut(line, "\t")
		if !ok || name == "" {
			return
		}
		w := add(info(name).lw)
		if kind == "f" {
			w.flags |= nameFirst
		} else {
			w.flags |= namePart
		}
	})
	eachLine(capsData, func(line string) {
		word, rest, ok := strings.Cut(line, "\t")
		if !ok {
			return
		}
		w := add(info(word).lw)
		b, rest, _ := strings.Cut(rest, "\t")
		if len(b) == 1 && b[0] >= '0' && b[0] <= '3' {
			w.flags |= (b[0] - '0' + 1) << capsShift
		}
		for k := 0; k < 4 && rest != ""; k++ {
			var c string
			c, rest, _ = strings.Cut(rest, "\t")
			if c != "-" {
				w.ctx[k] = info(c).lw
			}
		}
	})
	l.index(hashes)
	return l
}

func eachLine(gz []byte, f func(string)) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		panic("entity: embedded word lists: " + err.Error())
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		panic("entity: embedded word lists: " + err.Error())
	}
	for rest := string(data); rest != ""; {
		var line string
		line, rest, _ = strings.Cut(rest, "\n")
		f(line)
	}
}
