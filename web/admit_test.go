package web

import (
	"context"
	"fmt"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	sitrep "github.com/sitrep-news/sitrep"
)

// waitFor polls cond until it holds or a few seconds pass.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); !cond(); time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
	}
}

// TestFIFOOrder: places are granted in the order they were asked for, and
// a waiter that gives up leaves no place lost.
func TestFIFOOrder(t *testing.T) {
	q := newFIFO(1)
	ctx := context.Background()
	if err := q.acquire(ctx); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var order []int
	var wg sync.WaitGroup
	cctx, cancel := context.WithCancel(ctx)
	for i := range 6 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := ctx
			if i == 2 {
				c = cctx // gives up while waiting
			}
			if err := q.acquire(c); err != nil {
				return
			}
			mu.Lock()
			order = append(order, i)
			mu.Unlock()
			q.release()
		}()
		waitFor(t, fmt.Sprintf("waiter %d queued", i), func() bool { return q.waiting() == i+1 })
	}
	cancel()
	waitFor(t, "waiter 2 gone", func() bool { return q.waiting() == 5 })
	q.release()
	wg.Wait()
	if fmt.Sprint(order) != "[0 1 3 4 5]" {
		t.Errorf("granted in order %v, want [0 1 3 4 5]", order)
	}
	if q.free != 1 || q.waiting() != 0 {
		t.Errorf("after all released: %d free, %d waiting; want 1, 0", q.free, q.waiting())
	}
}

// countingStore counts the Documents queries in flight, and blocks
// Search (which a brief about a query runs) until unblock is closed.
type countingStore struct {
	sitrep.Store
	docs             int
	running, maxSeen atomic.Int32
	searching        atomic.Int32
	unblock          chan struct{}
}

func (c *countingStore) Stats(ctx context.Context) (sitrep.StoreStats, error) {
	return sitrep.StoreStats{Documents: c.docs}, nil
}

func (c *countingStore) Documents(ctx context.Context, f sitrep.DocumentFilter) ([]sitrep.Document, error) {
	n := c.running.Add(1)
	defer c.running.Add(-1)
	for {
		m := c.maxSeen.Load()
		if n <= m || c.maxSeen.CompareAndSwap(m, n) {
			break
		}
	}
	time.Sleep(2 * time.Millisecond)
	return []sitrep.Document{}, nil
}

func (c *countingStore) Search(ctx context.Context, q string, limit int) ([]sitrep.SearchResult, error) {
	c.searching.Add(1)
	select {
	case <-c.unblock:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	return []sitrep.SearchResult{}, nil
}

// TestAdmission: no more than Concurrency requests read the store at
// once, and requests waiting for a heavy slot (a brief on a large store)
// hold up none of the others.
func TestAdmission(t *testing.T) {
	st := &countingStore{Store: openStore(t), docs: 10 * WindowDocs, unblock: make(chan struct{})}
	s := New(st, sharedAnalyzer())
	s.Concurrency = 1
	var wg sync.WaitGroup
	for i := range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if w := get(t, s, fmt.Sprintf("/api/v1/documents?offset=%d", i)); w.Code != http.StatusOK {
				t.Errorf("documents: %d %s", w.Code, w.Body)
			}
		}()
	}
	wg.Wait()
	if m := st.maxSeen.Load(); m != 1 {
		t.Errorf("%d document listings at once with Concurrency 1", m)
	}

	// Briefs take both heavy slots and a third waits for one; a
	// listing still goes through.
	briefs := make(chan int, 3)
	for i := range 3 {
		go func() { briefs <- get(t, s, fmt.Sprintf("/api/v1/brief?q=troops%d", i)).Code }()
	}
	waitFor(t, "two briefs searching", func() bool { return st.searching.Load() == 2 })
	done := make(chan int)
	go func() { done <- get(t, s, "/api/v1/documents?offset=99").Code }()
	select {
	case code := <-done:
		if code != http.StatusOK {
			t.Errorf("documents during briefs: %d", code)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("a document listing waited for the briefs")
	}
	close(st.unblock)
	for range 3 {
		if code := <-briefs; code != http.StatusOK {
			t.Errorf("brief: %d", code)
		}
	}
}
