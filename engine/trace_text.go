package engine

import (
	"fmt"
	"strings"
)

// verdictText is the sentence that closes a trace's explanation.
var verdictText = map[string]string{
	VerdictAllowed:     "allowed: the request reaches its target and every policy allows it",
	VerdictDenied:      "denied: the request reaches the service, but a policy refuses it",
	VerdictUnreachable: "unreachable: the network stops the request before it arrives",
	VerdictUnresolved:  "unresolved: the name does not resolve, so no packet is sent",
}

// Text explains a trace the way a teacher would: what was asked, one line a
// hop with the rule that decided it, then the verdict.
func (t Trace) Text() string {
	text, _ := t.TextView(ViewFull)
	return text
}

// TextView is Text with only the hops of a view (ViewDecisions,
// ViewFailures), each keeping its number in the whole trace; ok is false for
// an unknown view.
func (t Trace) TextView(view string) (text string, ok bool) {
	hops, ok := t.HopsIn(view)
	if !ok {
		return "", false
	}
	var b strings.Builder
	r := t.Request
	fmt.Fprintf(&b, "Trace from %s to %s, port %d/%s over IPv%d", r.From, r.To, r.Port, r.Protocol, r.IPVersion)
	if r.Action != "" {
		fmt.Fprintf(&b, ", %s", r.Action)
		if r.Resource != "" {
			fmt.Fprintf(&b, " on %s", r.Resource)
		}
	}
	b.WriteString(".\n")
	for _, i := range hops {
		h := t.Hops[i]
		rule := ""
		if h.Rule != "" {
			rule = " (" + h.Rule + ")"
		}
		fmt.Fprintf(&b, "%2d. [%s] %s — %s%s\n", i+1, h.Kind, h.At, h.Detail, rule)
	}
	if len(hops) == 0 {
		fmt.Fprintf(&b, "    (no hop of the %d in this view: %s)\n", len(t.Hops), viewEmpty[view])
	}
	v, known := verdictText[t.Verdict]
	if !known {
		v = t.Verdict
	}
	fmt.Fprintf(&b, "Verdict: %s.\n", v)
	return b.String(), true
}

// viewEmpty says what an empty view means.
var viewEmpty = map[string]string{
	ViewFull:      "the trace has no hops",
	ViewDecisions: "every hop only carried the request",
	ViewFailures:  "nothing refused or stopped the request",
}
