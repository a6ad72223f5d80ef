// Package event finds event mentions in news text: triggers (verbs and
// nominalisations, detected by an averaged perceptron trained on TimeML
// EVENT tags), typed with a compact conflict/politics taxonomy mapped to
// CAMEO codes, and framed with actor, target and location from the
// sentence's structure, resolved to entity ids.
package event
