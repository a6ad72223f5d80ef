// Package pos is sitrep's part-of-speech tagger: an averaged perceptron over
// Penn Treebank tags, trained on the POS column of CoNLL-2003 (Reuters news)
// and embedded in the binary, plus a cheap rule-based lemmatiser for verbs and
// nouns. Other stages (events, quotes, entities) use the tags for chunking.
//
// The model is built by `go generate ./nlp/pos` (see gen.go), which runs the
// deterministic trainer in internal/train; eng.testa accuracy is checked by
// TestAccuracyCoNLLTestA. The tagger sums, for each token, weights it
// precomputed per training word at Load (see lexicon.go), and scores a word
// seen often in training only for the tags it had there.
package pos

// Tag is a Penn Treebank part-of-speech tag.
type Tag uint8

// Penn Treebank tags, plus the punctuation tags of CoNLL-2003.
const (
	None Tag = iota // no tag (padding)
	CC
	CD
	DT
	EX
	FW
	IN
	JJ
	JJR
	JJS
	LS
	MD
	NN
	NNS
	NNP
	NNPS
	PDT
	POS
	PRP
	PRPS // PRP$
	RB
	RBR
	RBS
	RP
	SYM
	TO
	UH
	VB
	VBD
	VBG
	VBN
	VBP
	VBZ
	WDT
	WP
	WPS // WP$
	WRB
	Period // .
	Comma  // ,
	Colon  // :
	LParen // (
	RParen // )
	Quote  // " (also `` and '')
	Dollar // $
	Hash   // #
	numTags
)

// NumTags is the number of tags, None included; tags are 0 <= t < NumTags.
const NumTags = int(numTags)

var tagNames = [numTags]string{
	"", "CC", "CD", "DT", "EX", "FW", "IN", "JJ", "JJR", "JJS", "LS", "MD", "NN", "NNS", "NNP", "NNPS",
	"PDT", "POS", "PRP", "PRP$", "RB", "RBR", "RBS", "RP", "SYM", "TO", "UH", "VB", "VBD", "VBG", "VBN",
	"VBP", "VBZ", "WDT", "WP", "WP$", "WRB", ".", ",", ":", "(", ")", "\"", "$", "#",
}

// String returns the Penn name of t ("NN", "PRP$", ".").
func (t Tag) String() string {
	if t < numTags {
		return tagNames[t]
	}
	return "?"
}

// ParseTag returns the tag named s, mapping the PTB variants of CoNLL and the
// Treebank (“, ”, -LRB-, NN|SYM) onto the enum; None if s is unknown.
func ParseTag(s string) Tag {
	switch s {
	case "``", "''":
		return Quote
	case "-LRB-", "-LCB-", "-LSB-":
		return LParen
	case "-RRB-", "-RCB-", "-RSB-":
		return RParen
	case "NN|SYM":
		return NN
	}
	for i, n := range tagNames {
		if i > 0 && n == s {
			return Tag(i)
		}
	}
	return None
}

// IsVerb reports whether t is a verb tag (VB, VBD, VBG, VBN, VBP, VBZ); modals are not.
func (t Tag) IsVerb() bool { return t >= VB && t <= VBZ }

// IsNoun reports whether t is a common or proper noun tag.
func (t Tag) IsNoun() bool { return t >= NN && t <= NNPS }

// IsProper reports whether t is NNP or NNPS.
func (t Tag) IsProper() bool { return t == NNP || t == NNPS }

// IsAdj reports whether t is an adjective tag.
func (t Tag) IsAdj() bool { return t >= JJ && t <= JJS }

// IsPunct reports whether t is a punctuation tag.
func (t Tag) IsPunct() bool { return t >= Period && t <= Quote }
