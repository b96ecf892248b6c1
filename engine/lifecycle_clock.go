package engine

import (
	"fmt"
	"math"
)

// lifecycleTiming returns how long Pending lasts and how long an unanswered
// PendingAcceptance waits before Expired: the scenario's timing, else the
// defaults (SVC-05). Negative settings count as zero.
func lifecycleTiming(s *Scenario) (pending, expiry int) {
	pending, expiry = DefaultPendingSeconds, DefaultAcceptanceExpirySeconds
	if t := s.Timing; t != nil {
		if t.PendingSeconds != nil {
			pending = max(*t.PendingSeconds, 0)
		}
		if t.AcceptanceExpirySeconds != nil {
			expiry = max(*t.AcceptanceExpirySeconds, 0)
		}
	}
	return pending, expiry
}

// addSeconds adds two non-negative clock values, saturating instead of
// overflowing.
func addSeconds(a, b int) int {
	if b > 0 && a > math.MaxInt-b {
		return math.MaxInt
	}
	return a + b
}

// timedTransition is a state change the clock makes by itself: a Pending
// endpoint becomes Available, an unanswered PendingAcceptance Expired.
type timedTransition struct {
	vpc, endpoint int
	due           int
	from, to      string
	rule          string
}

// nextTransition returns the earliest timed transition of s due at or
// before until; ties go to the endpoint first in document order.
func nextTransition(s *Scenario, until int) (timedTransition, bool) {
	pending, expiry := lifecycleTiming(s)
	var best timedTransition
	found := false
	for i := range s.VPCs {
		for j := range s.VPCs[i].Endpoints {
			e := &s.VPCs[i].Endpoints[j]
			if e.VPCEndpointType == EndpointGateway {
				continue
			}
			t := timedTransition{vpc: i, endpoint: j, from: endpointStateIn(s, e)}
			switch t.from {
			case StatePending:
				t.due, t.to, t.rule = addSeconds(e.StateSince, pending), StateAvailable, "SVC-05"
				if e.Modifying {
					t.rule = "SVC-06"
				}
			case StatePendingAcceptance:
				t.due, t.to, t.rule = addSeconds(e.StateSince, expiry), StateExpired, "SVC-05"
			default:
				continue
			}
			if t.due <= until && (!found || t.due < best.due) {
				best, found = t, true
			}
		}
	}
	return best, found
}

// settle runs the clock forward to until, firing every timed transition
// due on the way at its own second, in time order (SVC-05, SVC-06). A
// transition already overdue fires at once.
func (a *applier) settle(until int) {
	for {
		t, ok := nextTransition(a.s, until)
		if !ok {
			break
		}
		if t.due > a.s.Clock {
			a.s.Clock = t.due
		}
		e := &a.s.VPCs[t.vpc].Endpoints[t.endpoint]
		detail := fmt.Sprintf("%s is %s after %d s Pending", e.ID, t.to, a.s.Clock-e.StateSince)
		switch {
		case t.to == StateExpired:
			detail = fmt.Sprintf("the connection request of %s was not answered within %d s and expired", e.ID, a.s.Clock-e.StateSince)
		case e.Modifying:
			detail = fmt.Sprintf("%s is Available again after its modification", e.ID)
		}
		a.setState(e, t.to)
		a.emit(Event{Resource: e.ID, Kind: KindState, Rule: t.rule, From: t.from, To: t.to, Detail: detail})
	}
	if until > a.s.Clock {
		a.s.Clock = until
	}
}

// setState moves an endpoint to a state at the current second; leaving
// Pending ends a modification (SVC-06).
func (a *applier) setState(e *VPCEndpoint, state string) {
	e.State = state
	e.StateSince = a.s.Clock
	if state != StatePending {
		e.Modifying = false
	}
}

// advanceTime is the advance-time action: the clock moves on by seconds.
func (a *applier) advanceTime(act *Action) {
	from := a.s.Clock
	until := addSeconds(from, act.Seconds)
	a.emit(Event{Kind: KindClock, Detail: fmt.Sprintf("the clock moves on %d s, from %d s to %d s", act.Seconds, from, until)})
	a.settle(until)
}
