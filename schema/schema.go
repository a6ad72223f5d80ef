// Package schema embeds the JSON Schemas (draft 2020-12) of sitrep's public
// JSON outputs, so the binary can serve them and tests can validate real
// output against them.
//
// Each schema's $id is https://sitrep.dev/schema/NAME.schema.json and the
// schemas refer to each other by relative file name (quotes.schema.json
// reuses the quote of analysis.schema.json, most reuse the timeline's
// source), so a validator must be given all of FS. Objects whose Go type is
// closed forbid other properties, so a renamed field fails validation.
package schema

import "embed"

// FS holds every schema, by file name (NAME.schema.json).
//
//go:embed *.schema.json
var FS embed.FS

// BaseURL is the base of the schemas' $id: BaseURL + file name.
const BaseURL = "https://sitrep.dev/schema/"

// Analysis is the JSON Schema of one document's analysis, as printed by
// `sitrep analyze --json` and each line of `--jsonl` output.
//
//go:embed analysis.schema.json
var Analysis []byte

// AnalyzeError is the schema of the line `sitrep analyze --jsonl` writes for
// an input line it cannot analyse: {"id", "error"}.
//
//go:embed analyze-error.schema.json
var AnalyzeError []byte

// Timeline is the schema of `sitrep timeline --json` and
// `sitrep export --format json`: an array of timeline items.
//
//go:embed timeline.schema.json
var Timeline []byte

// Brief is the schema of `sitrep brief --format json`.
//
//go:embed brief.schema.json
var Brief []byte

// Entities is the schema of `sitrep entities --json`.
//
//go:embed entities.schema.json
var Entities []byte

// Entity is the schema of `sitrep entity NAME --json`: an entity's profile.
//
//go:embed entity.schema.json
var Entity []byte

// Claims is the schema of `sitrep claims --json`.
//
//go:embed claims.schema.json
var Claims []byte

// Quotes is the schema of `sitrep quotes --json`.
//
//go:embed quotes.schema.json
var Quotes []byte

// Forecasts is the schema of `sitrep forecasts --json`.
//
//go:embed forecasts.schema.json
var Forecasts []byte

// Search is the schema of `sitrep search WORDS --json`.
//
//go:embed search.schema.json
var Search []byte

// GeoJSON is the schema of `sitrep export --format geojson`.
//
//go:embed geojson.schema.json
var GeoJSON []byte
