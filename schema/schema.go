// Package schema embeds the JSON Schemas of sitrep's public JSON outputs, so
// the binary can serve them and tests can validate real output against them.
package schema

import _ "embed"

// Analysis is the JSON Schema (draft 2020-12) of one document's analysis, as
// printed by `sitrep analyze --json` and each line of `--jsonl` output.
//
//go:embed analysis.schema.json
var Analysis []byte
