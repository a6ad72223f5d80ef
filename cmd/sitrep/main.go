// Command sitrep is the one binary of the sitrep news-intelligence engine.
// Each subcommand lives in its own file with its own usage text.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
)

// command is one subcommand: its one-line summary and its entry point.
type command struct {
	summary string
	run     func(env *Env, args []string) error
}

// Env is what a subcommand may touch: its streams and environment, injected
// so commands are testable without a process.
type Env struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Getenv func(string) string
}

func commands() map[string]command {
	return map[string]command{
		"analyze":   {"analyse one document or a JSONL batch and print the analysis", runAnalyze},
		"eval":      {"score the extractors on standard corpora", runEval},
		"train":     {"train a statistical model (ner) from annotated corpora", runTrain},
		"ingest":    {"analyse documents and add them to the store", runIngest},
		"timeline":  {"events across the store in time order, with their sources", runTimeline},
		"brief":     {"a cited brief: why it matters, what to know, what people said, what's next", runBrief},
		"bench":     {"measure throughput (documents/s, MB/s per core) and memory on a JSONL corpus", runBench},
		"entities":  {"entities across the store, most reported first", runEntities},
		"entity":    {"one entity's profile: aliases, roles, events, quotes, figures", runEntity},
		"claims":    {"figures compared across sources and over time, contradictions flagged", runClaims},
		"quotes":    {"attributed statements across the store", runQuotes},
		"forecasts": {"open, met and overdue forecasts with their deadlines", runForecasts},
		"search":    {"full-text search over the stored documents", runSearch},
		"export":    {"export the timeline as JSON, CSV, GeoJSON or iCalendar", runExport},
		"demo":      {"ingest the bundled demo corpus into a fresh store and show its timeline and brief", runDemo},
		"serve":     {"serve the web UI and the JSON API over the store", runServe},
	}
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "sitrep — news intelligence: events, dates, entities, figures and quotes from articles")
	fmt.Fprintln(w, "\nUsage: sitrep COMMAND [flags] [args]\n\nCommands:")
	cmds := commands()
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, cmds[n].summary)
	}
	fmt.Fprintln(w, "\nRun 'sitrep COMMAND --help' for a command's flags.")
}

func main() {
	env := &Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv}
	os.Exit(run(env, os.Args[1:]))
}

// errUsage marks an error already reported with usage text.
var errUsage = errors.New("usage")

// run executes one command line and returns the process exit status:
// 0 success, 1 a failure of the input or the work, 2 a usage error.
func run(env *Env, args []string) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(env.Stdout)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	cmd, ok := commands()[args[0]]
	if !ok {
		fmt.Fprintf(env.Stderr, "sitrep: unknown command %q\n", args[0])
		usage(env.Stderr)
		return 2
	}
	err := cmd.run(env, args[1:])
	switch {
	case err == nil:
		return 0
	case errors.Is(err, errUsage):
		return 2
	case errors.Is(err, errHelp):
		return 0
	}
	fmt.Fprintf(env.Stderr, "sitrep %s: %v\n", args[0], err)
	return 1
}
