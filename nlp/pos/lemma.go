package pos

func Lemma(word string, tag Tag) string { return word }
