package entity

import (
	"testing"

	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/nlp/text"
)

// findMention returns the entity and mention whose text is want, in text
// order, skipping the first skip matches.
func findMention(ents []sitrep.Entity, want string) (sitrep.Entity, sitrep.Mention, bool) {
	for _, e := range ents {
		for _, m := range e.Mentions {
			if m.Text == want {
				return e, m, true
			}
		}
	}
	return sitrep.Entity{}, sitrep.Mention{}, false
}

func TestHeadTypes(t *testing.T) {
	tests := []struct {
		text, mention, typ string
	}{
		{"Cyclone Ilusa made landfall near Beira on Tuesday.", "Cyclone Ilusa", sitrep.EntityEvent},
		{"Residents still remember Hurricane Katrina.", "Hurricane Katrina", sitrep.EntityEvent},
		{"Typhoon Haiyan killed thousands of people.", "Typhoon Haiyan", sitrep.EntityEvent},
		{"Tropical Storm Alberto is moving north.", "Tropical Storm Alberto", sitrep.EntityEvent},
		{"Rescuers are still searching after the 2023 Turkey earthquake.", "2023 Turkey earthquake", sitrep.EntityEvent},
		{"Super Typhoon Mangkhut struck Luzon.", "Super Typhoon Mangkhut", sitrep.EntityEvent},
		{"After cyclone Idai, aid poured in.", "Idai", sitrep.EntityEvent},
		{"The Buzi River burst its banks.", "Buzi River", sitrep.EntityLoc},
		{"Ships in the Red Sea were diverted.", "Red Sea", sitrep.EntityLoc},
		{"Lake Chad is shrinking fast.", "Lake Chad", sitrep.EntityLoc},
		{"Climbers on Mount Everest were stranded.", "Mount Everest", sitrep.EntityLoc},
		{"Flooding hit the Rift Valley again.", "Rift Valley", sitrep.EntityLoc},
		{"Tankers avoided the Strait of Hormuz.", "Strait of Hormuz", sitrep.EntityLoc},
		{"Fires spread on Kangaroo Island.", "Kangaroo Island", sitrep.EntityLoc},
		{"Beira Airport reopened on Wednesday.", "Beira Airport", sitrep.EntityFac},
		{"The Tete Bridge was damaged.", "Tete Bridge", sitrep.EntityFac},
		{"Nacala Port reopened on Thursday.", "Nacala Port", sitrep.EntityFac},
		{"The port of Beira reopened to cargo ships.", "port of Beira", sitrep.EntityFac},
		{"Beira Central Hospital treated 200 people.", "Beira Central Hospital", sitrep.EntityFac},
		{"Inmates escaped from Mieze Prison.", "Mieze Prison", sitrep.EntityFac},
		{"Troops raided Al-Shifa Hospital.", "Al-Shifa Hospital", sitrep.EntityFac},
		{"Passengers at John F. Kennedy International Airport waited for hours.", "John F. Kennedy International Airport", sitrep.EntityFac},
		{"Mozambique reopened the N6 highway on Monday.", "N6 highway", sitrep.EntityFac},
		{"Inspectors visited the Zaporizhzhia nuclear plant.", "Zaporizhzhia nuclear plant", sitrep.EntityFac},
		{"\"We need boats,\" said Helena Matsinhe, who leads the National Institute for Disaster Risk Management.", "National Institute for Disaster Risk Management", sitrep.EntityOrg},
		{"South Africa sent helicopters, the South African National Defence Force said.", "Defence Force", sitrep.EntityOrg},
	}
	r := Default()
	for _, tt := range tests {
		ents := r.Recognize(text.Segment(tt.text))
		e, _, ok := findMention(ents, tt.mention)
		if !ok {
			t.Errorf("%q: no mention %q in %+v", tt.text, tt.mention, ents)
			continue
		}
		if e.Type != tt.typ {
			t.Errorf("%q: %q is %s, want %s", tt.text, tt.mention, e.Type, tt.typ)
		}
	}
}

func TestRoadIdentity(t *testing.T) {
	doc := text.Segment("Repairs to the N6 highway will take months. \"Without the N6, the region is cut off,\" she said.")
	ents := Default().Recognize(doc)
	e, _, ok := findMention(ents, "N6 highway")
	if !ok {
		t.Fatalf("no N6 highway in %+v", ents)
	}
	if len(e.Mentions) != 2 || e.Mentions[1].Text != "N6" {
		t.Errorf("N6 mentions = %+v, want the highway and the N6", e.Mentions)
	}
}

func TestNameAsWritten(t *testing.T) {
	tests := []struct {
		text, mention, name string
	}{
		{"The Red Cross said 200 people died.", "Red Cross", "Red Cross"},
		{"Kim Jong Un stated on Korean Central TV that the war goes on.", "Korean Central TV", "Korean Central TV"},
		{"The U.S. said it would send aid.", "U.S.", "United States"},
	}
	r := Default()
	for _, tt := range tests {
		e, _, ok := findMention(r.Recognize(text.Segment(tt.text)), tt.mention)
		if !ok {
			t.Errorf("%q: no mention %q", tt.text, tt.mention)
			continue
		}
		if e.Name != tt.name {
			t.Errorf("%q: name %q, want %q", tt.text, e.Name, tt.name)
		}
	}
}

func TestNominalAndPronoun(t *testing.T) {
	tests := []struct {
		text, mention, kind, want string // want: the entity's name, "" for no such mention
	}{
		{"President Filipe Nyusi visited Beira on Friday. The president said aid would arrive.", "The president", sitrep.MentionNominal, "Filipe Nyusi"},
		{"Foreign Minister Veronica Macamo met reporters. The minister thanked donors.", "The minister", sitrep.MentionNominal, "Veronica Macamo"},
		{"The U.N. envoy Martin Griffiths arrived. Officials met the envoy on Monday.", "the envoy", sitrep.MentionNominal, "Martin Griffiths"},
		// no person holds the title
		{"Helena Matsinhe spoke on radio. The president said nothing.", "The president", sitrep.MentionNominal, ""},
		// the president of another country
		{"President Filipe Nyusi met donors. They met the president of Malawi.", "the president", sitrep.MentionNominal, ""},
		{"Israeli Prime Minister Benjamin Netanyahu spoke. Netanyahu met U.S. Secretary of State Antony Blinken. The secretary said talks were useful.", "The secretary", sitrep.MentionNominal, "Antony Blinken"},
		// "the general public" is no general
		{"General Mark Milley spoke. The general public was not told.", "The general", sitrep.MentionNominal, ""},
		{"Helena Matsinhe told state radio that 15,000 people were sheltering. She said more boats were needed.", "She", sitrep.MentionPronoun, "Helena Matsinhe"},
		// two people: ambiguous
		{"Vladimir Putin met Kim Jong Un in Moscow. He said the talks went well.", "He", sitrep.MentionPronoun, ""},
		// a person too far back
		{"Rui Mabunda spoke on Monday. Rain fell. Rivers rose. Roads closed. He said troops would help.", "He", sitrep.MentionPronoun, ""},
		// inside a quotation
		{"Helena Matsinhe spoke. \"He is not here,\" she said.", "He", sitrep.MentionPronoun, ""},
	}
	r := Default()
	for _, tt := range tests {
		ents := r.Recognize(text.Segment(tt.text))
		e, m, ok := findMention(ents, tt.mention)
		if tt.want == "" {
			if ok && m.Kind == tt.kind {
				t.Errorf("%q: %q is a %s mention of %s, want none", tt.text, tt.mention, m.Kind, e.Name)
			}
			continue
		}
		if !ok || m.Kind != tt.kind || e.Name != tt.want {
			t.Errorf("%q: %q -> %s %q (found %v), want %s of %q", tt.text, tt.mention, m.Kind, e.Name, ok, tt.kind, tt.want)
		}
	}
}

func TestCountryInOrganisation(t *testing.T) {
	doc := text.Segment("Admiral Samuel Paparo, head of U.S. Indo-Pacific Command, told lawmakers in April that the war goes on.")
	ents := Default().Recognize(doc)
	org, _, ok := findMention(ents, "U.S. Indo-Pacific Command")
	if !ok || org.Type != sitrep.EntityOrg {
		t.Fatalf("no ORG U.S. Indo-Pacific Command in %+v", ents)
	}
	us, _, ok := findMention(ents, "U.S.")
	if !ok || us.KB != "USA" {
		t.Errorf("U.S. inside the command: %+v (found %v), want a mention of the United States", us, ok)
	}
}
