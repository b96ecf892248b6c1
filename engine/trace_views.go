package engine

// Views of a trace's explanation: filters over the one recorded trace, which
// is never traced again for them.
const (
	// ViewFull shows every hop.
	ViewFull = "full"
	// ViewDecisions shows the hops that decided something: DNS answers,
	// route choices, rule and policy decisions and failures, leaving out the
	// hops that only carry the request along.
	ViewDecisions = "decisions"
	// ViewFailures shows the hops that refused or failed: the one that
	// stopped the request, and any policy layer that did not allow it (in
	// the same account another layer may allow it all the same, POL-01).
	ViewFailures = "failures"
)

// Views lists the views, the full one first.
var Views = []string{ViewFull, ViewDecisions, ViewFailures}

// carrying are the decisions of hops that only move the request along:
// forwarded, returned, translated by NAT, inspected by an appliance, reached
// the target, or a policy layer that does not apply.
var carrying = map[string]bool{
	DecisionForwarded: true, DecisionReturned: true, DecisionTranslated: true,
	DecisionInspected: true, DecisionReached: true, DecisionNotApplies: true,
}

// HopsIn returns the indexes in t.Hops of the hops a view shows, in order;
// ok is false for an unknown view.
func (t Trace) HopsIn(view string) (hops []int, ok bool) {
	var keep func(Hop) bool
	switch view {
	case ViewFull:
		keep = func(Hop) bool { return true }
	case ViewDecisions:
		keep = func(h Hop) bool { return !carrying[h.Decision] }
	case ViewFailures:
		keep = func(h Hop) bool { return IsFailure(h.Decision) }
	default:
		return nil, false
	}
	hops = []int{}
	for i, h := range t.Hops {
		if keep(h) {
			hops = append(hops, i)
		}
	}
	return hops, true
}
