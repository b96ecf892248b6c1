package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
)

func TestAcceptingAnEndpointThenAdvancingTheClock(t *testing.T) {
	p := openPlayground(t)
	selectLesson(p, "endpoint-service-acceptance")
	row := `tr[data-endpoint="vpce-0client"]`
	p.do("opening the lifecycle tab",
		chromedp.WaitVisible(chromedp.CSS(`#topology svg`)),
		chromedp.Click(chromedp.ID("tab-lifecycle")),
		chromedp.WaitVisible(chromedp.CSS(row+` .state-PendingAcceptance`)),
	)
	// The waiting endpoint carries no traffic (SVC-07) and the diagram says so.
	if n := eval[int](p, `document.querySelectorAll(".trace-list .verdict-unreachable").length`); n == 0 {
		t.Errorf("no saved trace is unreachable while the endpoint waits for acceptance")
	}
	p.do("accepting the connection",
		chromedp.Click(chromedp.CSS(row+` button.accept`)),
		chromedp.WaitVisible(chromedp.CSS(row+` .state-Pending`)),
		chromedp.WaitVisible(chromedp.CSS(`#event-log .event-state`)),
	)
	p.do("advancing the clock",
		chromedp.Click(chromedp.ID("advance-60")),
		chromedp.WaitVisible(chromedp.CSS(row+` .state-Available`)),
	)
	if got := eval[string](p, `document.getElementById("clock").textContent`); got != "simulated clock: 60 s" {
		t.Errorf("clock = %q", got)
	}
	if n := eval[int](p, `document.querySelectorAll(".trace-list .verdict-unreachable").length`); n != 0 {
		t.Errorf("%d saved traces still unreachable after the endpoint became Available", n)
	}
	// Undo takes the whole step back.
	p.do("undoing", chromedp.Click(chromedp.ID("undo")), chromedp.WaitVisible(chromedp.CSS(row+` .state-Pending`)))
	p.assertNoProblems()
}

func TestARefusedActionIsAnEventNamingItsRule(t *testing.T) {
	p := openPlayground(t)
	selectLesson(p, "endpoint-service-acceptance")
	p.do("running a create the provider has not allowed",
		chromedp.WaitVisible(chromedp.CSS(`#topology svg`)),
		chromedp.Click(chromedp.ID("tab-lifecycle")),
		chromedp.WaitVisible(chromedp.CSS(`.custom-action`)),
		chromedp.Click(chromedp.CSS(`.custom-action summary`)),
		chromedp.SetValue(chromedp.ID("action-json"), `[{"action": "create-vpc-endpoint", "vpcId": "vpc-0partner", "serviceName": "com.amazonaws.vpce.us-east-1.vpce-svc-0partner1a2b", "vpcEndpointType": "Interface", "subnetIds": ["subnet-0partner1a"], "account": "777788889999"}]`),
		chromedp.Evaluate[chromedp.Void](`document.getElementById("action-json").dispatchEvent(new Event("input", {bubbles: true}))`),
		chromedp.Click(chromedp.ID("run-actions")),
		chromedp.WaitVisible(chromedp.CSS(`#event-log .event-refused`)),
	)
	if n := eval[int](p, `document.querySelectorAll('#event-log .event-refused .rule[data-rule="SVC-04"]').length`); n != 1 {
		t.Errorf("the refused create does not name SVC-04")
	}
	p.assertNoProblems()
}

func TestCostTabEstimatesTheEndpoints(t *testing.T) {
	p := openPlayground(t)
	selectLesson(p, "interface-endpoint-private-dns")
	p.do("opening the cost tab",
		chromedp.WaitVisible(chromedp.CSS(`#topology svg`)),
		chromedp.Click(chromedp.ID("tab-cost")),
		chromedp.WaitVisible(chromedp.ID("cost-total")),
	)
	if got := eval[string](p, `document.getElementById("cost-total").textContent`); got == "$0.00" {
		t.Errorf("an interface endpoint costs nothing: %q", got)
	}
	p.assertNoProblems()
}

func TestReachabilityMatrixTable(t *testing.T) {
	p := openPlayground(t)
	p.do("computing the matrix",
		chromedp.Click(chromedp.ID("tab-matrix")),
		chromedp.Click(chromedp.ID("matrix-run")),
		chromedp.WaitVisible(chromedp.ID("matrix-table")),
	)
	cells := eval[[]string](p, `[...document.querySelectorAll("#matrix-table td.cell")].map(c => c.className.replace("cell ", ""))`)
	seen := map[string]bool{}
	for _, c := range cells {
		seen[c] = true
	}
	for _, want := range []string{"verdict-allowed", "verdict-unreachable"} {
		if !seen[want] {
			t.Errorf("the matrix of the default lesson has no %s cell (cells %v)", want, cells)
		}
	}
	if got := eval[string](p, `document.getElementById("matrix-time").textContent`); !contains(got, "ms in this browser") {
		t.Errorf("matrix time = %q", got)
	}
	p.assertNoProblems()
}
