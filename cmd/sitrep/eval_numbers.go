package main

import "errors"

// evalNumbers is a placeholder until the numbers scorer lands.
func evalNumbers(env *Env, args []string) error {
	return errors.New("the numbers scorer is not built yet")
}
