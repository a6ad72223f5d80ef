package quantity

import (
	"fmt"
	"testing"

	"github.com/sitrep-news/sitrep/nlp/text"
)

func TestDbgShapes(t *testing.T) {
	for _, s := range []string{
		"Russia has lost more than 3,000 tanks since February 2022, according to Oryx.",
		"The strike killed 14 civilians, including three children, and wounded 37 others.",
		"Officials said 2.5 million people had fled, while some 500,000 returned.",
		"The UN estimates that 40 percent of the population needs aid.",
		"Israel said it had struck about 150 targets overnight.",
		"Washington approved a $1.7 billion package including 31 Abrams tanks.",
		"The death toll rose to 1,200, the ministry said on Tuesday.",
		"One soldier was killed and two were injured.",
		"In 2023, 5 people died; on March 3 another 12 died.",
		"The G20 summit in Delhi drew leaders from 19 countries.",
		"He is 62 years old and was elected in 1998.",
		"The 155mm shells cost $3,000 each.",
		"Turnout was 67.5%, up from 61 per cent in 2019.",
		"Between 20 and 30 drones were shot down.",
		"The army has 1.2m soldiers and 30,000 reservists.",
		"Iran enriched uranium to 60% purity, the IAEA said in its quarterly report.",
		"At 10:30 a.m. on Monday, three rockets hit Kharkiv.",
		"Hundreds of thousands of people marched, police said.",
		"The Su-25 jet crashed near the M4 highway.",
		"A third of the 900 staff were laid off in Q3.",
	} {
		doc := text.Segment(s)
		fmt.Println(s)
		for _, q := range Extract(doc, Options{}) {
			fmt.Printf("   %-36q v=%v min=%v max=%v ~%v %q/%s %s\n", q.Text, p(q.Value), p(q.Min), p(q.Max), q.Approximate, q.Unit, q.Category, q.Modality)
		}
	}
}
