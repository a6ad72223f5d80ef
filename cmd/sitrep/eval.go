package main

import (
	"fmt"
	"sort"
)

// evalCommands are the scorers under `sitrep eval`. Each lives in its own
// file (eval_<name>.go).
func evalCommands() map[string]command {
	return map[string]command{
		"timex":   {"TIMEX3 recognition and normalisation on TimeML files (--tml DIR)", evalTimex},
		"ner":     {"named entities on a CoNLL-2003 file (--conll FILE)", evalNER},
		"quotes":  {"attribution source/cue/content on PolNeAR (--polnear FILE.jsonl)", evalQuotes},
		"numbers": {"number and range recognition on the numbers specs (--dir DIR)", evalNumbers},
		"events":  {"event triggers on TimeML files (--tml DIR)", evalEvents},
	}
}

func runEval(env *Env, args []string) error {
	cmds := evalCommands()
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" {
		fmt.Fprintln(env.Stderr, "Usage: sitrep eval SCORER [flags]\n\nScorers:")
		names := make([]string, 0, len(cmds))
		for n := range cmds {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			fmt.Fprintf(env.Stderr, "  %-8s %s\n", n, cmds[n].summary)
		}
		if len(args) == 0 {
			return errUsage
		}
		return errHelp
	}
	c, ok := cmds[args[0]]
	if !ok {
		fmt.Fprintf(env.Stderr, "sitrep eval: unknown scorer %q\n", args[0])
		return errUsage
	}
	return c.run(env, args[1:])
}
