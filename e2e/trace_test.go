package e2e

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"privatelink-playground/engine/diagram"
)

func TestTraceFromTheFormHighlightsThePathWithoutNewLayout(t *testing.T) {
	p := openPlayground(t)
	// Mark the laid-out topology: a new layout would replace this element.
	eval[bool](p, `(document.querySelector("#topology svg").dataset.mark = "kept", true)`)

	p.do("tracing from the form",
		chromedp.SetValue(chromedp.ID("trace-from"), "i-private"),
		chromedp.Evaluate[chromedp.Void](`document.getElementById("trace-from").dispatchEvent(new Event("change", {bubbles: true}))`),
		chromedp.SendKeys(chromedp.ID("trace-to"), "app-reports.s3.us-east-1.amazonaws.com"),
		chromedp.SendKeys(chromedp.ID("trace-action"), "s3:PutObject"),
		chromedp.SendKeys(chromedp.ID("trace-resource"), "arn:aws:s3:::app-reports/new.csv"),
		chromedp.Click(chromedp.ID("trace-run")),
		chromedp.WaitVisible(chromedp.CSS("#trace-verdict.verdict-allowed")),
		chromedp.WaitVisible(chromedp.CSS("#trace-diagram svg")),
	)
	if got := eval[string](p, `document.querySelector("#trace-verdict").textContent`); got != "✔ allowed" {
		t.Errorf("verdict = %q", got)
	}
	onPath := eval[[]string](p, `[...document.querySelectorAll("#topology .on-path")].map(e => e.id)`)
	want := map[string]bool{"r-vpce-1a2b3c4d": false, "r-rtb-private": false}
	for _, id := range onPath {
		if _, ok := want[id]; ok {
			want[id] = true
		}
	}
	for id, seen := range want {
		if !seen {
			t.Errorf("%s is not highlighted on the topology (highlighted: %v)", id, onPath)
		}
	}
	if mark := eval[string](p, `document.querySelector("#topology svg").dataset.mark || ""`); mark != "kept" {
		t.Errorf("highlighting the path laid the topology out again")
	}
	rules := eval[int](p, `document.querySelectorAll(".trace-result .hops .hop .rule").length`)
	hops := eval[int](p, `document.querySelectorAll(".trace-result .hops .hop").length`)
	if hops == 0 || rules != hops {
		t.Errorf("%d hops, %d with a rule: every hop names its rule", hops, rules)
	}
	p.assertNoProblems()
}

func TestStepThroughHopsWithButtonsAndArrowKeys(t *testing.T) {
	p := openPlayground(t)
	p.do("waiting for the first saved trace", chromedp.WaitVisible(chromedp.CSS("#trace-verdict")))
	n := eval[int](p, `document.querySelectorAll(".trace-result .hops .hop").length`)
	if n < 3 {
		t.Fatalf("the first saved trace has %d hops", n)
	}
	p.do("stepping forward with the button", chromedp.Click(chromedp.ID("step-next")))
	p.do("waiting for hop 1", chromedp.WaitVisible(chromedp.CSS(`.hop.at-step[data-hop="0"]`)))
	if got := eval[string](p, `document.getElementById("step-label").textContent`); got != fmt.Sprintf("hop 1 of %d", n) {
		t.Errorf("step label = %q", got)
	}
	p.do("stepping forward with the arrow key",
		chromedp.KeyEvent(kb.ArrowRight),
		chromedp.WaitVisible(chromedp.CSS(`.hop.at-step[data-hop="1"]`)),
	)
	if got := eval[int](p, `document.querySelectorAll("#trace-diagram .at-step").length`); got != 1 {
		t.Errorf("the trace diagram marks %d current hops, want 1", got)
	}
	p.do("stepping back with the arrow key",
		chromedp.KeyEvent(kb.ArrowLeft),
		chromedp.WaitVisible(chromedp.CSS(`.hop.at-step[data-hop="0"]`)),
	)
	p.do("showing every hop", chromedp.Click(chromedp.ID("step-all")), chromedp.WaitNotPresent(chromedp.CSS(".hop.at-step")))
	p.assertNoProblems()
}

func TestRuleIDsOpenTheirExplanation(t *testing.T) {
	p := openPlayground(t)
	p.do("opening a rule",
		chromedp.WaitVisible(chromedp.CSS(".trace-result .rule")),
		chromedp.Click(chromedp.CSS(`.trace-result .rule[data-rule="GW-02"]`)),
		chromedp.WaitVisible(chromedp.CSS(".rule-explain")),
	)
	text := eval[string](p, `document.querySelector(".rule-explain").textContent`)
	if !contains(text, "GW-02") || len(text) < 80 {
		t.Errorf("explanation of GW-02 = %q", text)
	}
	p.assertNoProblems()
}

// A trace through an interface endpoint lights up the endpoint's network
// interface that took the request, not its interface in the other subnet.
func TestTraceHighlightsTheEndpointInterfaceUsed(t *testing.T) {
	p := openPlayground(t)
	selectLesson(p, "interface-endpoint-private-dns")
	p.do("showing the first saved trace",
		chromedp.WaitVisible(chromedp.CSS(`.trace-item[data-index="0"] button`)),
		chromedp.Click(chromedp.CSS(`.trace-item[data-index="0"] button`)),
		chromedp.WaitVisible(chromedp.CSS(`#trace-verdict.verdict-allowed`)),
	)
	used, other := diagram.ElementID("vpce-0sqs4e2a/subnet-a"), diagram.ElementID("vpce-0sqs4e2a/subnet-b")
	p.do("waiting for the interface to light up",
		chromedp.WaitVisible(chromedp.CSS(`#topology [id="`+used+`"].on-path`)))
	if n := eval[int](p, fmt.Sprintf(`document.querySelectorAll('#topology [id=%q].on-path').length`, other)); n != 0 {
		t.Errorf("the interface in subnet-b is highlighted too")
	}
	p.assertNoProblems()
}
