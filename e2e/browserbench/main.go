// Command browserbench measures the playground in headless Chromium and
// prints Markdown tables for BENCHMARKS.md, each figure beside its budget
// from the issue "Performance": the size of each WebAssembly file (brotli
// computed here), the bytes on the wire per asset of a cold load, cold load
// to the first diagram and to interactive, trace click to verdict and to the
// trace diagram, re-layout after an edit of generated topologies, the
// longest main-thread task during each, the render worker's layout time
// against a peer, @hpcc-js/wasm-graphviz, rendering the same DOT in the same
// browser, and the reachability matrix of 1,000 instances × 20 services
// computed natively and in the page.
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
	"slices"
	"strings"
	"time"

	"privatelink-playground/app/server"
)

func main() {
	runs := flag.Int("runs", 5, "measurements per figure (the median is reported; at least 5)")
	timeout := flag.Duration("timeout", 20*time.Minute, "time limit of the whole run")
	only := flag.String("only", "", "comma-separated steps to run (default: all): "+strings.Join(stepNames, ", "))
	flag.Parse()
	if *runs < 5 {
		fmt.Fprintln(os.Stderr, "browserbench: -runs must be at least 5")
		os.Exit(2)
	}
	var selected map[string]bool
	if *only != "" {
		selected = map[string]bool{}
		for _, name := range strings.Split(*only, ",") {
			name = strings.TrimSpace(name)
			if !slices.Contains(stepNames, name) {
				fmt.Fprintf(os.Stderr, "browserbench: -only: no step %q (steps: %s)\n", name, strings.Join(stepNames, ", "))
				os.Exit(2)
			}
			selected[name] = true
		}
	}
	if err := run(*runs, *timeout, selected); err != nil {
		fmt.Fprintln(os.Stderr, "browserbench:", err)
		os.Exit(1)
	}
}

// stepNames are the steps of a run, in order (see -only).
var stepNames = []string{"sizes", "cold loads", "trace", "re-layout", "layout against the peer", "matrix"}

// run runs the steps in selected (nil: all).
func run(runs int, timeout time.Duration, selected map[string]bool) error {
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
		{"matrix", func() error { return printMatrix(ctx, base, runs, &budgets) }},
	}
	for _, s := range steps {
		if selected != nil && !selected[s.name] {
			continue
		}
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
