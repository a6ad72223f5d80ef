package main

import "errors"

// evalNER is a placeholder until the ner scorer lands.
func evalNER(env *Env, args []string) error {
	return errors.New("the ner scorer is not built yet")
}
