package main

import "errors"

// evalEvents is a placeholder until the events scorer lands.
func evalEvents(env *Env, args []string) error {
	return errors.New("the events scorer is not built yet")
}
