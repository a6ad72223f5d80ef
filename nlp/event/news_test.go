package event

import (
	"strings"
	"testing"
)

// TestNewsEvents checks the taxonomy beyond conflict news: disasters,
// humanitarian aid, infrastructure, politics, courts and business, kept by
// the default filter with common nouns as subjects, with whole summaries.
func TestNewsEvents(t *testing.T) {
	tests := []struct {
		text, trigger, typ, cameo string
		summary                   string // a part the summary must contain; "-": no event
	}{
		{"Hurricane Mara made landfall on the Gulf coast late on Tuesday.", "made", "disaster", "", "made landfall"},
		{"A powerful earthquake struck the region before dawn.", "struck", "disaster", "", "A powerful earthquake struck"},
		{"Floods destroyed hundreds of homes in the valley.", "destroyed", "disaster", "", "Floods destroyed"},
		{"International donors pledged $40 million for the flood victims.", "pledged", "aid", "071", "International donors pledged $40 million"},
		{"The agency has delivered 20 tonnes of food and medicine to the camps.", "delivered", "aid", "073", "delivered 20 tonnes of food"},
		{"Volunteers rescued dozens of villagers from the rising water.", "rescued", "rescue", "073", "Volunteers rescued dozens of villagers"},
		{"Thousands of residents were evacuated from coastal towns.", "evacuated", "displace", "", "Thousands of residents were evacuated"},
		{"More than 2,000 families fled their homes.", "fled", "displace", "", "More than 2,000 families fled"},
		{"A dengue outbreak began in the capital last month.", "began", "outbreak", "", "A dengue outbreak began"},
		{"The airport reopened to commercial flights on Monday.", "reopened", "reopen", "", "The airport reopened"},
		{"The authorities closed the bridge after the storm.", "closed", "close", "", "closed the bridge"},
		{"Work on the new bridge will be completed by June.", "completed", "complete", "", "will be completed by June"},
		{"The city plans to build a new water treatment plant.", "build", "build", "", "build a new water treatment plant"},
		{"At least 12 people were killed in the blast.", "killed", "kill", "1823", "At least 12 people were killed"},
		{"The company said it had agreed to acquire the smaller rival for $2 billion.", "acquire", "acquire", "", "acquire the smaller rival"},
		{"Oil prices fell sharply on Tuesday.", "fell", "market", "", "Oil prices fell"},
		{"The central bank cut its benchmark interest rate to 3 percent.", "cut", "rates", "", "cut its benchmark interest rate"},
		{"Dock workers went on strike over pay.", "went", "strike", "143", "Dock workers went on strike"},
		{"The former minister was charged with corruption.", "charged", "charge", "173", "was charged with corruption"},
		{"Voters elected a new parliament on Sunday.", "elected", "election", "", "Voters elected a new parliament"},
		{"The board voted to approve the merger.", "voted", "vote", "", "The board voted"},
		{"The army began withdrawing its troops from the border.", "withdrawing", "withdraw", "0874", "The army began withdrawing its troops"},
		{"The two companies struck a deal late on Friday.", "struck", "sign", "057", "struck a deal"},
		{"A jury found the former mayor guilty of fraud.", "found", "court", "", "found the former mayor guilty"},
		{"The retailer filed for bankruptcy protection in March.", "filed", "bankruptcy", "", "filed for bankruptcy protection"},
		{"The carmaker announced 3,000 job cuts.", "announced", "layoff", "", "announced 3,000 job cuts"},
		{"The defendant pleaded guilty to two counts.", "pleaded", "court", "", "The defendant pleaded guilty"},
		{"Torrential rain caused the river to burst its banks overnight.", "burst", "disaster", "", "the river to burst its banks"},
		{"Three fishermen drowned off the coast.", "drowned", "kill", "1823", "Three fishermen drowned"},
		{"The bank will release $20 million in emergency loans.", "release", "aid", "071", "release $20 million"},
		{"Stocks fell sharply in early trading.", "fell", "market", "", "Stocks fell"},
		{"Officers detained a woman suspected of arson.", "detained", "arrest", "173", "detained a woman"},
		{"The minister declared a curfew and the army deployed troops in the district.", "deployed", "deploy", "154", "the army deployed troops"},
		{"The death toll from the earthquake has risen to 312, officials said.", "risen", "kill", "1823", "The death toll"},
		{"The first relief flights landed in Port-au-Prince on Friday.", "landed", "arrive", "042", "The first relief flights landed"},
		{"The storm has cut power to 200,000 homes.", "cut", "close", "", "The storm has cut power to 200,000 homes"},
		{"Power was restored to most of the city by Sunday.", "restored", "reopen", "", "Power was restored"},
		{"The economy grew 2.1 percent in the third quarter.", "grew", "market", "", "The economy grew 2.1 percent"},
		{"An appeals court overturned the conviction in June.", "overturned", "court", "", "An appeals court overturned the conviction"},
		{"The new president was sworn in on Monday.", "sworn", "appoint", "", "The new president was sworn in"},
		{"Twelve passengers were injured when the bus overturned.", "injured", "kill", "182", "Twelve passengers were injured"},
		{"At least 40 were wounded in the blast.", "wounded", "kill", "182", "At least 40 were wounded"},
		{"Officials put the death toll at 57 on Thursday.", "put", "kill", "1823", "Officials put the death toll at 57"},
		// headlines: the present tense the tagger reads as a plural noun
		{"Israel strikes Gaza again\n\nThe raids hit the north.", "strikes", "attack", "190", "Israel strikes Gaza"},
		{"EU sanctions Russian banks\n\nThe European Union imposed sanctions.", "sanctions", "sanction", "163", "sanctions Russian banks"},
		// not events of those types
		{"Cheap imports did not injure domestic producers.", "injure", "", "", "-"},
		{"The senator said he would fight for a tax increase.", "fight", "", "", "-"},
		{"Profits at the oil company rose 5 pct.", "rose", "", "", "-"},
		{"The analyst bought a coffee before the meeting.", "bought", "", "", "-"},
		{"The roads remained closed for a week.", "closed", "", "", "-"},
		{"Rescue teams searched the rubble.", "Rescue", "", "", "-"},
	}
	for _, tt := range tests {
		_, evs := extract(tt.text)
		var got *struct{ typ, cameo, summary string }
		for _, e := range evs {
			if e.Text == tt.trigger && got == nil {
				got = &struct{ typ, cameo, summary string }{e.Type, e.CAMEO, e.Summary}
			}
		}
		if tt.summary == "-" {
			if got != nil && got.typ != "other" && got.typ != "statement" {
				t.Errorf("%q: unexpected %s event %q (%q)", tt.text, got.typ, tt.trigger, got.summary)
			}
			continue
		}
		if got == nil {
			t.Errorf("%q: no event %q", tt.text, tt.trigger)
			continue
		}
		if got.typ != tt.typ || got.cameo != tt.cameo || !strings.Contains(got.summary, tt.summary) {
			t.Errorf("%q: %q = %s %q %q, want %s %q and a summary containing %q", tt.text, tt.trigger, got.typ, got.cameo, got.summary, tt.typ, tt.cameo, tt.summary)
		}
	}
}
