package main

import (
	"context"
	"fmt"
	"time"

	"github.com/chromedp/chromedp"
)

// settle is how long a cold load is watched after the page is interactive,
// so the service worker's install (go-app precaches the site) is counted.
const settle = 2 * time.Second

// graphvizPath is the render worker's WebAssembly: a cold load of a lesson,
// whose diagrams are prerendered, should not fetch it.
const graphvizPath = "/web/graphviz.wasm"

// coldLoad is one navigation to the default lesson in a fresh browser.
type coldLoad struct {
	Diagram     float64 `json:"diagram"`
	Interactive float64 `json:"interactive"`
	Longest     float64 `json:"longest"`
	LongTasks   bool    `json:"longTasks"`

	page   map[string]*asset
	served map[string]served
}

func loadOnce(ctx context.Context, base string, st *site) (coldLoad, error) {
	w := newWire()
	t, err := newTab(ctx, w.listen)
	if err != nil {
		return coldLoad{}, err
	}
	defer t.close()
	st.reset()
	if err := t.open(base + "/"); err != nil {
		return coldLoad{}, err
	}
	if err := t.do("watching the service worker's install", settle+time.Second, chromedp.Sleep(settle)); err != nil {
		return coldLoad{}, err
	}
	cl, err := eval[coldLoad](t, "reading the load marks", `({
		diagram: __bench.load.diagram, interactive: __bench.load.interactive,
		longest: __bench.longest(0, __bench.load.interactive), longTasks: __bench.longTasks })`)
	if err != nil {
		return coldLoad{}, err
	}
	cl.page, cl.served = w.byPath(base), st.snapshot()
	return cl, nil
}

// printColdLoads writes the cold load table with its budgets, then the bytes
// on the wire per asset of the first load.
func printColdLoads(ctx context.Context, base string, st *site, runs int, budgets *checks) error {
	var loads []coldLoad
	var diagram, interactive, longest []float64
	graphviz := 0
	for i := 0; i < runs; i++ {
		cl, err := loadOnce(ctx, base, st)
		if err != nil {
			return fmt.Errorf("cold load %d: %w", i+1, err)
		}
		loads = append(loads, cl)
		diagram = append(diagram, cl.Diagram)
		interactive = append(interactive, cl.Interactive)
		longest = append(longest, cl.Longest)
		graphviz += cl.served[graphvizPath].Requests
		if a := cl.page[graphvizPath]; a != nil && cl.served[graphvizPath].Requests == 0 {
			graphviz += a.Requests
		}
	}
	d, in := median(diagram), median(interactive)
	fmt.Printf("| default lesson, cold load (fresh profile each run) | median | budget | |\n")
	fmt.Println("|---|---:|---:|---|")
	fmt.Printf("| navigation → first diagram (prerendered in the HTML) | %s | ≤ 300 ms | %s |\n", ms(d),
		budgets.add("cold load → first diagram", "≤ 300 ms", ms(d), d <= 300))
	fmt.Printf("| navigation → interactive (go-app's WebAssembly running) | %s | ≤ 1.0 s | %s |\n", ms(in),
		budgets.add("cold load → interactive", "≤ 1.0 s", ms(in), in <= 1000))
	fmt.Printf("| longest main-thread task before interactive (worst run) | %s | — | |\n", task(maxOf(longest), loads[0].LongTasks))
	fetched := fmt.Sprintf("%d requests in %d loads", graphviz, runs)
	fmt.Printf("| `graphviz.wasm` fetched during the cold load | %s | not fetched | %s |\n\n", fetched,
		budgets.add("`graphviz.wasm` not fetched on a cold load of a lesson (prerendered diagram)", "0 requests", fetched, graphviz == 0))
	printWire(base, loads[0].page, loads[0].served)
	return nil
}
