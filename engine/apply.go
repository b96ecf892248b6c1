package engine

import (
	"errors"
	"fmt"
)

// Event is one entry of the log Apply writes: something an action or the
// clock did, or why an action was refused.
type Event struct {
	// Time is the second of the simulated clock at which it happened.
	Time int `json:"time"`
	// Action and Index name the action that caused it (Index counts from 0).
	Action string `json:"action"`
	Index  int    `json:"index"`
	// Resource is the ID (or ARN) of the resource concerned.
	Resource string `json:"resource,omitempty"`
	// Kind is one of the Kind… constants.
	Kind string `json:"kind"`
	// Rule is the RULES.md ID that decided it.
	Rule string `json:"rule,omitempty"`
	// Detail says what happened, in one sentence.
	Detail string `json:"detail"`
	// From and To are the states of a state transition (To alone for a
	// creation).
	From string `json:"from,omitempty"`
	To   string `json:"to,omitempty"`
}

// Kinds of Event.
const (
	KindCreated            = "created"             // a resource was created (To: its first state)
	KindState              = "state"               // a state transition (From → To)
	KindModified           = "modified"            // a resource's settings changed
	KindDeleted            = "deleted"             // a resource was removed
	KindRefused            = "refused"             // the action was refused; Rule says why
	KindReset              = "reset"               // open TCP connections were reset (GW-11)
	KindInterfaceCreated   = "interface-created"   // an endpoint network interface was created (IF-07)
	KindInterfaceDeleted   = "interface-deleted"   // an endpoint network interface was deleted (IF-07, IF-08)
	KindInterfaceReplaced  = "interface-replaced"  // an interface was replaced for a new IP (IF-07)
	KindDisconnect         = "disconnect"          // a subnet was briefly disconnected (IF-07)
	KindNotification       = "notification"        // a connection notification was delivered (NTF-01)
	KindNotificationFailed = "notification-failed" // a delivery was refused by a policy (NTF-02)
	KindClock              = "clock"               // the simulated clock moved on
)

// Apply runs lifecycle actions in order on a copy of s and returns the
// resulting scenario with the log of events (SCENARIO.md `apply`). s must be
// a valid scenario (Validate); it is never changed. A refused action is an
// event of kind "refused" naming its rule, and changes nothing; the
// scenario Apply returns is always valid. The error is only for malformed
// input: an invalid scenario (a Problems value), an unknown action or a
// negative duration. Apply is deterministic and never panics.
//
// The simulated clock and the endpoints' timers live in the scenario
// (Scenario.Clock, VPCEndpoint.StateSince and Modifying), so that the
// output of one run can be the input of the next.
func Apply(s *Scenario, actions []Action) (*Scenario, []Event, error) {
	if s == nil {
		return nil, nil, errors.New("no scenario")
	}
	if ps := Validate(s); len(ps) > 0 {
		return nil, nil, ps
	}
	if err := checkClock(s); err != nil {
		return nil, nil, err
	}
	for i := range actions {
		if err := actions[i].check(); err != nil {
			return nil, nil, fmt.Errorf("actions[%d]: %w", i, err)
		}
	}
	a := &applier{s: cloneScenario(s), events: []Event{}}
	for i := range actions {
		a.index, a.action = i, actions[i].Action
		a.settle(a.s.Clock)
		a.run(&actions[i])
	}
	return a.s, a.events, nil
}

// checkClock refuses a negative clock or a state entered in the future.
func checkClock(s *Scenario) error {
	if s.Clock < 0 {
		return Problems{{Rule: "VAL-04", Path: "clock", Message: fmt.Sprintf("clock %d: want 0 or more seconds", s.Clock)}}
	}
	for i := range s.VPCs {
		for j, e := range s.VPCs[i].Endpoints {
			if e.StateSince < 0 || e.StateSince > s.Clock {
				p := pathField(pathIndex(pathField(pathIndex("vpcs", i), "endpoints"), j), "stateSince")
				return Problems{{Rule: "VAL-04", Path: p, Message: fmt.Sprintf("stateSince %d: want 0 to the clock, %d", e.StateSince, s.Clock)}}
			}
		}
	}
	return nil
}

// applier holds the scenario while actions change it, and the log.
type applier struct {
	s      *Scenario
	events []Event
	index  int    // of the current action
	action string // its name
}

// emit logs an event of the current action at the current second.
func (a *applier) emit(ev Event) {
	ev.Time, ev.Action, ev.Index = a.s.Clock, a.action, a.index
	a.events = append(a.events, ev)
}

// refuse logs the refusal of (part of) the current action.
func (a *applier) refuse(resource, rule, format string, args ...any) {
	a.emit(Event{Resource: resource, Kind: KindRefused, Rule: rule, Detail: fmt.Sprintf(format, args...)})
}

// run dispatches one action.
func (a *applier) run(act *Action) {
	switch act.Action {
	case ActionCreateEndpoint:
		a.createEndpoint(act)
	case ActionModifyEndpoint:
		a.modifyEndpoint(act)
	case ActionDeleteEndpoints:
		for _, id := range act.VPCEndpointIDs {
			a.deleteEndpoint(act, id)
		}
	case ActionAcceptConnections, ActionRejectConnections:
		for _, id := range act.VPCEndpointIDs {
			a.answerConnection(act, id)
		}
	case ActionCreateService:
		a.createService(act)
	case ActionModifyPermissions:
		a.modifyPermissions(act)
	case ActionDeleteServices:
		for _, id := range act.ServiceIDs {
			a.deleteService(act, id)
		}
	case ActionAdvanceTime:
		a.advanceTime(act)
	}
}

// commit makes next the scenario if it is valid; otherwise it refuses the
// change with the first problem's rule and keeps the scenario as it was.
func (a *applier) commit(next *Scenario, resource string) bool {
	if ps := Validate(next); len(ps) > 0 {
		p := ps[0]
		a.refuse(resource, p.Rule, "%s (at %s)", p.Message, p.Path)
		return false
	}
	a.s = next
	return true
}

// endpointIndexByID finds an endpoint by ID: the indexes of its VPC and of the
// endpoint in it.
func endpointIndexByID(s *Scenario, id string) (vpc, endpoint int, ok bool) {
	for i := range s.VPCs {
		for j := range s.VPCs[i].Endpoints {
			if s.VPCs[i].Endpoints[j].ID == id {
				return i, j, true
			}
		}
	}
	return -1, -1, false
}

// vpcIndexByID finds a VPC by ID.
func vpcIndexByID(s *Scenario, id string) (int, bool) {
	for i := range s.VPCs {
		if s.VPCs[i].ID == id {
			return i, true
		}
	}
	return -1, false
}

// vpcRegionOf is the Region of VPC number i: its own, else the scenario's.
func vpcRegionOf(s *Scenario, i int) string {
	if r := s.VPCs[i].Region; r != "" {
		return r
	}
	if s.Region != "" {
		return s.Region
	}
	return DefaultRegion
}

// endpointOwner is the account owning endpoint e of VPC number i.
func endpointOwner(s *Scenario, i int, e *VPCEndpoint) string {
	if e.Account != "" {
		return e.Account
	}
	return s.VPCs[i].Account
}
