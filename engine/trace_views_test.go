package engine

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// The views are filters over one trace: the full view is every hop, the
// failures view the hops that stopped the request, and the decisions view
// leaves out only the hops that carried it along.
func TestTraceViews(t *testing.T) {
	traces := compileData(t, exampleData(t, "s3-gateway-endpoint")).TraceAll()
	for _, tr := range traces {
		full, ok := tr.HopsIn(ViewFull)
		if !ok || len(full) != len(tr.Hops) {
			t.Fatalf("full view %v of %d hops", full, len(tr.Hops))
		}
		failures, _ := tr.HopsIn(ViewFailures)
		decisions, _ := tr.HopsIn(ViewDecisions)
		for i, h := range tr.Hops {
			if got, want := slices.Contains(failures, i), IsFailure(h.Decision); got != want {
				t.Errorf("hop %d (%s): in the failures view %v, want %v", i, h.Decision, got, want)
			}
			if got, want := slices.Contains(decisions, i), !carrying[h.Decision]; got != want {
				t.Errorf("hop %d (%s): in the decisions view %v, want %v", i, h.Decision, got, want)
			}
		}
		for _, i := range failures {
			if k := tr.Hops[i].Kind; tr.Verdict == VerdictAllowed && !strings.HasSuffix(k, "-policy") {
				t.Errorf("an allowed trace shows a failed %s hop", k)
			}
		}
		if tr.Verdict != VerdictAllowed && (len(failures) == 0 || failures[len(failures)-1] != len(tr.Hops)-1) {
			t.Errorf("a %s trace's failures view %v does not end with its last hop", tr.Verdict, failures)
		}
	}
	if _, ok := traces[0].HopsIn("everything"); ok {
		t.Error("an unknown view was accepted")
	}
}

// The decisions view of a trace through a gateway endpoint keeps the route
// choice and drops the endpoint that only carries the request; the text of a
// view numbers its hops as the whole trace does.
func TestTraceViewText(t *testing.T) {
	traces := compileData(t, exampleData(t, "s3-gateway-endpoint")).TraceAll()
	var allowed, failed Trace
	for _, tr := range traces {
		if tr.Verdict == VerdictAllowed {
			allowed = tr
		} else {
			failed = tr
		}
	}
	text, _ := allowed.TextView(ViewDecisions)
	if !strings.Contains(text, "[route]") || strings.Contains(text, "[endpoint]") {
		t.Errorf("decisions view:\n%s", text)
	}
	carried := Trace{Verdict: VerdictAllowed, Hops: []Hop{{Kind: HopGateway, At: "igw-1", Decision: DecisionForwarded}}}
	text, _ = carried.TextView(ViewFailures)
	if !strings.Contains(text, "nothing refused or stopped the request") || !strings.Contains(text, "Verdict: allowed") {
		t.Errorf("failures view of a trace without failures:\n%s", text)
	}
	text, _ = failed.TextView(ViewFailures)
	if want := fmt.Sprintf("%2d. [%s]", len(failed.Hops), lastHop(failed).Kind); !strings.Contains(text, want) {
		t.Errorf("the failing hop lost its number, want %q:\n%s", want, text)
	}
	if full, _ := failed.TextView(ViewFull); full != failed.Text() {
		t.Error("the full view's text differs from Text")
	}
}
