package main

import (
	"net/http"
	"sort"
	"strings"
	"sync"

	"privatelink-playground/app/server"
)

// peerPath is where the benchmark serves e2e/peer (the peer's worker and its
// npm package), on the site's own origin and under the site's
// Content-Security-Policy. The site never serves it.
const peerPath = "/__peer/"

// site is the playground's server as the benchmark runs it: it counts the
// requests and body bytes the server answers per path (the page's, the
// service worker's and the render worker's alike) and serves the peer.
type site struct {
	next http.Handler
	peer http.Handler

	mu     sync.Mutex
	served map[string]*served
}

// served counts the answers to one path.
type served struct {
	Requests int
	Bytes    int64
	Statuses []int
}

func newSite(srv http.Handler, peer *peer) *site {
	files := http.StripPrefix(peerPath, http.FileServer(http.Dir(peer.dir)))
	return &site{
		next: srv,
		peer: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Security-Policy", server.ContentSecurityPolicy)
			w.Header().Set("X-Content-Type-Options", "nosniff")
			files.ServeHTTP(w, r)
		}),
		served: map[string]*served{},
	}
}

func (s *site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if strings.HasPrefix(r.URL.Path, peerPath) {
		s.peer.ServeHTTP(w, r)
		return
	}
	cw := &countingWriter{ResponseWriter: w, status: http.StatusOK}
	s.next.ServeHTTP(cw, r)
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.served[r.URL.Path]
	if c == nil {
		c = &served{}
		s.served[r.URL.Path] = c
	}
	c.Requests++
	c.Bytes += cw.n
	c.Statuses = append(c.Statuses, cw.status)
}

// reset forgets what was served.
func (s *site) reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.served = map[string]*served{}
}

// snapshot returns what was served since the last reset, by path.
func (s *site) snapshot() map[string]served {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make(map[string]served, len(s.served))
	for p, c := range s.served {
		out[p] = served{Requests: c.Requests, Bytes: c.Bytes, Statuses: append([]int(nil), c.Statuses...)}
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// countingWriter counts the body bytes and keeps the status of an answer.
type countingWriter struct {
	http.ResponseWriter
	n      int64
	status int
}

func (w *countingWriter) WriteHeader(status int) {
	w.status = status
	w.ResponseWriter.WriteHeader(status)
}

func (w *countingWriter) Write(b []byte) (int, error) {
	n, err := w.ResponseWriter.Write(b)
	w.n += int64(n)
	return n, err
}
