package main

import "errors"

func runAnalyze(env *Env, args []string) error { return errors.New("not built yet") }
