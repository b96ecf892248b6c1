package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"

	"github.com/chromedp/chromedp"

	"privatelink-playground/engine/diagram"
)

// peerPackage is the npm package the benchmark compares the render worker
// with; `make bench-browser` installs it into e2e/peer/node_modules.
const peerPackage = "@hpcc-js/wasm-graphviz"

// peer is the installed peer: the folder served under peerPath and the
// package's version.
type peer struct {
	dir, version string
}

// findPeer finds the peer installed in e2e/peer, with its worker script,
// relative to the repository root (the working directory).
func findPeer() (*peer, error) {
	dir := filepath.Join("e2e", "peer")
	b, err := os.ReadFile(filepath.Join(dir, "node_modules", filepath.FromSlash(peerPackage), "package.json"))
	if err != nil {
		return nil, fmt.Errorf("the peer %s is not installed in %s (`make bench-browser` installs it with npm): %w", peerPackage, dir, err)
	}
	var pkg struct{ Version string }
	if err := json.Unmarshal(b, &pkg); err != nil {
		return nil, fmt.Errorf("%s's package.json: %w", peerPackage, err)
	}
	if _, err := os.Stat(filepath.Join(dir, "peer-worker.js")); err != nil {
		return nil, fmt.Errorf("run the benchmark from the repository root: %w", err)
	}
	return &peer{dir: dir, version: pkg.Version}, nil
}

// printLayouts lays the same DOT out with the render worker and with the
// peer in one page, interleaved: the first layout of each (worker start and
// WebAssembly compile included), then warm medians per size and the ratio;
// then the time inside each worker (Graphviz alone).
func printLayouts(ctx context.Context, base string, p *peer, runs int, budgets *checks) error {
	t, err := newTab(ctx, nil)
	if err != nil {
		return err
	}
	defer t.close()
	if err := t.open(base + "/"); err != nil {
		return err
	}
	// Let the page settle first: go-app's service worker installs (it
	// precaches the site) in the seconds after a load, and layouts timed
	// meanwhile share the CPU with it.
	if _, err := eval[bool](t, "waiting for the service worker", `(async () => {
		if (navigator.serviceWorker) await navigator.serviceWorker.ready;
		await new Promise((resolve) => setTimeout(resolve, 500));
		return true;
	})()`); err != nil {
		return err
	}
	if err := t.do("starting the workers", stepLimit,
		chromedp.Evaluate[chromedp.Void](workerClient("__peer", peerPath+"peer-worker.js", "module")),
		chromedp.Evaluate[chromedp.Void](workerClient("__ours", "/web/render-worker.js", "classic")),
	); err != nil {
		return err
	}
	small := diagram.Topology(grid(1, 2))
	first := map[string]layoutTime{}
	for _, who := range []string{"ours", "peer", "direct"} {
		lt, err := timeLayout(t, who, small)
		if err != nil {
			return err
		}
		first[who] = lt
	}
	n := layoutRuns(runs)
	fmt.Printf("| layout of the same DOT in one page, warm (median of %d after %d warm-ups each, interleaved) | ours: render worker, `plLayout(dot)` round trip | peer: %s %s (Graphviz %s) in a module worker, round trip | ratio ours / peer | budget | |\n",
		n, warmUps, peerPackage, p.version, first["peer"].Version)
	fmt.Println("|---|---:|---:|---:|---:|---|")
	fmt.Printf("| first layout: worker start, WebAssembly fetch and compile included (1 × 2, one run) | %s | %s | %.2f | — | |\n",
		ms(first["ours"].MS), ms(first["peer"].MS), first["ours"].MS/first["peer"].MS)
	var inside []string
	for _, size := range sizes {
		dot := diagram.Topology(grid(size[0], size[1]))
		got := map[string][]float64{}
		order := []string{"ours", "peer", "direct", "graphviz shapes"}
		for i := 0; i < warmUps+n; i++ {
			for _, who := range order {
				lt, err := timeLayout(t, who, dot)
				if err != nil {
					return fmt.Errorf("%d × %d: %w", size[0], size[1], err)
				}
				if i >= warmUps {
					got[who] = append(got[who], lt.MS)
					got[who+" inside"] = append(got[who+" inside"], lt.Inside)
				}
			}
			order = append(order[1:], order[0])
		}
		o, th := median(got["ours"]), median(got["peer"])
		ratio := o / th
		label := fmt.Sprintf("%d × %d", size[0], size[1])
		fmt.Printf("| %s (%d VPCs × %d subnets, %d bytes of DOT) | %s | %s | %.2f | ≤ 1.0 | %s |\n",
			label, size[0], size[1], len(dot), ms(o), ms(th), ratio,
			budgets.add("layout ratio ours / peer, "+label, "≤ 1.0", fmt.Sprintf("%.2f", ratio), ratio <= 1.0))
		oi, pi, gi := median(got["direct inside"]), median(got["peer inside"]), median(got["graphviz shapes inside"])
		inside = append(inside, fmt.Sprintf("| %s | %s | %s | %.2f | %s | %.2f |", label, ms(oi), ms(pi), oi/pi, ms(gi), gi/pi))
	}
	fmt.Println()
	fmt.Printf("| inside the worker: DOT → SVG alone (median of %d, same runs) | ours: graphviz.wasm of go-graphviz %s, a second render worker | peer: Graphviz %s | ratio ours / peer | ours with Graphviz writing the shapes (svg-shapes.js off) | its ratio / peer |\n", n, moduleVersion("github.com/goccy/go-graphviz"), first["peer"].Version)
	fmt.Println("|---|---:|---:|---:|---:|---:|")
	for _, row := range inside {
		fmt.Println(row)
	}
	fmt.Println()
	return nil
}

// warmUps is how many rounds of layouts per size the comparison takes
// before timing: the JavaScript and WebAssembly engines compile the hot code
// of each worker in the background during the first layouts.
const warmUps = 5

// layoutRuns is how many layouts per size the comparison takes: layouts
// last milliseconds, so more runs steady the medians at little cost.
func layoutRuns(runs int) int { return 8 * runs }

// moduleVersion is the version of a module this program was built with.
func moduleVersion(path string) string {
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, m := range info.Deps {
			if m.Path == path {
				return m.Version
			}
		}
	}
	return "(unknown version)"
}
