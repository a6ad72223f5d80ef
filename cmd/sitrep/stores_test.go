package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
)

// pgSchema returns a DSN for a fresh schema on the server named by
// SITREP_TEST_POSTGRES, dropped when the test ends, or skips the test.
func pgSchema(t *testing.T) string {
	dsn := os.Getenv("SITREP_TEST_POSTGRES")
	if dsn == "" {
		t.Skip("SITREP_TEST_POSTGRES names no PostgreSQL server")
	}
	ctx := context.Background()
	c, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatalf("connect: %v", err)
	}
	defer c.Close(ctx)
	b := make([]byte, 6)
	rand.Read(b)
	schema := "sitrep_cli_" + hex.EncodeToString(b)
	if _, err := c.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		c, err := pgx.Connect(ctx, dsn)
		if err == nil {
			c.Exec(ctx, "DROP SCHEMA "+schema+" CASCADE")
			c.Close(ctx)
		}
	})
	u, _ := url.Parse(dsn)
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// TestStoresGiveIdenticalTimelines ingests the demo corpus and the example
// article into SQLite and PostgreSQL and compares what the CLI prints.
func TestStoresGiveIdenticalTimelines(t *testing.T) {
	pg := pgSchema(t)
	lite := filepath.Join(t.TempDir(), "s.db")
	dir := writeDemo(t)
	if b, err := os.ReadFile("../../../shared/examples/kim-troops-russia.txt"); err == nil {
		os.WriteFile(filepath.Join(dir, "kim.txt"), b, 0o644)
	}
	for _, db := range []string{lite, pg} {
		if code, _, errOut := runCmd(t, "", "ingest", "--db", db, dir); code != 0 {
			t.Fatalf("ingest into %s: %s", db, errOut)
		}
	}
	for _, args := range [][]string{{"timeline", "--json"}, {"brief", "--format", "json"}, {"timeline", "--entity", "Beira", "--json"}} {
		_, a, _ := runCmd(t, "", append(args, "--db", lite)...)
		_, b, _ := runCmd(t, "", append(args, "--db", pg)...)
		if a != b {
			al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
			for i := 0; i < len(al) && i < len(bl); i++ {
				if al[i] != bl[i] {
					t.Errorf("%v differs between SQLite and PostgreSQL at line %d:\nsqlite:   %s\npostgres: %s", args, i+1, al[i], bl[i])
					break
				}
			}
			if len(al) != len(bl) {
				t.Errorf("%v: %d lines from SQLite, %d from PostgreSQL", args, len(al), len(bl))
			}
		}
		if len(a) < 10 {
			t.Errorf("%v printed almost nothing: %q", args, a)
		}
	}
}
