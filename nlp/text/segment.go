package text

// Segment splits text into paragraphs, sentences and tokens.
// (Provisional implementation; the full scanner replaces it.)
func Segment(text string) *Doc {
	d := &Doc{Text: text}
	start := 0
	for i := 0; i <= len(text); i++ {
		if i == len(text) || text[i] == '\n' {
			if i > start {
				d.Paragraphs = append(d.Paragraphs, Paragraph{Start: start, End: i, Kind: "text"})
			}
			start = i + 1
		}
	}
	for pi, p := range d.Paragraphs {
		sStart := -1
		first := len(d.Tokens)
		for i := p.Start; i < p.End; {
			c := text[i]
			if c == ' ' || c == '\t' || c == '\r' {
				i++
				continue
			}
			j := i + 1
			k := Punct
			if isAlnum(c) || c >= 0x80 {
				k = Word
				for j < p.End && (isAlnum(text[j]) || text[j] >= 0x80) {
					j++
				}
			}
			if sStart < 0 {
				sStart = i
			}
			d.Tokens = append(d.Tokens, Token{Start: i, End: j, Kind: k})
			if c == '.' || c == '!' || c == '?' || j == p.End {
				d.Sentences = append(d.Sentences, Sentence{Start: sStart, End: j, First: first, Last: len(d.Tokens), Paragraph: pi})
				sStart = -1
				first = len(d.Tokens)
			}
			i = j
		}
		if sStart >= 0 {
			d.Sentences = append(d.Sentences, Sentence{Start: sStart, End: d.Tokens[len(d.Tokens)-1].End, First: first, Last: len(d.Tokens), Paragraph: pi})
		}
	}
	return d
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}
