package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
	"time"

	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/web"
)

const serveUsage = `serve [--addr 127.0.0.1:8080] [--db PATH|URL] [--write-token TOKEN] [--concurrency N]

Serves the web UI (the story's timeline, the brief, entities, figures,
quotes, forecasts, search, each article annotated, and a page to analyse a
pasted article) and the JSON API under /api/v1/ (described at
/api/v1/openapi.json) over the store.

The server listens on the loopback interface unless --addr names another.
It is read-only unless it has a write token (--write-token, else
$SITREP_WRITE_TOKEN): then POST /api/v1/documents stores documents for
requests bearing "Authorization: Bearer TOKEN".

Requests that must read the store wait their turn, first come first
served, --concurrency at a time (default: the number of CPUs); raise it
for a PostgreSQL server on another machine. Unless GOGC is set, the server
runs its garbage collector less often than Go's default (GOGC=400): it
trades some memory for less CPU per request.

Flags:`

func runServe(env *Env, args []string) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return serve(ctx, env, args, nil)
}

// serve runs the server until ctx ends; ready, when set, is told the
// address it listens on.
func serve(ctx context.Context, env *Env, args []string, ready func(addr string)) error {
	fs := newFlags(env, "serve", serveUsage)
	addr := fs.String("addr", "127.0.0.1:8080", "listen on `HOST:PORT`")
	db := dbFlag(fs)
	token := fs.String("write-token", "", "allow storing documents for requests bearing `TOKEN` (default $SITREP_WRITE_TOKEN)")
	concurrency := fs.Int("concurrency", 0, "read the store for at most `N` requests at once (0: the number of CPUs)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return sitrep.Errorf(sitrep.EINVALID, "", "serve takes no arguments")
	}
	if *token == "" {
		*token = env.Getenv("SITREP_WRITE_TOKEN")
	}
	if *concurrency < 0 {
		return sitrep.Errorf(sitrep.EINVALID, "--concurrency", "must be 0 or more, not %d", *concurrency)
	}
	if *token != "" && len(*token) < 16 {
		return sitrep.Errorf(sitrep.EINVALID, "--write-token", "too short: use at least 16 characters")
	}
	st, err := openStore(env, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	srv := web.New(st, nil)
	srv.WriteToken = *token
	srv.Concurrency = *concurrency
	if env.Getenv("GOGC") == "" {
		defer debug.SetGCPercent(debug.SetGCPercent(web.GCPercent))
	}
	hs := srv.HTTPServer(*addr)
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return sitrep.Errorf(sitrep.EINVALID, *addr, "cannot listen: %v", err)
	}
	mode := "read-only"
	if *token != "" {
		mode = "writes allowed with the token"
	}
	fmt.Fprintf(env.Stderr, "sitrep serving on http://%s/ (%s); Ctrl+C stops\n", ln.Addr(), mode)
	if ready != nil {
		ready(ln.Addr().String())
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		if !errors.Is(err, http.ErrServerClosed) {
			return err
		}
		return nil
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return hs.Shutdown(shutdown)
}
