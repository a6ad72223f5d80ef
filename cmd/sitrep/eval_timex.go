package main

import "errors"

// evalTimex is a placeholder until the timex scorer lands.
func evalTimex(env *Env, args []string) error {
	return errors.New("the timex scorer is not built yet")
}
