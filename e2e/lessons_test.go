package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// selectLesson opens a lesson with the lesson menu.
func selectLesson(p *page, id string) {
	p.t.Helper()
	p.do("opening lesson "+id,
		chromedp.SetValue(chromedp.ID("lesson-select"), id),
		chromedp.Evaluate[chromedp.Void](`document.getElementById("lesson-select").dispatchEvent(new Event("change", {bubbles: true}))`),
	)
}

func TestEveryLessonOpensWithItsDiagramAndVerdicts(t *testing.T) {
	p := openPlayground(t)
	ids := eval[[]string](p, `[...document.querySelectorAll("#lesson-select option")].map(o => o.value)`)
	if len(ids) < 10 {
		t.Fatalf("the lesson menu lists %d lessons, want at least 10", len(ids))
	}
	for _, id := range ids[1:] {
		selectLesson(p, id)
		p.do("waiting for "+id,
			chromedp.WaitVisible(chromedp.CSS(`#topology svg`)),
			chromedp.WaitNotPresent(chromedp.CSS(`#topology[aria-busy="true"]`)),
		)
		if n := eval[int](p, `document.querySelectorAll(".trace-list .verdict").length`); n == 0 {
			t.Errorf("lesson %s shows no saved trace verdicts", id)
		}
		if n := eval[int](p, `document.querySelectorAll(".trace-list .expected").length`); n != 0 {
			t.Errorf("lesson %s: %d saved traces differ from the verdicts the lesson expects", id, n)
		}
		if eval[string](p, `document.getElementById("challenge-state")?.textContent || ""`) == "" {
			t.Errorf("lesson %s shows no challenge", id)
		}
	}
	// Every lesson's diagram came prerendered: Graphviz never had to start.
	if n := eval[int](p, `performance.getEntriesByType("resource").filter(e => e.name.endsWith("/web/graphviz.wasm")).length`); n != 0 {
		t.Errorf("opening the built-in lessons loaded graphviz.wasm %d times; their layouts are prerendered", n)
	}
	p.assertNoProblems()
}

func TestSolvingTheDefaultLessonsChallenge(t *testing.T) {
	p := openPlayground(t)
	p.do("waiting for the challenge", chromedp.WaitVisible(chromedp.ID("challenge")))
	if got := eval[string](p, `document.getElementById("challenge-state").textContent`); got != "not solved yet" {
		t.Fatalf("challenge state = %q as shipped", got)
	}
	// Associate rtb-public with the gateway endpoint (GW-01): i-public then
	// reaches the bucket through it, and the bucket policy allows it.
	p.do("editing the endpoint",
		chromedp.Click(chromedp.CSS(`.resource[data-id="vpce-1a2b3c4d"] button`)),
		chromedp.WaitVisible(chromedp.CSS(`.inspector[data-resource="vpce-1a2b3c4d"]`)),
		chromedp.SetValue(chromedp.ID("resource-json"), `{"id": "vpce-1a2b3c4d", "vpcEndpointType": "Gateway", "serviceName": "com.amazonaws.us-east-1.s3", "routeTableIds": ["rtb-private", "rtb-public"]}`),
		chromedp.Evaluate[chromedp.Void](`document.getElementById("resource-json").dispatchEvent(new Event("input", {bubbles: true}))`),
		chromedp.WaitVisible(chromedp.CSS(".draft-ok")),
		chromedp.Click(chromedp.ID("apply-json")),
		chromedp.WaitVisible(chromedp.CSS("#challenge.solved")),
	)
	if got := eval[string](p, `document.getElementById("challenge-state").textContent`); got != "★ solved" {
		t.Errorf("challenge state = %q after the fix", got)
	}
	// The saved trace from i-public now differs from what the lesson expects.
	if n := eval[int](p, `document.querySelectorAll(".trace-list .expected").length`); n != 1 {
		t.Errorf("%d saved traces marked as differing from the lesson, want 1", n)
	}
	p.assertNoProblems()
}

func TestTheTraceFormFollowsTheSavedTraceOnShow(t *testing.T) {
	p := openPlayground(t)
	p.do("waiting for the form", chromedp.WaitVisible(chromedp.ID("trace-action")))
	if got := eval[string](p, `document.getElementById("trace-action").value`); got != "s3:GetObject" {
		t.Fatalf("action of the default lesson's first trace = %q", got)
	}
	selectLesson(p, "endpoint-service-acceptance")
	p.do("waiting for the lesson", chromedp.WaitVisible(chromedp.CSS(`.trace-item.selected[data-index="0"]`)))
	if got := eval[string](p, `document.getElementById("trace-to").value`); got != "api.partner.example" {
		t.Errorf("to = %q, want the new lesson's first saved trace", got)
	}
	if got := eval[string](p, `document.getElementById("trace-action").value`); got != "" {
		t.Errorf("action = %q, want empty as in the saved trace", got)
	}
	p.assertNoProblems()
}
