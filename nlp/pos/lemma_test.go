package pos

import "testing"

func TestLemma(t *testing.T) {
	tests := []struct {
		word string
		tag  Tag
		want string
	}{
		{"sent", VBD, "send"}, {"arrived", VBN, "arrive"}, {"committed", VBD, "commit"},
		{"launched", VBD, "launch"}, {"supplied", VBD, "supply"}, {"providing", VBG, "provide"},
		{"shared", VBD, "share"}, {"meeting", VBG, "meet"}, {"killed", VBN, "kill"},
		{"fighting", VBG, "fight"}, {"met", VBD, "meet"}, {"stated", VBD, "state"},
		{"told", VBD, "tell"}, {"issued", VBN, "issue"}, {"reported", VBN, "report"},
		{"sustained", VBD, "sustain"}, {"acknowledged", VBN, "acknowledge"}, {"visited", VBD, "visit"},
		{"negotiated", VBD, "negotiate"}, {"stopped", VBD, "stop"}, {"added", VBD, "add"},
		{"agreed", VBD, "agree"}, {"increased", VBD, "increase"}, {"planned", VBD, "plan"},
		{"announces", VBZ, "announce"}, {"attacks", VBZ, "attack"}, {"says", VBZ, "say"},
		{"is", VBZ, "be"}, {"was", VBD, "be"}, {"withdrew", VBD, "withdraw"}, {"struck", VBD, "strike"},
		{"shelled", VBD, "shell"}, {"captured", VBD, "capture"}, {"invaded", VBD, "invade"},
		{"threatened", VBD, "threaten"}, {"denied", VBD, "deny"}, {"accused", VBD, "accuse"},
		{"reinforcements", NNS, "reinforcement"}, {"forces", NNS, "force"}, {"losses", NNS, "loss"},
		{"casualties", NNS, "casualty"}, {"Talks", NNS, "talks"}, {"missiles", NNS, "missile"},
		{"parade", NN, "parade"}, {"Kim", NNP, "kim"}, {"troops", NNS, "troop"},
		{"expelled", VBD, "expel"}, {"controlling", VBG, "control"}, {"spelled", VBD, "spell"},
		{"reopened", VBD, "reopen"}, {"flattening", VBG, "flatten"}, {"convened", VBD, "convene"},
		{"entered", VBD, "enter"}, {"interfered", VBD, "interfere"}, {"mentioned", VBN, "mention"}, {"recommitted", VBD, "recommit"},
		{"completed", VBN, "complete"}, {"evacuated", VBD, "evacuate"}, {"pledged", VBD, "pledge"},
		{"dying", VBG, "die"}, {"handled", VBD, "handle"}, {"occurred", VBD, "occur"},
	}
	for _, tt := range tests {
		if got := Lemma(tt.word, tt.tag); got != tt.want {
			t.Errorf("Lemma(%q, %v) = %q, want %q", tt.word, tt.tag, got, tt.want)
		}
	}
}
