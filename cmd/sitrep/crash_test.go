package main

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/sitrep-news/sitrep/sqlite"
	"github.com/sitrep-news/sitrep/storetest"
)

// TestMain lets the test binary stand in for the sitrep binary: with
// SITREP_TEST_AS_MAIN set it runs the command line it was given.
func TestMain(m *testing.M) {
	if os.Getenv("SITREP_TEST_AS_MAIN") == "1" {
		env := &Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv}
		os.Exit(run(env, os.Args[1:]))
	}
	os.Exit(m.Run())
}

// TestIngestKilledMidwayLeavesConsistentStore kills `sitrep ingest` with
// SIGKILL while it writes, then checks that every stored document is whole
// and that running the same ingest again completes the store.
func TestIngestKilledMidwayLeavesConsistentStore(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	src, err := os.Open("../../../shared/eval/news/reuters21578.jsonl")
	if err != nil {
		t.Skip("Reuters corpus not present")
	}
	defer src.Close()
	dir := t.TempDir()
	batch := filepath.Join(dir, "batch.jsonl")
	out, _ := os.Create(batch)
	sc := bufio.NewScanner(src)
	sc.Buffer(nil, 1<<24)
	const n = 3000
	for i := 0; i < n && sc.Scan(); i++ {
		out.Write(sc.Bytes())
		out.Write([]byte("\n"))
	}
	out.Close()
	db := filepath.Join(dir, "s.db")

	cmd := exec.Command(os.Args[0], "ingest", "--db", db, "--quiet", batch)
	cmd.Env = append(os.Environ(), "SITREP_TEST_AS_MAIN=1")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Kill it once some documents are in, well before all of them.
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		time.Sleep(200 * time.Millisecond)
		if st, err := os.Stat(db); err == nil && st.Size() > 1<<20 {
			break
		}
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()

	s, err := sqlite.Open(db)
	if err != nil {
		t.Fatalf("store unusable after SIGKILL: %v", err)
	}
	partial := storetest.CheckConsistent(t, s)
	s.Close()
	if partial >= n {
		t.Skipf("ingest finished before it could be killed (%d documents)", partial)
	}
	t.Logf("%d documents stored before the kill", partial)

	code, _, errOut := runCmd(t, "", "ingest", "--db", db, "--quiet", batch)
	if code != 0 {
		t.Fatalf("rerun failed: %s", errOut)
	}
	s, err = sqlite.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	full := storetest.CheckConsistent(t, s)
	if full <= partial {
		t.Errorf("rerun added nothing: %d then %d documents", partial, full)
	}
	// Identical texts count once: the rerun must reach the same count as a
	// clean ingest of the batch.
	clean := filepath.Join(dir, "clean.db")
	runCmd(t, "", "ingest", "--db", clean, "--quiet", batch)
	c, err := sqlite.Open(clean)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	st1, _ := s.Stats(t.Context())
	st2, _ := c.Stats(t.Context())
	if st1 != st2 {
		t.Errorf("killed-and-rerun store %+v differs from a clean ingest %+v", st1, st2)
	}
}
