package main

import (
	"context"
	"fmt"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// marks records, from the start of navigation, when the topology diagram is
// first in the document and when go-app removes its loader (the WebAssembly
// is running).
const marks = `(() => {
  const m = window.__bench = {};
  const check = () => {
    const now = performance.now();
    if (m.diagram === undefined && document.querySelector("#topology svg")) m.diagram = now;
    if (m.interactive === undefined && m.sawLoader && !document.getElementById("app-wasm-loader")) m.interactive = now;
    if (document.getElementById("app-wasm-loader")) m.sawLoader = true;
  };
  new MutationObserver(check).observe(document, {childList: true, subtree: true});
})();`

type loadTimes struct {
	Diagram     float64 `json:"diagram"`
	Interactive float64 `json:"interactive"`
}

func coldLoad(ctx context.Context, base string) (loadTimes, error) {
	bctx, done, err := browser(ctx)
	if err != nil {
		return loadTimes{}, err
	}
	defer done()
	if _, err := chromedp.Call(bctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: marks}); err != nil {
		return loadTimes{}, err
	}
	if err := chromedp.Do(bctx,
		chromedp.Navigate(base+"/"),
		chromedp.WaitNotPresent(chromedp.ID("app-wasm-loader")),
		chromedp.WaitVisible(chromedp.CSS("#topology svg")),
	); err != nil {
		return loadTimes{}, err
	}
	time.Sleep(50 * time.Millisecond)
	return chromedp.Run(bctx, chromedp.Evaluate[loadTimes](`window.__bench`))
}

func printColdLoads(ctx context.Context, base string, runs int) error {
	var diagram, interactive []float64
	for i := 0; i < runs; i++ {
		lt, err := coldLoad(ctx, base)
		if err != nil {
			return fmt.Errorf("cold load %d: %w", i+1, err)
		}
		diagram = append(diagram, lt.Diagram)
		interactive = append(interactive, lt.Interactive)
	}
	fmt.Printf("| default lesson, cold load (median of %d) | ms from navigation |\n", runs)
	fmt.Println("|---|---:|")
	fmt.Printf("| first diagram | %.0f |\n", median(diagram))
	fmt.Printf("| interactive (WebAssembly running) | %.0f |\n\n", median(interactive))
	return nil
}
