package pos

// Feature hashing. Every feature is a 64-bit hash of a template id and the
// hashes of the strings it looks at; tagging and training share this code,
// so a model only makes sense with the features it was trained on.

const (
	fBias uint64 = iota + 1
	fWord
	fSuf3
	fSuf2
	_ // (was prefix)
	fShape
	fPrev
	fPrev2
	fPrevPrev2
	fPrevWord
	fWordM1
	fSuf3M1
	fWordM2
	fWordP1
	fSuf3P1
	fWordP2
	fInitShape
)

// maxFeats is the number of features one token has; the first nDense of
// them depend only on the previous two tags.
const (
	maxFeats = 15
	nDense   = 3
)

// tokInfo holds the per-token hashes the templates combine.
type tokInfo struct {
	w, s3, s2, shape uint64
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func mix(h uint64) uint64 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	return h
}

func hashBytes(b []byte) uint64 {
	h := uint64(fnvOffset)
	for _, c := range b {
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

func hashString(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

var (
	hStart  = hashString("-START-")
	hStart2 = hashString("-START2-")
	hEnd    = hashString("-END-")
	hEnd2   = hashString("-END2-")
	hNum    = hashString("!NUM")
	hYear   = hashString("!YEAR")
)

// normWord writes the lower-cased form of w into buf, folding typographic
// quotes and dashes to their ASCII forms (the training data has no others),
// and returns the used part. Long words are cut at len(buf).
func normWord(w string, buf []byte) []byte {
	n := 0
	for i := 0; i < len(w) && n < len(buf); i++ {
		c := w[i]
		if c == 0xE2 && i+2 < len(w) && w[i+1] == 0x80 {
			switch w[i+2] {
			case 0x98, 0x99: // ‘ ’
				buf[n] = '\''
				n++
				i += 2
				continue
			case 0x9C, 0x9D: // “ ”
				buf[n] = '"'
				n++
				i += 2
				continue
			case 0x93, 0x94: // – —
				if n+1 < len(buf) {
					buf[n], buf[n+1] = '-', '-'
					n += 2
				}
				i += 2
				continue
			}
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[n] = c
		n++
	}
	return buf[:n]
}

// info computes the per-token hashes of word.
func info(word string) tokInfo {
	var buf [48]byte
	b := normWord(word, buf[:])
	var t tokInfo
	digits := 0
	for _, c := range b {
		if c >= '0' && c <= '9' {
			digits++
		}
	}
	switch {
	case digits == 4 && len(b) == 4:
		t.w = hYear
	case digits > 0 && b[0] >= '0' && b[0] <= '9':
		t.w = hNum
	default:
		t.w = hashBytes(b)
	}
	n := len(b)
	if n >= 3 {
		t.s3 = hashBytes(b[n-3:])
	} else {
		t.s3 = t.w
	}
	if n >= 2 {
		t.s2 = hashBytes(b[n-2:]) ^ 0x5bd1e995
	} else {
		t.s2 = t.w ^ 0x5bd1e995
	}
	// Shape: X x d or the byte itself, runs collapsed, at most 6 classes.
	var sh [8]byte
	k := 0
	for i := 0; i < len(word) && k < len(sh); i++ {
		c := word[i]
		var s byte
		switch {
		case c >= 'A' && c <= 'Z':
			s = 'X'
		case c >= 'a' && c <= 'z':
			s = 'x'
		case c >= '0' && c <= '9':
			s = 'd'
		case c >= 0x80:
			s = 'u'
		default:
			s = c
		}
		if k > 0 && sh[k-1] == s {
			continue
		}
		sh[k] = s
		k++
	}
	t.shape = hashBytes(sh[:k]) ^ 0x9e3779b97f4a7c15
	return t
}

func f1(tpl, a uint64) uint64    { return mix(tpl<<58 ^ a) }
func f2(tpl, a, b uint64) uint64 { return mix(tpl<<58 ^ a ^ mix(b+tpl)) }

// iPrevPrev2 is the position in the features array of the feature of the
// two previous tags, which the tagger also reads from its dense table.
const iPrevPrev2 = 8

// features writes the features of token i of a sentence with the given
// infos into out, given the two previous tags. The tagger does not call it
// (it sums the same templates from precomputed tables, see tagSentence and
// buildLexicon), training and the tests do.
func features(out *[maxFeats]uint64, toks []tokInfo, i int, prev, prev2 Tag) {
	t := &toks[i]
	wm1, s3m1, wm2 := hStart, hStart, hStart2
	if i > 0 {
		wm1, s3m1 = toks[i-1].w, toks[i-1].s3
	}
	if i > 1 {
		wm2 = toks[i-2].w
	}
	wp1, s3p1, wp2 := hEnd, hEnd, hEnd2
	if i+1 < len(toks) {
		wp1, s3p1 = toks[i+1].w, toks[i+1].s3
	}
	if i+2 < len(toks) {
		wp2 = toks[i+2].w
	}
	p, p2 := uint64(prev)+1, uint64(prev2)+1
	init := uint64(0)
	if i == 0 {
		init = 1
	}
	// The first three depend only on the previous tags: the tagger reads
	// them from dense tables (see Load).
	out[0] = f1(fBias, 0)
	out[1] = f1(fPrev, p)
	out[2] = f1(fPrev2, p2)
	out[3] = f1(fWord, t.w)
	out[4] = f1(fSuf3, t.s3)
	out[5] = f1(fSuf2, t.s2)
	out[6] = f1(fShape, t.shape)
	out[7] = f2(fInitShape, init, t.shape)
	out[iPrevPrev2] = f2(fPrevPrev2, p, p2)
	out[9] = f2(fPrevWord, p, t.w)
	out[10] = f1(fWordM1, wm1)
	out[11] = f1(fSuf3M1, s3m1)
	out[12] = f1(fWordP1, wp1)
	out[13] = f1(fSuf3P1, s3p1)
	out[14] = f2(fWordM2, wm2, wp2)
}
