package web

import (
	"bytes"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// respCache keeps recent GET responses of the JSON API for a short time,
// so that many readers of one story cost one computation: concurrent
// requests for the same URL wait for the first one's answer (single
// flight), and answers are reused until they expire. Writes through the
// server clear it; writes by other processes (sitrep ingest) show after at
// most the TTL.
type respCache struct {
	ttl time.Duration
	max int

	mu      sync.Mutex
	entries map[string]*cacheEntry
}

type cacheEntry struct {
	ready   chan struct{} // closed when the response is in
	expires time.Time
	status  int
	header  http.Header
	body    []byte
}

func newRespCache(ttl time.Duration, max int) *respCache {
	return &respCache{ttl: ttl, max: max, entries: map[string]*cacheEntry{}}
}

func (c *respCache) clear() {
	c.mu.Lock()
	c.entries = map[string]*cacheEntry{}
	c.mu.Unlock()
}

// serve answers r from the cache, or runs h and keeps its 200 answer.
func (c *respCache) serve(w http.ResponseWriter, r *http.Request, h http.Handler, now time.Time) {
	key := r.URL.RequestURI()
	c.mu.Lock()
	e := c.entries[key]
	if e != nil {
		select {
		case <-e.ready:
			if now.After(e.expires) {
				e = nil // stale: recompute
			}
		default: // in flight: wait for it below
		}
	}
	owner := false
	if e == nil {
		if len(c.entries) >= c.max {
			c.evict(now)
		}
		e = &cacheEntry{ready: make(chan struct{})}
		c.entries[key] = e
		owner = true
	}
	c.mu.Unlock()

	if owner {
		rec := &recorder{header: http.Header{}, status: http.StatusOK}
		func() {
			defer func() {
				if p := recover(); p != nil {
					c.drop(key, e)
					close(e.ready)
					panic(p)
				}
			}()
			h.ServeHTTP(rec, r)
		}()
		e.status, e.header, e.body = rec.status, rec.header, rec.buf.Bytes()
		e.expires = now.Add(c.ttl)
		if rec.status != http.StatusOK {
			c.drop(key, e) // errors are not kept
		}
		close(e.ready)
		for k, v := range rec.header {
			w.Header()[k] = v
		}
		w.Header().Set("X-Cache", "miss")
		w.Header().Set("Content-Length", strconv.Itoa(len(e.body)))
		w.WriteHeader(rec.status)
		w.Write(e.body)
		return
	}
	select {
	case <-e.ready:
	case <-r.Context().Done():
		return
	}
	if e.status != http.StatusOK {
		// The first request failed; answer this one on its own.
		h.ServeHTTP(w, r)
		return
	}
	for k, v := range e.header {
		w.Header()[k] = v
	}
	w.Header().Set("X-Cache", "hit")
	w.Header().Set("Content-Length", strconv.Itoa(len(e.body)))
	w.WriteHeader(e.status)
	w.Write(e.body)
}

func (c *respCache) drop(key string, e *cacheEntry) {
	c.mu.Lock()
	if c.entries[key] == e {
		delete(c.entries, key)
	}
	c.mu.Unlock()
}

// evict removes expired entries, or all finished ones if none expired.
// The caller holds c.mu.
func (c *respCache) evict(now time.Time) {
	n := len(c.entries)
	for k, e := range c.entries {
		select {
		case <-e.ready:
			if now.After(e.expires) {
				delete(c.entries, k)
			}
		default:
		}
	}
	if len(c.entries) < n {
		return
	}
	for k, e := range c.entries {
		select {
		case <-e.ready:
			delete(c.entries, k)
		default:
		}
	}
}

// recorder captures a handler's response.
type recorder struct {
	header http.Header
	status int
	buf    bytes.Buffer
	wrote  bool
}

func (r *recorder) Header() http.Header { return r.header }
func (r *recorder) WriteHeader(code int) {
	if !r.wrote {
		r.status, r.wrote = code, true
	}
}
func (r *recorder) Write(p []byte) (int, error) {
	r.wrote = true
	return r.buf.Write(p)
}
