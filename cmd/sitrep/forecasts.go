package main

import (
	"context"
	"fmt"
	"slices"

	"github.com/sitrep-news/sitrep/kb"
)

const forecastsUsage = `forecasts [--open] [--json]

Lists forecasts — what sources expect, promise or threaten (future and
possible events) — with their due dates, settled against later reports:
open, met (a later report says it happened) or overdue (past due, no such
report), as of the newest report in the store.

Flags:`

func runForecasts(env *Env, args []string) error {
	fs := newFlags(env, "forecasts", forecastsUsage)
	db := dbFlag(fs)
	open := fs.Bool("open", false, "only open and overdue forecasts")
	asJSON := fs.Bool("json", false, "print JSON")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	st, err := openStore(env, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	fc, err := kb.ForecastsOf(context.Background(), st)
	if err != nil {
		return err
	}
	if *open {
		fc = slices.DeleteFunc(fc, func(f kb.Forecast) bool { return f.Status == kb.ForecastMet })
	}
	if *asJSON {
		return writeJSON(env.Stdout, fc)
	}
	if len(fc) == 0 {
		fmt.Fprintln(env.Stdout, "No forecasts.")
	}
	for _, f := range fc {
		due := f.Due
		if due == "" {
			due = "no deadline"
		}
		fmt.Fprintf(env.Stdout, "%-8s %-12s %s [%s] — %s %s\n", f.Status, due, f.Text, f.Modality, citeSite(f.Source.Site, f.Source.Title), f.Source.Published)
		if f.Evidence != nil {
			fmt.Fprintf(env.Stdout, "         settled by %s %s: %s\n", citeSite(f.Evidence.Site, f.Evidence.Title), f.Evidence.Published, clip(f.Evidence.Sentence, 160))
		}
	}
	return nil
}
