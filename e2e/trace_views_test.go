package e2e

import (
	"slices"
	"testing"

	"github.com/chromedp/chromedp"

	"privatelink-playground/engine"
	"privatelink-playground/engine/lessons"
)

// The hop views filter the recorded trace in the page: the failures view of
// the default lesson's unreachable trace is its failing route alone, with its
// number in the whole trace, and the full view brings every hop back.
func TestHopViewsFilterTheTrace(t *testing.T) {
	s, err := engine.Decode(lessons.Default().Scenario)
	if err != nil {
		t.Fatal(err)
	}
	w, err := engine.Compile(s)
	if err != nil {
		t.Fatal(err)
	}
	traces := w.TraceAll()
	tr := traces[2] // i-private → bucket-west: unreachable
	failures, _ := tr.HopsIn(engine.ViewFailures)
	decisions, _ := traces[0].HopsIn(engine.ViewDecisions) // through the gateway endpoint
	if len(decisions) == len(traces[0].Hops) {
		t.Fatalf("the first saved trace has no hop that only carries the request: %v", decisions)
	}

	p := openPlayground(t)
	p.do("showing the unreachable saved trace",
		chromedp.Click(chromedp.CSS(`.trace-item[data-index="2"] button`)),
		chromedp.WaitVisible(chromedp.CSS(`#trace-verdict.verdict-unreachable`)),
	)
	shown := func() []int {
		return eval[[]int](p, `[...document.querySelectorAll(".trace-result .hops .hop")].map(li => Number(li.dataset.hop))`)
	}
	if got := shown(); len(got) != len(tr.Hops) {
		t.Fatalf("every hop: the page shows %v, the trace has %d hops", got, len(tr.Hops))
	}
	p.do("picking the failures view", chromedp.Click(chromedp.ID("view-failures")),
		chromedp.WaitVisible(chromedp.CSS(`#view-failures[aria-pressed="true"]`)))
	if got := shown(); !slices.Equal(got, failures) {
		t.Errorf("failures view shows hops %v, want %v", got, failures)
	}
	if n := eval[int](p, `Number(document.querySelector(".trace-result .hops .hop").getAttribute("value"))`); n != failures[0]+1 {
		t.Errorf("the failing hop is numbered %d, want %d", n, failures[0]+1)
	}
	p.do("picking the decisions view of the first saved trace",
		chromedp.Click(chromedp.CSS(`.trace-item[data-index="0"] button`)),
		chromedp.WaitVisible(chromedp.CSS(`#trace-verdict.verdict-allowed`)),
		chromedp.Click(chromedp.ID("view-decisions")),
		chromedp.WaitVisible(chromedp.CSS(`#view-decisions[aria-pressed="true"]`)))
	if got := shown(); !slices.Equal(got, decisions) {
		t.Errorf("decisions view shows hops %v, want %v", got, decisions)
	}
	p.do("back to every hop", chromedp.Click(chromedp.ID("view-full")),
		chromedp.WaitVisible(chromedp.CSS(`#view-full[aria-pressed="true"]`)))
	if got := shown(); len(got) != len(traces[0].Hops) {
		t.Errorf("every hop again: the page shows %v", got)
	}
	p.assertNoProblems()
}
