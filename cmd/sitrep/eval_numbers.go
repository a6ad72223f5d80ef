package main

import (
	"fmt"
	"os"
	"path/filepath"

	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/eval/numbers"
)

const evalNumbersUsage = `eval numbers [--dir DIR] [--misses]

Scores number, range, percent, ordinal, currency and dimension recognition
on the Recognizers-Text English specs and the quantulum3 tests kept in DIR
(default ../shared/eval/numbers). A prediction counts when its span equals
the gold span exactly and its value is equal (see package eval/numbers).`

// evalNumbers scores nlp/quantity's number recognition.
func evalNumbers(env *Env, args []string) error {
	fs := newFlags(env, "eval numbers", evalNumbersUsage)
	dir := fs.String("dir", filepath.Join("..", "shared", "eval", "numbers"), "folder with recognizers-text/ and quantulum3/")
	misses := fs.Bool("misses", false, "print the cases with a wrong or missing prediction")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(*dir, "recognizers-text")); err != nil {
		return sitrep.Errorf(sitrep.ENOTFOUND, *dir, "no recognizers-text/ specs here (give the numbers eval folder with --dir)")
	}
	scores, err := numbers.Run(*dir)
	if err != nil {
		return err
	}
	w := env.Stdout
	fmt.Fprintf(w, "%-36s %6s %6s %6s %7s %7s %7s %7s %8s\n", "spec", "cases", "gold", "pred", "P", "R", "F1", "spanF1", "valueAcc")
	for _, s := range scores {
		fmt.Fprintf(w, "%-36s %6d %6d %6d %7.3f %7.3f %7.3f %7.3f %8.3f\n", s.Name, s.Cases, s.Gold, s.Pred, s.P(), s.R(), s.F1(), s.SpanF1(), s.ValueAcc())
	}
	if *misses {
		for _, s := range scores {
			fmt.Fprintf(w, "\n== %s: %d cases with misses\n", s.Name, len(s.Misses))
			for _, m := range s.Misses {
				fmt.Fprintln(w, "  "+m)
			}
		}
	}
	return nil
}
