package pos

import (
	_ "embed"
	"strings"
	"sync"
)

//go:embed irregular.txt
var irregularTxt string

var irregular = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for _, line := range strings.Split(irregularTxt, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		fs := strings.Fields(line)
		for _, f := range fs[1:] {
			if _, ok := m[f]; !ok {
				m[f] = fs[0]
			}
		}
	}
	return m
})

// irregular plural nouns.
var plurals = map[string]string{
	"men": "man", "women": "woman", "children": "child", "people": "people", "feet": "foot",
	"teeth": "tooth", "mice": "mouse", "geese": "goose", "crises": "crisis", "analyses": "analysis",
	"theses": "thesis", "bases": "base", "criteria": "criterion", "phenomena": "phenomenon",
	"data": "data", "media": "media", "news": "news", "series": "series", "species": "species",
	"lives": "life", "wives": "wife", "knives": "knife", "leaves": "leaf", "halves": "half",
	"thieves": "thief", "wolves": "wolf", "shelves": "shelf", "selves": "self", "forces": "force",
	"offensives": "offensive", "counteroffensives": "counteroffensive", "arms": "arms", "talks": "talks",
	"troops": "troop", "politics": "politics", "economics": "economics", "headquarters": "headquarters",
	"means": "means", "whereabouts": "whereabouts", "casualties": "casualty",
}

// Lemma returns the dictionary form of word given its tag: the base form of
// a verb ("sent" -> "send", "arriving" -> "arrive"), the singular of a
// common noun ("reinforcements" -> "reinforcement"), and the lower-cased
// word otherwise. It is a rule-based approximation (suffix rules plus an
// irregular-verb list), cheap enough to run on every token.
func Lemma(word string, tag Tag) string {
	w := lower(word)
	switch {
	case tag.IsVerb() || tag == MD:
		if b, ok := irregular()[w]; ok {
			return b
		}
		switch tag {
		case VBD, VBN:
			return verbStem(w, "ed")
		case VBG:
			return verbStem(w, "ing")
		case VBZ:
			return sStem(w)
		}
		if tag == VB || tag == VBP {
			if b, ok := irregular()[w]; ok && (w == "am" || w == "is" || w == "are") {
				return b
			}
		}
		return w
	case tag == NNS:
		if b, ok := plurals[w]; ok {
			return b
		}
		return sStem(w)
	case tag == NN:
		return w
	}
	return w
}

func lower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}

// sStem strips a plural or third-person -s.
func sStem(w string) string {
	n := len(w)
	switch {
	case n <= 3 || !strings.HasSuffix(w, "s"):
		return w
	case strings.HasSuffix(w, "ss") || strings.HasSuffix(w, "us") || strings.HasSuffix(w, "is"):
		return w
	case strings.HasSuffix(w, "ies"):
		return w[:n-3] + "y"
	case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "shes"), strings.HasSuffix(w, "ches"),
		strings.HasSuffix(w, "xes"), strings.HasSuffix(w, "zzes"):
		return w[:n-2]
	}
	return w[:n-1]
}

func isVowel(c byte) bool { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' }

// verbStem strips -ed or -ing and repairs the stem: doubled consonants
// ("stopped" -> "stop") and a dropped final e ("arrived" -> "arrive").
func verbStem(w, suf string) string {
	if !strings.HasSuffix(w, suf) || len(w) < len(suf)+2 {
		return w
	}
	s := w[:len(w)-len(suf)]
	n := len(s)
	if suf == "ed" && strings.HasSuffix(s, "i") && n >= 3 && !isVowel(s[n-2]) {
		return s[:n-1] + "y" // carried -> carry
	}
	if suf == "ed" && strings.HasSuffix(s, "e") {
		return s + "e" // agreed, freed
	}
	if suf == "ing" && strings.HasSuffix(s, "y") || suf == "ed" && strings.HasSuffix(s, "y") {
		return s // carrying, played
	}
	last, prev := s[n-1], s[n-2]
	// Doubled final consonant: stopped, committed, planning; but not
	// -ll, -ss, -ff, -zz stems (killed, passed), nor add, err.
	if n >= 4 && last == prev && !isVowel(last) && last != 'l' && last != 's' && last != 'f' && last != 'z' {
		return s[:n-1]
	}
	if needsE(s) && !noE(s) {
		return s + "e"
	}
	return s
}

// noE reports stems that end as verbs without a final e does: a listed
// stem behind a prefix (reopen, recommit, disobey), and the -en, -er and
// -ion families (flatten, deliver, mention) but for -ven and -ere verbs
// (convene, interfere).
func noE(s string) bool {
	n := len(s)
	for _, p := range [...]string{"re", "un", "dis", "pre", "mis", "over", "under", "out", "co"} {
		if len(s) > len(p)+2 && strings.HasPrefix(s, p) && cvcNoE[s[len(p):]] {
			return true
		}
	}
	if n < 4 || isVowel(s[n-3]) {
		return false
	}
	switch s[n-2:] {
	case "en":
		return s[n-3] != 'v'
	case "er":
		switch s {
		case "interfer", "adher", "coher", "rever", "persever", "sincer":
			return false
		}
		return true
	case "on":
		return s[n-3] == 'i'
	}
	return false
}

// needsE guesses whether a stem lost a final e before -ed/-ing.
func needsE(s string) bool {
	n := len(s)
	last, prev := s[n-1], s[n-2]
	p3 := byte(0)
	if n >= 3 {
		p3 = s[n-3]
	}
	switch {
	case last == 'v' || last == 'c' || last == 'u':
		return true // arrive, force, continue
	case last == 'z':
		return prev != 'z' // seize, organize
	case last == 'g':
		// arrange, charge, judge, bulge, engage; not bring, sign
		return prev == 'r' || prev == 'd' || prev == 'l' || prev == 'a' || prev == 'n' && isVowel(p3) && p3 != 'i'
	case last == 'l' && strings.IndexByte("bptdgkzfc", prev) >= 0:
		return true // handle, settle, struggle, tackle
	case last == 's' && (prev == 'y' || strings.IndexByte("nlrp", prev) >= 0):
		return true // analyse, sense, pulse, nurse, collapse
	case isVowel(prev) && last != 'w' && last != 'x' && last != 'y' && !isVowel(last):
		if isVowel(p3) { // two vowels: treat, claim, wait; but increase, negotiate
			return last == 's' || prev == 'a' && (p3 == 'i' || p3 == 'u') && last == 't'
		}
		// consonant-vowel-consonant: e-final verbs are the common case in
		// news (create, provide, decide, hope, close, retire, invoke,
		// describe, declare, escape, name, state); the rest are listed.
		return !cvcNoE[s]
	}
	return false
}

// cvcNoE are consonant-vowel-consonant stems that do not end in e: most
// stress-initial two-syllable verbs (visit, open, offer) and some others.
var cvcNoE = map[string]bool{
	"visit": true, "open": true, "offer": true, "happen": true, "threaten": true, "listen": true,
	"edit": true, "limit": true, "credit": true, "exhibit": true, "inhabit": true, "inherit": true,
	"deposit": true, "profit": true, "benefit": true, "target": true, "budget": true, "market": true,
	"cover": true, "discover": true, "recover": true, "deliver": true, "consider": true, "order": true,
	"enter": true, "suffer": true, "differ": true, "offer ": true, "answer": true, "gather": true,
	"register": true, "murder": true, "render": true, "surrender": true, "wonder": true, "shelter": true,
	"alter": true, "filter": true, "counter": true, "weather": true, "hinder": true, "plunder": true,
	"hover": true, "lower": true, "power": true, "tower": true, "sever": true, "water": true,
	"develop": true, "gallop": true, "envelop": true, "worship": true, "kidnap": true,
	"abandon": true, "pardon": true, "reckon": true, "summon": true, "sharpen": true, "weaken": true,
	"strengthen": true, "worsen": true, "broaden": true, "deepen": true, "widen": true, "harden": true,
	"fasten": true, "lessen": true, "loosen": true, "awaken": true, "sicken": true, "soften": true,
	"blacken": true, "frighten": true, "lighten": true, "tighten": true, "straighten": true, "heighten": true,
	"question": true, "mention": true, "station": true, "position": true, "function": true, "sanction": true,
	"auction": true, "petition": true, "condition": true, "ration": true, "partition": true, "caution": true,
	"fashion": true, "cushion": true, "pension": true, "commission": true, "mission": true, "champion": true,
	"poison": true, "imprison": true, "reason": true, "season": true, "garrison": true, "ransom": true,
	"vomit": true, "orbit": true, "audit": true, "posit": true, "solicit": true, "elicit": true,
	"merit": true, "spirit": true, "bandit": true, "rivet": true, "ferret": true, "regret": true,
	"cancel": true, "travel": true, "label": true, "model": true, "signal": true, "total": true,
	"fuel": true, "level": true, "channel": true, "panel": true, "rival": true, "equal": true, "marvel": true,
	"shovel": true, "tunnel": true, "funnel": true, "parcel": true, "pedal": true, "duel": true,
	"appear": true, "clear": true, "fear": true, "hear": true, "near": true, "wear": true, "tear": true,
	"rear": true, "bear": true, "gear": true, "sear": true, "shear": true, "spear": true, "smear": true,
	"cheer": true, "steer": true, "veer": true, "peer": true, "leer": true, "sneer": true, "volunteer": true,
	"engineer": true, "pioneer": true, "mutineer": true, "profiteer": true, "auctioneer": true,
	"fail": true, "mail": true, "sail": true, "rail": true, "hail": true, "nail": true, "jail": true,
	"avail": true, "detail": true, "entail": true, "curtail": true, "derail": true, "prevail": true,
	"assail": true, "retail": true, "trail": true, "wail": true, "bail": true, "veil": true, "unveil": true,
	"boil": true, "coil": true, "soil": true, "spoil": true, "toil": true, "foil": true, "broil": true,
	"seem": true, "deem": true, "redeem": true, "esteem": true, "teem": true, "beam": true, "dream": true,
	"scream": true, "stream": true, "gleam": true, "team": true, "steam": true, "seam": true, "claim": true,
	"aim": true, "maim": true, "proclaim": true, "acclaim": true, "reclaim": true, "exclaim": true,
	"disclaim": true, "doom": true, "loom": true, "bloom": true, "boom": true, "zoom": true, "groom": true,
	"rain": true, "gain": true, "train": true, "remain": true, "contain": true, "obtain": true,
	"maintain": true, "retain": true, "detain": true, "sustain": true, "explain": true, "complain": true,
	"attain": true, "pertain": true, "refrain": true, "restrain": true, "strain": true, "drain": true,
	"stain": true, "chain": true, "join": true, "coin": true, "adjoin": true, "rejoin": true,
	"mean": true, "lean": true, "clean": true, "wean": true, "glean": true, "moan": true, "loan": true,
	"groan": true, "seen": true, "screen": true, "careen": true, "ruin": true,
	"head": true, "lead": true, "read": true, "plead": true, "spread": true, "tread": true, "dread": true,
	"need": true, "heed": true, "feed": true, "bleed": true, "breed": true, "speed": true, "succeed": true,
	"proceed": true, "exceed": true, "load": true, "goad": true, "plod": true, "nod": true,
	"wait": true, "await": true, "bait": true, "suit": true, "recruit": true, "fruit": true,
	"shout": true, "doubt": true, "rout": true, "scout": true, "spout": true, "pout": true,
	"treat": true, "defeat": true, "repeat": true, "cheat": true, "heat": true, "beat": true, "seat": true,
	"bloat": true, "float": true, "boat": true, "gloat": true, "coat": true,
	"greet": true, "meet": true, "sweet": true, "tweet": true,
	"look": true, "book": true, "cook": true, "hook": true, "crook": true,
	"soak": true, "cloak": true, "leak": true, "speak": true, "break": true, "freak": true, "sneak": true,
	"peak": true, "seek": true, "reek": true, "shriek": true, "tweak": true,
	"stop": true, "drop": true, "shop": true, "crop": true, "swap": true, "grip": true, "ship": true,
	"rob": true, "sob": true, "grab": true, "stab": true, "nab": true,
	"plan": true, "ban": true, "scan": true, "span": true, "man": true, "tan": true,
	"pin": true, "win": true, "spin": true, "skin": true, "sin": true, "grin": true,
	"stun": true, "shun": true, "run": true, "gun": true,
	"admit": true, "commit": true, "submit": true, "permit": true, "omit": true, "emit": true,
	"transmit": true, "remit": true, "acquit": true, "outwit": true, "quit": true, "fit": true,
	"hit": true, "knit": true, "pit": true, "sit": true, "spit": true, "split": true, "slit": true,
	"occur": true, "recur": true, "concur": true, "incur": true, "deter": true, "prefer": true,
	"refer": true, "confer": true, "infer": true, "transfer": true, "defer": true, "stir": true, "blur": true,
	"slur": true, "spur": true, "purr": true, "blot": true, "plot": true, "spot": true, "trot": true,
	"allot": true, "jot": true, "rot": true, "shot": true, "clot": true,
	"boycott": true, "rocket": true, "pocket": true, "ticket": true, "picket": true, "bucket": true,
	"bracket": true, "blanket": true, "market ": true, "interpret": true, "inspect": true,
	"pilot": true, "ballot": true, "riot": true, "diet": true, "quiet": true, "covet": true,
	"harvest": true, "invest": true, "protest": true, "contest": true, "test": true,
	"edit ": true, "debut": true, "input": true, "output": true,
	"bargain": true, "reign": true, "feign": true, "campaign": true, "design": true, "resign": true,
	"assign": true, "sign": true, "consign": true, "align": true, "malign": true,
	"rein": true, "vein": true,
	"travail": true, "email": true, "patrol": true, "control": true, "enrol": true, "compel": true,
	"expel": true, "propel": true, "repel": true, "dispel": true, "excel": true, "rebel": true,
	"bomb": true, "climb": true, "comb": true, "numb": true,
	"destroy": true, "focus": true, "bias": true, "deploy": true, "employ": true, "enjoy": true, "annoy": true,
}
