package app

import (
	"encoding/json"
	"errors"
	"strings"

	"privatelink-playground/engine"
	"privatelink-playground/engine/diagram"
	"privatelink-playground/engine/lessons"
)

// maxHistory bounds the undo history.
const maxHistory = 200

// Store owns the scenario being edited and everything derived from it: the
// validation problems, the compiled world, the saved traces' results, the
// selection and the trace on show. Components render from it and change it
// only through its methods; Revision counts changes so components that only
// hold the store know when to render again.
type Store struct {
	// Lesson is the open lesson (empty ID for an imported or shared scenario).
	Lesson lessons.Lesson
	// Scenario is the current document.
	Scenario *engine.Scenario
	// Problems are the current document's validation problems.
	Problems engine.Problems
	// World is the compiled scenario, nil while it has problems.
	World *engine.World
	// Saved are the results of the scenario's saved traces.
	Saved []engine.Trace
	// DOT is the topology diagram's Graphviz source.
	DOT string
	// Selected is the ID of the selected resource, or "".
	Selected string
	// Trace is the trace on show, nil when none.
	Trace *engine.Trace
	// TraceIndex is the saved trace on show, or -1 for a trace of one's own.
	TraceIndex int
	// Step is the hop of Trace being stepped through, -1 for all of them.
	Step int
	// Events is the lifecycle's event log, oldest first.
	Events []engine.Event
	// Challenge is the open lesson's challenge checked against the document.
	Challenge *lessons.ChallengeResult
	// Revision increases with every change.
	Revision int

	undo, redo [][]byte
	derived    derived
}

// NewStore opens a lesson; a lesson that does not decode leaves an empty
// scenario whose problems say why.
func NewStore(l lessons.Lesson) *Store {
	s := &Store{}
	if err := s.OpenLesson(l); err != nil {
		s.Lesson = l
		s.set(&engine.Scenario{Version: 1, Title: "Empty scenario"})
		s.Problems = append(compileProblems(err), s.Problems...)
	}
	return s
}

// OpenLesson replaces the document with a lesson's scenario and forgets the
// undo history.
func (s *Store) OpenLesson(l lessons.Lesson) error {
	sc, err := engine.Decode(l.Scenario)
	if err != nil {
		return err
	}
	s.Lesson = l
	s.undo, s.redo, s.Events = nil, nil, nil
	s.set(sc)
	s.ShowSaved(0)
	return nil
}

// Open replaces the document with a scenario from elsewhere (a file, a link);
// the change can be undone.
func (s *Store) Open(sc *engine.Scenario) {
	s.remember()
	s.Lesson = lessons.Lesson{}
	s.Events = nil
	s.set(sc)
	s.ShowSaved(0)
}

// Edit changes the document: change gets a copy to modify, and the previous
// document goes to the undo history. A change that leaves the document as it
// was is not recorded.
func (s *Store) Edit(change func(sc *engine.Scenario)) {
	before := s.Document()
	sc, err := engine.Decode(before)
	if err != nil {
		return
	}
	change(sc)
	s.commit(before, sc)
}

// commit makes sc the document, an edit of before that goes to the undo
// history; a scenario that gives the same document is not recorded.
func (s *Store) commit(before []byte, sc *engine.Scenario) {
	after := canonical(sc)
	if string(after) == string(before) {
		return
	}
	s.push(&s.undo, before)
	s.redo = nil
	s.set(sc)
	s.derived.doc, s.derived.docFor = after, sc
	s.refreshTrace()
}

// Undo goes back one edit; it reports whether there was one.
func (s *Store) Undo() bool { return s.travel(&s.undo, &s.redo) }

// Redo repeats an undone edit; it reports whether there was one.
func (s *Store) Redo() bool { return s.travel(&s.redo, &s.undo) }

// CanUndo reports whether there is an edit to undo.
func (s *Store) CanUndo() bool { return len(s.undo) > 0 }

// CanRedo reports whether there is an edit to redo.
func (s *Store) CanRedo() bool { return len(s.redo) > 0 }

func (s *Store) travel(from, to *[][]byte) bool {
	if len(*from) == 0 {
		return false
	}
	doc := (*from)[len(*from)-1]
	*from = (*from)[:len(*from)-1]
	sc, err := engine.Decode(doc)
	if err != nil {
		return false
	}
	s.push(to, s.Document())
	s.set(sc)
	s.refreshTrace()
	return true
}

func (s *Store) remember() {
	if s.Scenario != nil {
		s.push(&s.undo, s.Document())
		s.redo = nil
	}
}

func (s *Store) push(stack *[][]byte, doc []byte) {
	*stack = append(*stack, doc)
	if len(*stack) > maxHistory {
		*stack = (*stack)[1:]
	}
}

// set makes sc the document and derives everything from it.
func (s *Store) set(sc *engine.Scenario) {
	s.Scenario = sc
	// Compile validates first: its error is the scenario's problems.
	s.Problems, s.World, s.Saved = nil, nil, nil
	if w, err := engine.Compile(sc); err != nil {
		s.Problems = compileProblems(err)
	} else {
		s.World = w
		s.Saved = w.TraceAll()
	}
	s.DOT = diagram.Topology(sc)
	s.derive()
	s.checkChallenge()
	s.Revision++
}

// ShowSaved shows the result of saved trace i (nothing when there is none).
func (s *Store) ShowSaved(i int) {
	s.Step = -1
	if i < 0 || i >= len(s.Saved) {
		s.Trace, s.TraceIndex = nil, -1
		s.Revision++
		return
	}
	t := s.Saved[i]
	s.Trace, s.TraceIndex = &t, i
	s.Revision++
}

// RunTrace traces a request of the learner's own. It reports an error when
// the scenario has problems or the request names no known source.
func (s *Store) RunTrace(req engine.TraceRequest) error {
	if s.World == nil {
		return errInvalidScenario
	}
	if err := s.World.CheckRequest(req.WithDefaults()); err != nil {
		return err
	}
	t := s.World.Trace(req)
	s.Trace, s.TraceIndex, s.Step = &t, -1, -1
	s.Revision++
	return nil
}

// refreshTrace re-runs the trace on show after the document changed.
func (s *Store) refreshTrace() {
	switch {
	case s.Trace == nil:
	case s.TraceIndex >= 0:
		s.ShowSaved(s.TraceIndex)
	case s.World != nil:
		t := s.World.Trace(s.Trace.Request)
		s.Trace = &t
	default:
		s.Trace = nil
	}
	if s.Trace != nil && s.Step >= len(s.Trace.Hops) {
		s.Step = len(s.Trace.Hops) - 1
	}
}

// StepTo shows hop i of the trace on show (-1: every hop).
func (s *Store) StepTo(i int) {
	if s.Trace == nil {
		return
	}
	if i < -1 {
		i = -1
	}
	if i >= len(s.Trace.Hops) {
		i = len(s.Trace.Hops) - 1
	}
	s.Step = i
	s.Revision++
}

// Select selects a resource by ID ("" clears the selection).
func (s *Store) Select(id string) {
	s.Selected = id
	s.Revision++
}

// Highlighted returns the diagram element IDs the trace on show passed
// through, up to the hop being stepped through.
func (s *Store) Highlighted() []string {
	if s.Trace == nil {
		return nil
	}
	t := *s.Trace
	if s.Step >= 0 && s.Step < len(t.Hops) {
		t.Hops = t.Hops[:s.Step+1]
	}
	// The source is on the path too, before its first hop.
	return append([]string{diagram.ElementID(t.Request.From)}, diagram.HighlightIDsIn(s.Scenario, t)...)
}

// canonical is the scenario's canonical JSON: the model's field order.
func canonical(sc *engine.Scenario) []byte {
	b, err := json.Marshal(sc)
	if err != nil {
		return nil
	}
	return b
}

// currentElement is the diagram element of the hop being stepped through.
func (s *Store) currentElement() string {
	if s.Trace == nil || s.Step < 0 || s.Step >= len(s.Trace.Hops) {
		return ""
	}
	return diagram.ElementID(s.Trace.Hops[s.Step].At)
}

// EditDocument changes the document generically (the inspector's JSON
// editing): change gets the document as maps and slices and returns the new
// one, which must decode strictly; otherwise nothing changes and the error
// says why (engine.Problems with JSON paths).
func (s *Store) EditDocument(change func(doc any) (any, error)) error {
	before := s.Document()
	doc, err := decodeDocument(before)
	if err != nil {
		return err
	}
	doc, err = change(doc)
	if err != nil {
		return err
	}
	b, err := json.Marshal(doc)
	if err != nil {
		return err
	}
	sc, err := engine.Decode(b)
	if err != nil {
		return err
	}
	s.commit(before, sc) // sc is decoded afresh: no copy to make
	return nil
}

// ProblemsUnder returns the problems whose JSON path lies inside path.
func (s *Store) ProblemsUnder(path string) engine.Problems { return problemsUnder(s.Problems, path) }

// problemsUnder returns the problems of ps whose JSON path lies inside path
// ("vpcs[1]" holds "vpcs[1].subnets[0]" but not "vpcs[10]").
func problemsUnder(ps engine.Problems, path string) engine.Problems {
	var out engine.Problems
	for _, p := range ps {
		if p.Path == path || strings.HasPrefix(p.Path, path+".") || strings.HasPrefix(p.Path, path+"[") {
			out = append(out, p)
		}
	}
	return out
}

// compileProblems turns a compile error into problems (policies are parsed
// at compile time, POL-05).
func compileProblems(err error) engine.Problems {
	var ps engine.Problems
	if errors.As(err, &ps) {
		return ps
	}
	return engine.Problems{{Rule: "VAL-04", Path: "$", Message: err.Error()}}
}

// StepBack shows the previous hop; from "every hop" it goes to the last one.
func (s *Store) StepBack() {
	if s.Trace == nil {
		return
	}
	if s.Step < 0 {
		s.StepTo(len(s.Trace.Hops) - 1)
		return
	}
	s.StepTo(s.Step - 1)
}
