package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestServeFlags(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"extra"}, "no arguments"},
		{[]string{"--write-token", "short"}, "too short"},
		{[]string{"--concurrency", "-1"}, "0 or more"},
		{[]string{"--addr", "256.0.0.1:99999"}, "cannot listen"},
	}
	for _, tt := range tests {
		var errb bytes.Buffer
		env := &Env{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: &errb, Getenv: func(string) string { return "" }}
		args := append([]string{"--db", filepath.Join(t.TempDir(), "s.db")}, tt.args...)
		err := serve(context.Background(), env, args, nil)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("serve %v: %v, want an error with %q", tt.args, err, tt.want)
		}
	}
}

// TestServe starts the server on a loopback port, reads the API and stops
// it.
func TestServe(t *testing.T) {
	var errb bytes.Buffer
	env := &Env{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: &errb, Getenv: func(k string) string {
		if k == "SITREP_WRITE_TOKEN" {
			return "0123456789abcdef-token"
		}
		return ""
	}}
	ctx, cancel := context.WithCancel(context.Background())
	addrc := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- serve(ctx, env, []string{"--addr", "127.0.0.1:0", "--db", filepath.Join(t.TempDir(), "s.db")}, func(a string) { addrc <- a })
	}()
	var addr string
	select {
	case addr = <-addrc:
	case err := <-done:
		t.Fatalf("serve: %v", err)
	case <-time.After(20 * time.Second):
		t.Fatal("server did not start")
	}
	resp, err := http.Get("http://" + addr + "/api/v1/stats")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("GET /api/v1/stats: %s", resp.Status)
	}
	// The token from the environment allows storing.
	req, _ := http.NewRequest("POST", "http://"+addr+"/api/v1/documents", strings.NewReader(`{"text":"Troops arrived in Beira on Monday."}`))
	req.Header.Set("Authorization", "Bearer 0123456789abcdef-token")
	if resp, err := http.DefaultClient.Do(req); err != nil {
		t.Fatal(err)
	} else {
		resp.Body.Close()
		if resp.StatusCode != http.StatusCreated {
			t.Errorf("POST /api/v1/documents with the token: %s", resp.Status)
		}
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("serve returned %v after shutdown", err)
	}
	if !strings.Contains(errb.String(), "writes allowed") {
		t.Errorf("stderr: %q", errb.String())
	}
}
