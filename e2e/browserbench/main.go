// Command browserbench measures the playground in headless Chromium and
// prints Markdown tables for BENCHMARKS.md, each figure beside its budget
// from the issue "Performance": the size of each WebAssembly file (brotli
// computed here), the bytes on the wire per asset of a cold load, cold load
// to the first diagram and to interactive, trace click to verdict and to the
// trace diagram, re-layout after an edit of generated topologies, the
// longest main-thread task during each, and the render worker's layout time
// against a peer, @hpcc-js/wasm-graphviz, rendering the same DOT in the same
// browser.
//
// Run it from the repository root after `make build`: `make bench-browser`
// also installs the peer into e2e/peer/node_modules (never shipped with the
// site). It stops by itself: every step has a time limit, and the whole run
// one (-timeout).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"runtime"
	"time"

	"privatelink-playground/app/server"
)

func main() {
	runs := flag.Int("runs", 5, "measurements per figure (the median is reported; at least 5)")
	timeout := flag.Duration("timeout", 20*time.Minute, "time limit of the whole run")
	flag.Parse()
	if *runs < 5 {
		fmt.Fprintln(os.Stderr, "browserbench: -runs must be at least 5")
		os.Exit(2)
	}
	if err := run(*runs, *timeout); err != nil {
		fmt.Fprintln(os.Stderr, "browserbench:", err)
		os.Exit(1)
	}
}

func run(runs int, timeout time.Duration) error {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	peer, err := findPeer()
	if err != nil {
		return err
	}
	srv, err := server.New(ctx, server.Config{Dir: "."})
	if err != nil {
		return err
	}
	st := newSite(srv, peer)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	hs := &http.Server{Handler: st, ReadHeaderTimeout: 10 * time.Second}
	go hs.Serve(ln)
	defer hs.Close()
	base := "http://" + ln.Addr().String()

	fmt.Printf("Machine: %s/%s, %d cores, %s; date %s. Medians of %d runs unless a row says otherwise.\n\n",
		runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), chromiumVersion(ctx), time.Now().UTC().Format("2006-01-02"), runs)
	var budgets checks
	steps := []struct {
		name string
		do   func() error
	}{
		{"sizes", func() error { return printSizes(&budgets) }},
		{"cold loads", func() error { return printColdLoads(ctx, base, st, runs, &budgets) }},
		{"trace", func() error { return printTraces(ctx, base, st, runs, &budgets) }},
		{"re-layout", func() error { return printRelayouts(ctx, base, runs, &budgets) }},
		{"layout against the peer", func() error { return printLayouts(ctx, base, peer, runs, &budgets) }},
	}
	for _, s := range steps {
		if err := s.do(); err != nil {
			if errors.Is(ctx.Err(), context.DeadlineExceeded) {
				return fmt.Errorf("%s: the run took longer than -timeout %s: %w", s.name, timeout, err)
			}
			return fmt.Errorf("%s: %w", s.name, err)
		}
	}
	budgets.print()
	return nil
}
