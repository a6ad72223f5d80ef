package sqlite_test

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/sitrep-news/sitrep/sqlite"
	"github.com/sitrep-news/sitrep/storetest"
)

// writerEnv names the store file the helper process writes to.
const writerEnv = "SITREP_TEST_CRASH_WRITER"

// TestHelperWriter is not a test: run by TestCrash in a child process, it
// puts synthetic documents into the store named by $SITREP_TEST_CRASH_WRITER
// until it is killed, printing the number of each document it put.
func TestHelperWriter(t *testing.T) {
	path := os.Getenv(writerEnv)
	if path == "" {
		t.Skip("helper process for TestCrash")
	}
	start, _ := strconv.Atoi(os.Getenv(writerEnv + "_START"))
	db, err := sqlite.Open(path)
	if err != nil {
		fmt.Println("error", err)
		os.Exit(2)
	}
	for i := start; ; i++ {
		if _, err := db.Put(context.Background(), storetest.Synthetic(i)); err != nil {
			fmt.Println("error", err)
			os.Exit(2)
		}
		fmt.Println("put", i)
	}
}

// TestCrash kills writers with SIGKILL in the middle of their work, then
// checks that the store holds only whole documents, that every document a
// writer reported as put is there, and that putting the same documents
// again completes the store.
func TestCrash(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no SIGKILL")
	}
	path := filepath.Join(t.TempDir(), "crash.db")
	const rounds, writers = 3, 2
	type span struct{ start, last int } // documents start..last reported put
	var spans []span
	for round := range rounds {
		// Two writers at once, killed at different moments: one dies
		// holding the write lock, or half-way through a transaction.
		var cmds []*exec.Cmd
		var lines []chan int
		for w := range writers {
			start := (round*writers + w) * 1000
			cmd := exec.Command(os.Args[0], "-test.run=^TestHelperWriter$", "-test.count=1")
			cmd.Env = append(os.Environ(), writerEnv+"="+path, fmt.Sprintf("%s_START=%d", writerEnv, start))
			out, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			cmd.Stderr = os.Stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			ch := make(chan int, 1<<16)
			go func() {
				sc := bufio.NewScanner(out)
				for sc.Scan() {
					if n, ok := strings.CutPrefix(sc.Text(), "put "); ok {
						i, _ := strconv.Atoi(n)
						ch <- i
					} else if !strings.HasPrefix(sc.Text(), "=== RUN") {
						t.Errorf("writer: %s", sc.Text())
					}
				}
				close(ch)
			}()
			cmds = append(cmds, cmd)
			lines = append(lines, ch)
			spans = append(spans, span{start, start - 1})
		}
		sp := spans[len(spans)-writers:]
		// Let the first writer put some documents, then kill both.
		deadline := time.After(30 * time.Second)
	wait:
		for n := 0; n < 20+round*7; n++ {
			select {
			case i, ok := <-lines[0]:
				if !ok {
					break wait
				}
				sp[0].last = i
			case <-deadline:
				break wait
			}
		}
		cmds[0].Process.Signal(syscall.SIGKILL)
		time.Sleep(time.Duration(1+round) * time.Millisecond)
		cmds[1].Process.Signal(syscall.SIGKILL)
		for w, cmd := range cmds {
			cmd.Wait()
			for i := range lines[w] {
				sp[w].last = i
			}
		}
		if sp[0].last < sp[0].start {
			t.Fatalf("round %d: the writer put nothing", round)
		}
		checkFile(t, path)
	}

	db, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	before := storetest.CheckConsistent(t, db)
	// Every reported document is stored; re-putting it creates nothing.
	// The one each writer had in flight may or may not be: re-putting
	// completes it.
	want := 0
	for _, sp := range spans {
		for i := sp.start; i <= sp.last+1; i++ {
			res, err := db.Put(ctx, storetest.Synthetic(i))
			if err != nil {
				t.Fatal(err)
			}
			if res.Created && i <= sp.last {
				t.Errorf("document %d was reported put but was not stored", i)
			}
			want++
		}
	}
	after := storetest.CheckConsistent(t, db)
	if after != want {
		t.Errorf("%d documents after re-putting, want %d", after, want)
	}
	t.Logf("%d writers killed; %d documents survived, %d after re-putting", len(spans), before, after)
}

// checkFile runs SQLite's own checks on the file: page structure, foreign
// keys, and the full-text index against its content.
func checkFile(t *testing.T, path string) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(10000)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var res string
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&res); err != nil || res != "ok" {
		t.Fatalf("integrity_check = %q, %v", res, err)
	}
	rows, err := db.Query("PRAGMA foreign_key_check")
	if err != nil {
		t.Fatal(err)
	}
	if rows.Next() {
		t.Errorf("foreign_key_check found orphan rows")
	}
	rows.Close()
	if _, err := db.Exec("INSERT INTO documents_fts (documents_fts) VALUES ('integrity-check')"); err != nil {
		t.Errorf("full-text index integrity-check: %v", err)
	}
	for _, table := range []string{"documents", "entities", "mentions", "events", "quotes", "quantities", "timexes"} {
		var n, counted int
		if err := db.QueryRow("SELECT COUNT(*) FROM " + table).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if err := db.QueryRow("SELECT COALESCE((SELECT n FROM counts WHERE name = ?), 0)", table).Scan(&counted); err != nil {
			t.Fatal(err)
		}
		if n != counted {
			t.Errorf("%s holds %d rows, its count says %d", table, n, counted)
		}
	}
	var orphans int
	if err := db.QueryRow("SELECT COUNT(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM analyses a WHERE a.doc = d.seq)").Scan(&orphans); err != nil || orphans != 0 {
		t.Errorf("%d documents without their analysis (%v)", orphans, err)
	}
}
