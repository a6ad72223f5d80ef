package entity

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"strings"
	"sync"
)

// data/names.txt.gz holds person-name lists (see data/build-names.sh for
// sources and licences): "f<TAB>Name" for a first name, "n<TAB>Name" for any
// other part of a person's name.
//
//go:embed data/names.txt.gz
var namesData []byte

const (
	nameFirst uint8 = 1 << iota
	namePart
)

var (
	namesOnce sync.Once
	namesSet  map[uint64]uint8 // lower-cased word hash -> nameFirst|namePart
)

// personNames returns the embedded name lists keyed by the lower-cased word
// hash of tokInfo.lw, parsed on the first call.
func personNames() map[uint64]uint8 {
	namesOnce.Do(func() {
		namesSet = make(map[uint64]uint8, 50000)
		zr, err := gzip.NewReader(bytes.NewReader(namesData))
		if err != nil {
			panic("entity: embedded names: " + err.Error())
		}
		sc := bufio.NewScanner(zr)
		for sc.Scan() {
			kind, name, ok := strings.Cut(sc.Text(), "\t")
			if !ok || name == "" {
				continue
			}
			h := info(name).lw
			if kind == "f" {
				namesSet[h] |= nameFirst
			} else {
				namesSet[h] |= namePart
			}
		}
	})
	return namesSet
}
