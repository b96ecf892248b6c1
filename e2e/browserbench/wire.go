package main

import (
	"fmt"
	"net/url"
	"strings"
	"sync"

	"github.com/chromedp/cdproto/network"
)

// wire records the page's requests from the protocol's Network events:
// per URL, the status and the bytes received (encodedDataLength: headers
// and the body as sent, compressed or not). Requests of the service worker
// and of dedicated workers are other targets; the server's counts
// (site.served) see them.
type wire struct {
	mu       sync.Mutex
	requests map[network.RequestID]*wireRequest
}

type wireRequest struct {
	URL, Type string
	Encoding  string // Content-Encoding of the response
	Status    int64
	Bytes     float64
	Done      bool
	Failed    string
}

func newWire() *wire { return &wire{requests: map[network.RequestID]*wireRequest{}} }

// listen is a chromedp.Listen func: it runs in the tab's event loop.
func (w *wire) listen(ev any) {
	w.mu.Lock()
	defer w.mu.Unlock()
	get := func(id network.RequestID) *wireRequest {
		r := w.requests[id]
		if r == nil {
			r = &wireRequest{}
			w.requests[id] = r
		}
		return r
	}
	switch ev := ev.(type) {
	case *network.EventRequestWillBeSent:
		r := get(ev.RequestID)
		r.URL, r.Type = ev.Request.URL, string(ev.Type)
	case *network.EventResponseReceived:
		r := get(ev.RequestID)
		r.Status = ev.Response.Status
		for k, v := range ev.Response.Headers {
			if strings.EqualFold(k, "Content-Encoding") {
				r.Encoding = fmt.Sprint(v)
			}
		}
		if r.URL == "" {
			r.URL = ev.Response.URL
		}
	case *network.EventLoadingFinished:
		r := get(ev.RequestID)
		r.Bytes, r.Done = ev.EncodedDataLength, true
	case *network.EventLoadingFailed:
		get(ev.RequestID).Failed = ev.ErrorText
	}
}

// asset is one path's requests on a cold load.
type asset struct {
	Path, Type string
	Encoding   string
	Requests   int
	Bytes      float64 // on the wire, from the page's Network events
	Statuses   []string
}

// byPath sums the page's requests per path of the site (query and fragment
// dropped; data: and other origins' URLs kept whole).
func (w *wire) byPath(base string) map[string]*asset {
	w.mu.Lock()
	defer w.mu.Unlock()
	out := map[string]*asset{}
	for _, r := range w.requests {
		if r.URL == "" || strings.HasPrefix(r.URL, "data:") {
			continue
		}
		path := r.URL
		if strings.HasPrefix(r.URL, base) {
			if u, err := url.Parse(r.URL); err == nil {
				path = u.Path
			}
		}
		a := out[path]
		if a == nil {
			a = &asset{Path: path, Type: r.Type}
			out[path] = a
		}
		a.Requests++
		a.Bytes += r.Bytes
		if r.Encoding != "" {
			a.Encoding = r.Encoding
		}
		switch {
		case r.Failed != "":
			a.Statuses = append(a.Statuses, "failed: "+r.Failed)
		case !r.Done:
			a.Statuses = append(a.Statuses, "unfinished")
		default:
			a.Statuses = append(a.Statuses, fmt.Sprint(r.Status))
		}
	}
	return out
}

// printWire writes the bytes per asset of one cold load: the page's own
// requests (CDP) beside every request the server answered (the service
// worker's included).
func printWire(base string, page map[string]*asset, server map[string]served) {
	paths := map[string]bool{}
	for p := range page {
		paths[p] = true
	}
	for p := range server {
		paths[p] = true
	}
	fmt.Println("| asset, cold load of the default lesson (first run) | type | page requests (status) | content-encoding | on the wire, page (CDP encodedDataLength) | server: requests (statuses), body bytes |")
	fmt.Println("|---|---|---|---|---:|---:|")
	var totalPage float64
	var totalServer int64
	for _, p := range sortedKeys(paths) {
		a, s := page[p], server[p]
		typ, reqs, enc, bytes := "—", "—", "—", "—"
		if a != nil {
			typ = a.Type
			if a.Encoding != "" {
				enc = a.Encoding
			}
			reqs = fmt.Sprintf("%d (%s)", a.Requests, strings.Join(a.Statuses, ", "))
			bytes = kib(int64(a.Bytes))
			totalPage += a.Bytes
		}
		srv := "—"
		if s.Requests > 0 {
			srv = fmt.Sprintf("%d (%s), %s", s.Requests, statusList(s.Statuses), kib(s.Bytes))
			totalServer += s.Bytes
		}
		fmt.Printf("| %s | %s | %s | %s | %s | %s |\n", p, typ, reqs, enc, bytes, srv)
	}
	fmt.Printf("| **total** | | | | **%s** | **%s** |\n\n", kib(int64(totalPage)), kib(totalServer))
	fmt.Println("The page's column counts what the page itself requested; the server's column also counts the service worker's install (go-app precaches the site; `304` answers carry no body).")
	fmt.Println()
}

func statusList(statuses []int) string {
	parts := make([]string, len(statuses))
	for i, s := range statuses {
		parts[i] = fmt.Sprint(s)
	}
	return strings.Join(parts, ", ")
}
