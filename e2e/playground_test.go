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
	want := []string{"✔ allowed", "✖ denied", "⊘ unreachable"}
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

func TestWorkerReplacesGraphvizPastItsMemoryLimit(t *testing.T) {
	p := openPlayground(t)
	s, err := engine.Decode(lessons.Default().Scenario)
	if err != nil {
		t.Fatal(err)
	}
	arg, _ := json.Marshal(diagram.Topology(s))
	const limit = 768 << 10
	// A worker of its own, spoken to directly (the page's layouts go through
	// its caches), with a low memory limit: Graphviz keeps a little memory
	// of every graph with clusters, so the limit is passed after a few
	// dozen layouts of the lesson.
	type answer struct {
		SVG      bool    `json:"svg"`
		Memory   float64 `json:"memory"`
		Instance int     `json:"instance"`
	}
	answers := eval[[]answer](p, fmt.Sprintf(`(async (dot, limit) => {
		const worker = new Worker("/web/render-worker.js");
		worker.postMessage({ memoryLimit: limit });
		let next = 1;
		const layout = () => new Promise((resolve, reject) => {
			const id = next++;
			worker.onmessage = (event) => {
				const msg = event.data;
				if (msg.id !== id || msg.progress !== undefined) return;
				if (msg.error !== undefined) reject(new Error(msg.error));
				else resolve({ svg: msg.svg.includes("<svg"), memory: msg.memory, instance: msg.instance });
			};
			worker.postMessage({ id, dot });
		});
		const answers = [];
		for (let i = 0; i < 80; i++) answers.push(await layout());
		worker.terminate();
		return answers;
	})(%s, %d)`, arg, limit))
	if len(answers) != 80 {
		t.Fatalf("%d answers, want 80", len(answers))
	}
	instance, renewed := 1, 0
	for i, a := range answers {
		if !a.SVG {
			t.Fatalf("answer %d has no SVG", i+1)
		}
		switch {
		case a.Instance == instance+1 && i > 0 && answers[i-1].Memory > limit:
			instance, renewed = a.Instance, renewed+1
		case a.Instance != instance:
			t.Fatalf("answer %d came from instance %d after instance %d (memory before: %.0f bytes)", i+1, a.Instance, instance, answers[i-1].Memory)
		}
		// One layout of the lesson grows the memory by a page or two.
		if a.Memory > limit+256<<10 {
			t.Errorf("answer %d: Graphviz's memory is %.0f bytes, past the limit of %d", i+1, a.Memory, limit)
		}
	}
	if renewed == 0 {
		t.Errorf("the worker never replaced Graphviz (memory at the last answer: %.0f bytes)", answers[len(answers)-1].Memory)
	}
}
