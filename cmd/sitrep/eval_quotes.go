package main

import "errors"

// evalQuotes is a placeholder until the quotes scorer lands.
func evalQuotes(env *Env, args []string) error {
	return errors.New("the quotes scorer is not built yet")
}
