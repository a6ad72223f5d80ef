// Package event finds event mentions in news text: who did what to whom,
// where. It owns the trigger detector, the event taxonomy and the frames.
//
//   - Triggers are verbs and nominalisations, found by an averaged
//     perceptron (Detector) trained on the EVENT tags of TimeBank and
//     AQUAINT (TBAQ-cleaned), which also predicts the TimeML class
//     (OCCURRENCE, REPORTING, STATE, I_ACTION, I_STATE, ASPECTUAL,
//     PERCEPTION). The model is embedded (trigger.bin.gz) and rebuilt by
//     `go generate ./nlp/event`.
//   - Types come from a compact news taxonomy (types.txt, embedded): conflict
//     and politics mapped to CAMEO codes, and general news (disasters,
//     outbreaks, displacement, rescue, humanitarian and economic aid,
//     infrastructure that opens, closes, is built or completed, elections and
//     votes, appointments and resignations, charges and courts, strikes,
//     company deals, layoffs, markets and rates) with the CAMEO code where
//     CAMEO has one and a blank code where it has none. It is a lexicon of
//     lemmas, verbs and nouns, with context conditions ("send" with troops
//     is a deployment, with weapons a supply; "fell" is a market move when
//     its subject is a price; "sold" a divestment when its object is a
//     company or stake), light verbs that take the type of their object
//     ("launched a counteroffensive", "made landfall", "went on strike") and
//     aspectual verbs that take the type of their subject ("the outbreak
//     began").
//   - By default Extract keeps the typed events that say who or what they
//     involve: for the general-news types a common noun as subject or object
//     is enough ("donors pledged $120 million", "the port reopened"); speech
//     cues ("said", "told") are left to the attribution layer, and states
//     and habitual simple presents are dropped.
//   - Roles (actor, target, location) come from shallow structure over the
//     POS tags: noun-phrase chunks, the subject before the verb group,
//     objects and prepositional phrases after it, passives ("were sent
//     by"), infinitives, coordinations and participles inheriting the
//     governing verb's subject, appositives, and for nouns the possessor or
//     modifier ("Russia's war against Ukraine", "a Russian offensive").
//     They resolve to entity ids through the entities' mentions.
//
// Extract is the entry point; it leaves Event.Time to the temporal layer.
package event
