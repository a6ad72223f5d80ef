// Package event finds event mentions in news text: who did what to whom,
// where. It owns the trigger detector, the event taxonomy and the frames.
//
//   - Triggers are verbs and nominalisations, found by an averaged
//     perceptron (Detector) trained on the EVENT tags of TimeBank and
//     AQUAINT (TBAQ-cleaned), which also predicts the TimeML class
//     (OCCURRENCE, REPORTING, STATE, I_ACTION, I_STATE, ASPECTUAL,
//     PERCEPTION). The model is embedded (trigger.bin.gz) and rebuilt by
//     `go generate ./nlp/event`.
//   - Types come from a compact conflict/politics taxonomy mapped to CAMEO
//     codes (types.txt, embedded): a lexicon of lemmas, verbs and nouns,
//     with context conditions ("send" with troops is a deployment, with
//     weapons a supply) and light verbs that take the type of their object
//     ("launched a counteroffensive", "give a timeline").
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
