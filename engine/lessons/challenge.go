package lessons

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"

	"privatelink-playground/engine"
)

// Challenge is what a lesson asks the learner to change in its scenario,
// and how the engine checks it as the learner edits: traces that must give
// a verdict (optionally through or around given resources), events the
// lesson's actions must or must not log, and things the solution must not
// add or use (forbid.go).
type Challenge struct {
	// Goal says what to achieve, in one sentence.
	Goal string `json:"goal"`
	// Hint points the way without giving the answer.
	Hint string `json:"hint,omitempty"`
	// Traces are requests the solved scenario must answer as wanted.
	Traces []TraceGoal `json:"traces,omitempty"`
	// Events are checked in the log of the lesson's actions, applied to the
	// learner's scenario.
	Events *EventGoal `json:"events,omitempty"`
	// Forbid lists what the solution must not add or use, from the
	// vocabulary of forbid.go.
	Forbid []string `json:"forbid,omitempty"`
	// Rules are the RULES.md IDs the challenge exercises.
	Rules []string `json:"rules,omitempty"`

	// shipped and shippedActions are the lesson's scenario and actions as
	// embedded, decoded on the first check (decoding every lesson's at
	// start-up would delay the page): base is the scenario, for the forbid
	// items that compare with it; actions are the lesson's actions.
	shipped, shippedActions []byte
	decode                  sync.Once
	base                    *engine.Scenario
	actions                 []engine.Action
	decodeErr               error
}

// TraceGoal is one request of a challenge and the verdict it must give.
type TraceGoal struct {
	// Trace is the request, as in a scenario's saved traces.
	Trace engine.TraceRequest `json:"trace"`
	// Want is the verdict it must give.
	Want string `json:"want"`
	// Via lists resource IDs the trace must pass (a hop decided at each).
	Via []string `json:"via,omitempty"`
	// Avoid lists resource IDs the trace must not pass.
	Avoid []string `json:"avoid,omitempty"`
	// AfterActions traces the scenario the lesson's actions leave, rather
	// than the learner's scenario itself.
	AfterActions bool `json:"afterActions,omitempty"`
}

// EventGoal is what the log of the lesson's actions must hold.
type EventGoal struct {
	// Want lists events that must each match at least one logged event.
	Want []EventMatch `json:"want,omitempty"`
	// None lists events that no logged event may match.
	None []EventMatch `json:"none,omitempty"`
}

// EventMatch matches logged events (engine.Event) by the fields it sets;
// an empty field matches anything, but Kind is required.
type EventMatch struct {
	Kind     string `json:"kind"`
	Resource string `json:"resource,omitempty"`
	Rule     string `json:"rule,omitempty"`
}

// ChallengeResult is the outcome of checking a scenario against a
// challenge: solved when every check passes.
type ChallengeResult struct {
	Solved bool          `json:"solved"`
	Checks []CheckResult `json:"checks"`
}

// CheckResult is one check of a challenge: what was checked, whether it
// passed, and why not (or, when it passed, what confirmed it).
type CheckResult struct {
	What string `json:"what"`
	OK   bool   `json:"ok"`
	Why  string `json:"why,omitempty"`
}

var ruleID = regexp.MustCompile(`^[A-Z]+[0-9]*-[0-9]{2}$`)

// validate checks a decoded challenge: a goal, something to check, known
// verdicts and forbid items, well-formed rule IDs and event matches.
func (c *Challenge) validate() error {
	if strings.TrimSpace(c.Goal) == "" {
		return errors.New("goal is required")
	}
	if len(c.Traces) == 0 && c.Events == nil {
		return errors.New("at least one trace or event goal is required")
	}
	for i, g := range c.Traces {
		if g.Trace.From == "" || g.Trace.To == "" {
			return fmt.Errorf("traces[%d]: trace needs from and to", i)
		}
		if !isVerdict(g.Want) {
			return fmt.Errorf("traces[%d]: want %q is not a verdict", i, g.Want)
		}
	}
	if c.Events != nil {
		if len(c.Events.Want) == 0 && len(c.Events.None) == 0 {
			return errors.New("events: want or none is required")
		}
		for _, m := range slices.Concat(c.Events.Want, c.Events.None) {
			if m.Kind == "" {
				return errors.New("events: every match needs a kind")
			}
		}
	}
	for _, f := range c.Forbid {
		if _, ok := forbidden[f]; !ok {
			return fmt.Errorf("forbid: unknown item %q (known: %s)", f, strings.Join(ForbidItems(), ", "))
		}
	}
	for _, r := range c.Rules {
		if !ruleID.MatchString(r) {
			return fmt.Errorf("rules: %q is not a rule ID", r)
		}
	}
	return nil
}

// needsActions reports whether the challenge applies the lesson's actions.
func (c *Challenge) needsActions() bool {
	if c.Events != nil {
		return true
	}
	for _, g := range c.Traces {
		if g.AfterActions {
			return true
		}
	}
	return false
}

// bind gives the challenge the lesson's shipped scenario and actions.
func (c *Challenge) bind(scenario, actions []byte) {
	c.shipped, c.shippedActions = scenario, actions
}

// decoded decodes the lesson's scenario and actions once.
func (c *Challenge) decoded() error {
	c.decode.Do(func() {
		if c.base, c.decodeErr = engine.Decode(c.shipped); c.decodeErr != nil {
			return
		}
		if len(c.shippedActions) > 0 {
			c.actions, c.decodeErr = engine.DecodeActions(c.shippedActions)
		}
	})
	return c.decodeErr
}

// Check checks a scenario against the challenge: the scenario must be
// valid, every trace goal met, every event goal met and no forbidden item
// used. It is pure and deterministic (a compile, a few traces and at most
// one run of the lesson's actions) and never panics: an engine failure is a
// failed check.
func (c *Challenge) Check(s *engine.Scenario) (res ChallengeResult) {
	defer func() {
		if r := recover(); r != nil {
			res = ChallengeResult{Checks: []CheckResult{{What: "The challenge can be checked", Why: fmt.Sprintf("internal error: %v", r)}}}
		}
	}()
	if c == nil {
		return ChallengeResult{Checks: []CheckResult{{What: "The lesson has a challenge", Why: "no challenge"}}}
	}
	if s == nil {
		return ChallengeResult{Checks: []CheckResult{{What: "A scenario is open", Why: "no scenario"}}}
	}
	w, err := engine.Compile(s)
	if err != nil {
		var ps engine.Problems
		if !errors.As(err, &ps) {
			ps = engine.Problems{{Rule: "VAL-04", Message: err.Error()}}
		}
		return ChallengeResult{Checks: []CheckResult{{What: "The scenario is valid", Why: summarize(ps)}}}
	}
	return c.check(s, w)
}

// CheckCompiled is Check for a scenario the caller has already compiled
// into w (engine.Compile(s)), so the page does not compile it twice.
func (c *Challenge) CheckCompiled(s *engine.Scenario, w *engine.World) (res ChallengeResult) {
	defer func() {
		if r := recover(); r != nil {
			res = ChallengeResult{Checks: []CheckResult{{What: "The challenge can be checked", Why: fmt.Sprintf("internal error: %v", r)}}}
		}
	}()
	if c == nil || s == nil || w == nil {
		return c.Check(s)
	}
	return c.check(s, w)
}

// check runs every check of the challenge against s, compiled as w.
func (c *Challenge) check(s *engine.Scenario, w *engine.World) ChallengeResult {
	if err := c.decoded(); err != nil {
		return ChallengeResult{Checks: []CheckResult{{What: "The lesson's own scenario and actions decode", Why: err.Error()}}}
	}
	ck := checker{c: c, s: s, world: w}
	var out []CheckResult
	var traces []engine.Trace
	for _, g := range c.Traces {
		r, t := ck.traceGoal(g)
		out = append(out, r)
		if t != nil {
			traces = append(traces, *t)
		}
	}
	if c.Events != nil {
		out = append(out, ck.eventGoals()...)
	}
	for _, f := range c.Forbid {
		out = append(out, forbidden[f].run(s, c.base, traces))
	}
	solved := len(out) > 0
	for _, r := range out {
		solved = solved && r.OK
	}
	return ChallengeResult{Solved: solved, Checks: out}
}

// summarize lists the first validation problems in one sentence.
func summarize(ps engine.Problems) string {
	const most = 3
	var parts []string
	for i, p := range ps {
		if i == most {
			parts = append(parts, fmt.Sprintf("and %d more", len(ps)-most))
			break
		}
		parts = append(parts, p.String())
	}
	return strings.Join(parts, "; ")
}

// checker holds what one Check computes once: the compiled scenario and the
// result of the lesson's actions.
type checker struct {
	c *Challenge
	s *engine.Scenario

	world, afterWorld *engine.World
	worldErr          error
	applied           bool
	after             *engine.Scenario
	events            []engine.Event
	applyErr          error
}

// apply runs the lesson's actions on the learner's scenario, once.
func (k *checker) apply() {
	if k.applied {
		return
	}
	k.applied = true
	k.after, k.events, k.applyErr = engine.Apply(k.s, k.c.actions)
	if k.applyErr == nil {
		k.afterWorld, k.applyErr = engine.Compile(k.after)
	}
}

// worldFor returns the compiled scenario a goal is traced in.
func (k *checker) worldFor(afterActions bool) (*engine.World, error) {
	if afterActions {
		k.apply()
		return k.afterWorld, k.applyErr
	}
	if k.world == nil && k.worldErr == nil {
		k.world, k.worldErr = engine.Compile(k.s)
	}
	return k.world, k.worldErr
}

// traceGoal checks one trace goal and returns the trace it ran (nil when it
// could not run).
func (k *checker) traceGoal(g TraceGoal) (CheckResult, *engine.Trace) {
	what := describeGoal(g)
	w, err := k.worldFor(g.AfterActions)
	if err != nil {
		return CheckResult{What: what, Why: err.Error()}, nil
	}
	if err := w.CheckRequest(g.Trace); err != nil {
		return CheckResult{What: what, Why: err.Error()}, nil
	}
	t := w.Trace(g.Trace)
	if t.Verdict != g.Want {
		why := fmt.Sprintf("it is %s: %s", t.Verdict, lastHop(t))
		if g.AfterActions {
			why += k.refusals()
		}
		return CheckResult{What: what, Why: why}, &t
	}
	for _, id := range g.Via {
		if !passes(t, id) {
			return CheckResult{What: what, Why: fmt.Sprintf("it is %s but does not pass %s", t.Verdict, id)}, &t
		}
	}
	for _, id := range g.Avoid {
		if passes(t, id) {
			return CheckResult{What: what, Why: fmt.Sprintf("it is %s but passes %s", t.Verdict, id)}, &t
		}
	}
	return CheckResult{What: what, OK: true, Why: lastHop(t)}, &t
}

// refusals names the first action the lesson's actions had refused, the
// likely cause of a goal traced after them failing ("" when none was).
func (k *checker) refusals() string {
	for _, e := range k.events {
		if e.Kind == engine.KindRefused {
			return fmt.Sprintf("; the actions were refused: %s %s (%s)", e.Action, e.Detail, e.Rule)
		}
	}
	return ""
}

// describeGoal says what a trace goal checks, in one sentence.
func describeGoal(g TraceGoal) string {
	r := g.Trace.WithDefaults()
	var b strings.Builder
	fmt.Fprintf(&b, "%s → %s", r.From, r.To)
	if r.Port != 443 {
		fmt.Fprintf(&b, ":%d", r.Port)
	}
	if r.Action != "" {
		fmt.Fprintf(&b, " (%s)", r.Action)
	}
	fmt.Fprintf(&b, " is %s", g.Want)
	if len(g.Via) > 0 {
		fmt.Fprintf(&b, " through %s", strings.Join(g.Via, ", "))
	}
	if len(g.Avoid) > 0 {
		fmt.Fprintf(&b, " and not through %s", strings.Join(g.Avoid, ", "))
	}
	if g.AfterActions {
		b.WriteString(", after the lesson's actions")
	}
	return b.String()
}

// passes reports whether a hop of the trace was decided at id.
func passes(t engine.Trace, id string) bool {
	for _, h := range t.Hops {
		if h.At == id {
			return true
		}
	}
	return false
}

// lastHop is the detail of the hop that settled a trace, with its rule.
func lastHop(t engine.Trace) string {
	if len(t.Hops) == 0 {
		return "no hops"
	}
	h := t.Hops[len(t.Hops)-1]
	if h.Rule == "" {
		return h.Detail
	}
	return h.Detail + " (" + h.Rule + ")"
}

// eventGoals checks the log of the lesson's actions.
func (k *checker) eventGoals() []CheckResult {
	k.apply()
	var out []CheckResult
	for _, m := range k.c.Events.Want {
		what := "The actions log " + m.String()
		if k.applyErr != nil {
			out = append(out, CheckResult{What: what, Why: k.applyErr.Error()})
			continue
		}
		e, ok := k.find(m)
		if !ok {
			out = append(out, CheckResult{What: what, Why: "no such event in the log"})
			continue
		}
		out = append(out, CheckResult{What: what, OK: true, Why: e.Detail})
	}
	for _, m := range k.c.Events.None {
		what := "The actions log no " + m.String()
		if k.applyErr != nil {
			out = append(out, CheckResult{What: what, Why: k.applyErr.Error()})
			continue
		}
		if e, ok := k.find(m); ok {
			why := e.Detail
			if e.Rule != "" {
				why += " (" + e.Rule + ")"
			}
			out = append(out, CheckResult{What: what, Why: why})
			continue
		}
		out = append(out, CheckResult{What: what, OK: true})
	}
	return out
}

// find returns the first logged event m matches.
func (k *checker) find(m EventMatch) (engine.Event, bool) {
	for _, e := range k.events {
		if m.matches(e) {
			return e, true
		}
	}
	return engine.Event{}, false
}

func (m EventMatch) matches(e engine.Event) bool {
	return e.Kind == m.Kind &&
		(m.Resource == "" || e.Resource == m.Resource) &&
		(m.Rule == "" || e.Rule == m.Rule)
}

// String describes the match: `notification event for vpce-nfn-1`.
func (m EventMatch) String() string {
	s := m.Kind + " event"
	if m.Resource != "" {
		s += " for " + m.Resource
	}
	if m.Rule != "" {
		s += " (" + m.Rule + ")"
	}
	return s
}
