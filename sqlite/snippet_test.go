package sqlite

import (
	"strings"
	"testing"
)

func TestSnippet(t *testing.T) {
	long := "One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen. "
	for _, tc := range []struct {
		text, title string
		words       []string
		want        string
	}{
		{"North Korea sent troops to Russia.", "", []string{"troops"}, "North Korea sent [troops] to Russia."},
		{"The troop deployed near Kursk.", "", []string{"troops", "deploying"}, "The [troop] [deployed] near Kursk."},
		{"KURSK and kursk.", "", []string{"Kursk"}, "[KURSK] and [kursk]."},
		{long + "Troops crossed the border at Vladivostok today.", "", []string{"vladivostok"},
			"…ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen. Troops crossed the border at [Vladivostok] today."},
		{long + long, "Vladivostok summit", []string{"Vladivostok"}, "[Vladivostok] summit"},
		{long, "", []string{"absent"}, strings.TrimSuffix(strings.Join(strings.Fields(long)[:16], " "), ".") + "…"},
		// The window with both words wins over an earlier one word.
		{"Putin spoke. " + long + "Putin met Kim in Pyongyang.", "", []string{"Putin", "Kim"},
			"…eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen. [Putin] met [Kim] in Pyongyang."},
		{"Ünïcode wörds: Müller said so.", "", []string{"müller"}, "Ünïcode wörds: [Müller] said so."},
		{"", "", []string{"x"}, ""},
	} {
		if got := snippet(tc.text, tc.title, tc.words); got != tc.want {
			t.Errorf("snippet(%.30q, %q, %q) = %q, want %q", tc.text, tc.title, tc.words, got, tc.want)
		}
	}
}

// FuzzSnippet: a snippet is pieces of the text (or title) in order, each
// bracketed piece a whole word matching a query word.
func FuzzSnippet(f *testing.F) {
	f.Add("North Korea sent troops to Russia.", "Troops", "troop")
	f.Add("“Troops,” he said, “deployed.”", "", "troops deploy")
	f.Add("\xff\xfe bad utf8 troops", "t", "troops")
	f.Fuzz(func(t *testing.T, text, title, query string) {
		if strings.ContainsAny(text+title, "[]…") {
			t.Skip("the source has the snippet's marks")
		}
		words := strings.Fields(query)
		got := snippet(text, title, words)
		src := text
		if !strings.Contains(text, strings.NewReplacer("[", "", "]", "", "…", "").Replace(got)) {
			src = title
		}
		rest := got
		pos := 0
		for rest != "" {
			if strings.HasPrefix(rest, "…") {
				rest = rest[len("…"):]
				continue
			}
			if strings.HasPrefix(rest, "[") {
				end := strings.Index(rest, "]")
				if end < 0 {
					t.Fatalf("snippet %q: unclosed [", got)
				}
				w := rest[1:end]
				if i := strings.Index(src[pos:], w); i < 0 {
					t.Fatalf("snippet %q: marked %q not in the source after %d", got, w, pos)
				} else {
					pos += i + len(w)
				}
				ok := false
				for _, q := range words {
					ok = ok || stem(q) == stem(w)
				}
				if !ok {
					t.Fatalf("snippet %q marks %q, no query word %q", got, w, words)
				}
				rest = rest[end+1:]
				continue
			}
			n := strings.IndexAny(rest, "[…")
			if n < 0 {
				n = len(rest)
			}
			if i := strings.Index(src[pos:], rest[:n]); i < 0 {
				t.Fatalf("snippet %q: %q not in the source after %d", got, rest[:n], pos)
			} else {
				pos += i + n
			}
			rest = rest[n:]
		}
	})
}
