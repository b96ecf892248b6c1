package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"privatelink-playground/app/graphviz"
	"privatelink-playground/engine"
	"privatelink-playground/engine/diagram"
	"privatelink-playground/engine/lessons"
)

// openPlayground loads the page and waits for the WebAssembly to start (go-app
// removes its loader) and for the topology diagram to be drawn.
func openPlayground(t *testing.T) *page {
	t.Helper()
	p := newPage(t, 60*time.Second)
	p.do("loading the playground",
		chromedp.Navigate(baseURL+"/"),
		chromedp.WaitNotPresent(chromedp.ID("app-wasm-loader")),
		chromedp.WaitVisible(chromedp.CSS("#topology svg")),
	)
	return p
}

func TestDefaultLessonShowsTopology(t *testing.T) {
	p := openPlayground(t)

	for _, id := range []string{"vpc-0a1b2c3d", "subnet-public", "subnet-private"} {
		sel := fmt.Sprintf(`[...document.querySelectorAll("#topology svg g.cluster")].filter(g => g.id === %q).length`, diagram.ElementID(id))
		if n := eval[int](p, sel); n != 1 {
			t.Errorf("cluster for %s: found %d, want 1", id, n)
		}
	}
	text := eval[string](p, `document.querySelector("#topology svg").textContent`)
	for _, name := range []string{"vpce-1a2b3c4d", "i-private", "i-public"} {
		sel := fmt.Sprintf(`[...document.querySelectorAll("#topology svg g.node")].filter(g => g.textContent.includes(%q)).length`, name)
		if n := eval[int](p, sel); n < 1 {
			t.Errorf("no diagram node names %s (diagram text: %.200q)", name, text)
		}
	}
	p.assertNoProblems()
}

func TestDiagramIsInThePrerenderedPage(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	// Before any script runs, only the server's HTML is there: the diagram must be in it.
	html, err := fetchPage(ctx, baseURL+"/")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<svg", diagram.ElementID("vpc-0a1b2c3d"), "vpce-1a2b3c4d", "data-dot-hash"} {
		if !contains(html, want) {
			t.Errorf("prerendered page lacks %q", want)
		}
	}
}

func TestWorkerLayoutMatchesNativeLayout(t *testing.T) {
	p := openPlayground(t)

	s, err := engine.Decode(lessons.Default().Scenario)
	if err != nil {
		t.Fatal(err)
	}
	dot := diagram.Topology(s)
	r, err := graphviz.NewRenderer(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	native, err := r.SVG(context.Background(), dot)
	if err != nil {
		t.Fatal(err)
	}
	arg, _ := json.Marshal(dot)
	browser := eval[string](p, fmt.Sprintf(`plLayout(%s, () => {})`, arg))
	if browser != native {
		t.Errorf("the render worker's SVG differs from the native layout (%d vs %d bytes)", len(browser), len(native))
	}
	p.assertNoProblems()
}

func TestWorkerReportsGraphvizErrors(t *testing.T) {
	p := openPlayground(t)
	msg := eval[string](p, `plLayout("digraph { a -> }", () => {}).then(() => "no error", e => e.message)`)
	if !contains(msg, "syntax error") {
		t.Errorf("a DOT syntax error gave %q, want Graphviz's syntax error", msg)
	}
	// The worker keeps working after an error.
	svg := eval[string](p, `plLayout("digraph { a -> b }", () => {})`)
	if !contains(svg, "<svg") {
		t.Errorf("layout after an error gave %.80q", svg)
	}
}

func TestSavedTracesShowVerdictsComputedInTheBrowser(t *testing.T) {
	p := openPlayground(t)
	p.do("waiting for the saved traces", chromedp.WaitVisible(chromedp.CSS(".trace-list .verdict")))
	got := eval[[]string](p, `[...document.querySelectorAll(".trace-list .verdict")].map(e => e.textContent)`)
	want := []string{"✔ allowed", "✖ denied", "⛔ unreachable"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("saved trace verdicts = %q, want %q", got, want)
	}
	// Choosing a trace shows its hops, each naming its rule.
	p.do("choosing the second trace", chromedp.Click(chromedp.CSS(`.trace-item[data-index="1"] button`)))
	p.do("waiting for the hops", chromedp.WaitVisible(chromedp.CSS(`.trace-item.selected[data-index="1"]`)))
	last := eval[string](p, `[...document.querySelectorAll(".hops .hop")].pop().textContent`)
	if !contains(last, "resource-policy") || !contains(last, "Allow-access-to-specific-VPCE") {
		t.Errorf("last hop of the denied trace = %q, want the bucket policy's statement", last)
	}
	p.assertNoProblems()
}
