package engine

import (
	"errors"
	"fmt"
)

// policyKinds are the hop kinds of the policy layers.
var policyKinds = map[string]bool{HopEndpointPolicy: true, HopResourcePolicy: true, HopIdentityPolicy: true}

// Validate checks a trace's invariants: a known verdict; a request with its
// defaults; at least one hop; every hop with a known kind, a place, a
// decision and a detail; no network hop after a failure (DNS may try another server, every policy
// layer is shown); a last hop that agrees with
// the verdict (allowed: a success; denied: a policy hop that denies;
// unreachable: a network failure; unresolved: a DNS failure, with DNS hops
// only); and a resolved name exactly when DNS succeeded for a name.
func (t *Trace) Validate() error {
	if t == nil {
		return errors.New("nil trace")
	}
	switch t.Verdict {
	case VerdictAllowed, VerdictDenied, VerdictUnreachable, VerdictUnresolved:
	default:
		return fmt.Errorf("verdict %q is not allowed, denied, unreachable or unresolved", t.Verdict)
	}
	r := t.Request
	if r.Port == 0 || r.Protocol == "" || (r.IPVersion != 4 && r.IPVersion != 6) {
		return fmt.Errorf("request %+v lacks its defaults", r)
	}
	if len(t.Hops) == 0 {
		return errors.New("no hops")
	}
	for i, h := range t.Hops {
		if !hopKinds[h.Kind] {
			return fmt.Errorf("hop %d: kind %q is not a hop kind", i, h.Kind)
		}
		if h.At == "" || h.Decision == "" || h.Detail == "" {
			return fmt.Errorf("hop %d: at, decision and detail are required: %+v", i, h)
		}
		if i < len(t.Hops)-1 && IsFailure(h.Decision) && h.Kind != HopDNS && !policyKinds[h.Kind] {
			return fmt.Errorf("hop %d: a %s hop that ends the trace (%s) is not last", i, h.Kind, h.Decision)
		}
	}
	last := t.Hops[len(t.Hops)-1]
	switch t.Verdict {
	case VerdictAllowed:
		if IsFailure(last.Decision) {
			return fmt.Errorf("allowed trace ends with a failure: %+v", last)
		}
	case VerdictDenied:
		if !policyKinds[last.Kind] || (last.Decision != DecisionExplicitDeny && last.Decision != DecisionImplicitDeny) {
			return fmt.Errorf("denied trace must end with a policy hop that denies: %+v", last)
		}
	case VerdictUnreachable:
		if !IsFailure(last.Decision) || last.Kind == HopDNS || policyKinds[last.Kind] {
			return fmt.Errorf("unreachable trace must end with a network failure: %+v", last)
		}
	case VerdictUnresolved:
		if last.Kind != HopDNS || !IsFailure(last.Decision) {
			return fmt.Errorf("unresolved trace must end with a DNS failure: %+v", last)
		}
		for i, h := range t.Hops {
			if h.Kind != HopDNS {
				return fmt.Errorf("hop %d: unresolved trace has a %s hop", i, h.Kind)
			}
		}
		if t.Resolved != nil {
			return errors.New("unresolved trace has a resolved answer")
		}
	}
	if t.Resolved != nil && len(t.Resolved.Addresses) == 0 {
		return errors.New("resolved answer without addresses")
	}
	return nil
}
