package sitrep

import "fmt"

// Check verifies the invariants every Analysis keeps: each span lies inside
// Document.Text and each span's Text equals the text it covers; sentence
// indexes point at sentences; ids are unique; fields that name an entity
// name one. It returns the first violation found, or nil.
func (a *Analysis) Check() error {
	text := a.Document.Text
	n := len(text)
	span := func(what string, s, e int, t *string) error {
		if !(Span{s, e}).Valid(n) {
			return fmt.Errorf("%s: span [%d,%d) outside the text (%d bytes)", what, s, e, n)
		}
		if t != nil && *t != text[s:e] {
			return fmt.Errorf("%s: text %q does not match the span [%d,%d) %q", what, *t, s, e, text[s:e])
		}
		return nil
	}
	sentence := func(what string, i int) error {
		if i < 0 || i >= len(a.Sentences) {
			return fmt.Errorf("%s: sentence %d out of range (%d sentences)", what, i, len(a.Sentences))
		}
		return nil
	}
	ids := map[string]bool{}
	id := func(what, id string) error {
		if id == "" {
			return fmt.Errorf("%s: empty id", what)
		}
		if ids[id] {
			return fmt.Errorf("%s: duplicate id %q", what, id)
		}
		ids[id] = true
		return nil
	}
	for i, s := range a.Sentences {
		if err := span(fmt.Sprintf("sentence %d", i), s.Start, s.End, nil); err != nil {
			return err
		}
	}
	for i, p := range a.Paragraphs {
		if err := span(fmt.Sprintf("paragraph %d", i), p.Start, p.End, nil); err != nil {
			return err
		}
	}
	for _, x := range a.Timexes {
		if err := firstErr(id("timex", x.ID), span("timex "+x.ID, x.Start, x.End, &x.Text), sentence("timex "+x.ID, x.Sentence)); err != nil {
			return err
		}
	}
	ents := map[string]bool{}
	for _, e := range a.Entities {
		if err := id("entity", e.ID); err != nil {
			return err
		}
		ents[e.ID] = true
		for _, m := range e.Mentions {
			if err := firstErr(span("mention of "+e.ID, m.Start, m.End, &m.Text), sentence("mention of "+e.ID, m.Sentence)); err != nil {
				return err
			}
		}
	}
	entity := func(what, ref string) error {
		if ref != "" && !ents[ref] {
			return fmt.Errorf("%s: names unknown entity %q", what, ref)
		}
		return nil
	}
	for _, q := range a.Quotes {
		w := "quote " + q.ID
		if err := firstErr(id("quote", q.ID), span(w, q.Start, q.End, &q.Text), entity(w, q.Speaker), sentence(w, q.Sentence)); err != nil {
			return err
		}
		if !q.Source.IsZero() {
			if err := span(w+" source", q.Source.Start, q.Source.End, &q.Source.Text); err != nil {
				return err
			}
		}
		if !q.Cue.IsZero() {
			if err := span(w+" cue", q.Cue.Start, q.Cue.End, &q.Cue.Text); err != nil {
				return err
			}
		}
	}
	for _, q := range a.Quantities {
		w := "quantity " + q.ID
		if err := firstErr(id("quantity", q.ID), span(w, q.Start, q.End, &q.Text), entity(w, q.Entity), entity(w, q.Speaker), sentence(w, q.Sentence)); err != nil {
			return err
		}
	}
	for _, e := range a.Events {
		w := "event " + e.ID
		if err := firstErr(id("event", e.ID), span(w, e.Start, e.End, &e.Text), entity(w+" actor", e.Actor),
			entity(w+" target", e.Target), entity(w+" location", e.Location), sentence(w, e.Sentence)); err != nil {
			return err
		}
	}
	return nil
}

func firstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
