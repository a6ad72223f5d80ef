package web

import (
	"context"
	"net/http"
	"runtime"
	"sync"
)

// Admission. database/sql hands a freed connection to a random waiting
// query, not to the one that has waited longest (sql.DB keeps its waiters
// in a set and takes one at random): with more requests than connections,
// a request may lose that draw many times over and wait far longer than
// the others. The server admits the requests that read the store a few at
// a time instead, first come first served, so that the store's own queue
// stays empty and each request waits about as long as the requests ahead
// of it take. Answers from the response cache skip the queue.

// DefaultConcurrency is how many requests read the store at once when
// Server.Concurrency is 0: one per core, since a store query is CPU work
// (SQLite reads its pages through a memory map). In the load test on 2
// idle cores (BenchmarkAPILoad/mixed) that gave a p99 of about 40 ms
// against about 50 ms with 1; on 2 cores that other processes kept busy, 1
// did better. A store on another machine (PostgreSQL) may want more than
// one per core.
func DefaultConcurrency() int { return runtime.GOMAXPROCS(0) }

// fifo is a counting semaphore that grants its places in the order they
// were asked for.
type fifo struct {
	mu      sync.Mutex
	free    int
	waiters []chan struct{}
}

func newFIFO(n int) *fifo { return &fifo{free: n} }

// acquire waits for a place, or for ctx to end.
func (q *fifo) acquire(ctx context.Context) error {
	q.mu.Lock()
	if q.free > 0 && len(q.waiters) == 0 {
		q.free--
		q.mu.Unlock()
		return nil
	}
	ch := make(chan struct{})
	q.waiters = append(q.waiters, ch)
	q.mu.Unlock()
	select {
	case <-ch:
		return nil
	case <-ctx.Done():
		q.mu.Lock()
		for i, w := range q.waiters {
			if w == ch {
				q.waiters = append(q.waiters[:i], q.waiters[i+1:]...)
				q.mu.Unlock()
				return ctx.Err()
			}
		}
		q.mu.Unlock()
		// Granted meanwhile: pass the place on.
		q.release()
		return ctx.Err()
	}
}

// release gives a place back: to the longest waiter, if any.
func (q *fifo) release() {
	q.mu.Lock()
	defer q.mu.Unlock()
	if len(q.waiters) == 0 {
		q.free++
		return
	}
	ch := q.waiters[0]
	q.waiters[0] = nil
	q.waiters = q.waiters[1:]
	close(ch)
}

// waiting is how many requests wait for a place.
func (q *fifo) waiting() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	return len(q.waiters)
}

type admitKey struct{}

// admission is a request's place among the running ones.
type admission struct {
	once    sync.Once
	release func()
}

// leave gives the place up; later calls do nothing.
func (a *admission) leave() { a.once.Do(a.release) }

// queue returns the server's admission queue.
func (s *Server) queue() *fifo {
	s.admitOnce.Do(func() {
		n := s.Concurrency
		if n <= 0 {
			n = DefaultConcurrency()
		}
		s.admit = newFIFO(n)
	})
	return s.admit
}

// admitted runs h once the request's turn comes; fail answers a request
// whose context ends before then.
func (s *Server) admitted(h http.Handler, fail func(http.ResponseWriter, *http.Request, error)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := s.queue()
		if err := q.acquire(r.Context()); err != nil {
			fail(w, r, err)
			return
		}
		a := &admission{release: q.release}
		defer a.leave()
		h.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), admitKey{}, a)))
	})
}

// leaveAdmission gives up r's place among the running requests, for a
// request about to wait for a heavy slot (see heavy): a few long
// computations must not hold up the many short requests.
func leaveAdmission(r *http.Request) {
	if a, ok := r.Context().Value(admitKey{}).(*admission); ok {
		a.leave()
	}
}
