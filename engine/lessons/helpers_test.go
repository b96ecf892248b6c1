package lessons

import (
	"os"
	"path/filepath"
	"testing"

	"privatelink-playground/engine"
)

// mustLesson loads a lesson or fails the test with the loading error.
func mustLesson(t *testing.T, id string) Lesson {
	t.Helper()
	l, err := load(id)
	if err != nil {
		t.Fatalf("lesson %s: %v", id, err)
	}
	return l
}

// mustScenario decodes and validates a scenario document.
func mustScenario(t *testing.T, name string, data []byte) *engine.Scenario {
	t.Helper()
	s, ps := engine.Load(data)
	if s == nil || len(ps) > 0 {
		t.Fatalf("%s: %v", name, ps)
	}
	return s
}

// mustWorld compiles a lesson's scenario.
func mustWorld(t *testing.T, id string) *engine.World {
	t.Helper()
	w, err := engine.Compile(mustScenario(t, id, mustLesson(t, id).Scenario))
	if err != nil {
		t.Fatalf("lesson %s: compile: %v", id, err)
	}
	return w
}

// savedTrace runs saved trace i of a lesson and checks its invariants.
func savedTrace(t *testing.T, id string, i int) engine.Trace {
	t.Helper()
	w := mustWorld(t, id)
	traces := w.TraceAll()
	if i >= len(traces) {
		t.Fatalf("lesson %s has %d saved traces, want at least %d", id, len(traces), i+1)
	}
	tr := traces[i]
	if err := tr.Validate(); err != nil {
		t.Fatalf("lesson %s trace %d: %v", id, i, err)
	}
	return tr
}

// solution reads the solved scenario of a lesson from testdata.
func solution(t *testing.T, id string) *engine.Scenario {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "solutions", id+".json"))
	if err != nil {
		t.Fatalf("solution of %s: %v", id, err)
	}
	return mustScenario(t, "solution of "+id, data)
}

// applyLessonActions runs a lesson's actions on s.
func applyLessonActions(t *testing.T, l Lesson, s *engine.Scenario) (*engine.Scenario, []engine.Event) {
	t.Helper()
	acts, err := engine.DecodeActions(l.Actions)
	if err != nil {
		t.Fatalf("lesson %s: actions: %v", l.ID, err)
	}
	out, events, err := engine.Apply(s, acts)
	if err != nil {
		t.Fatalf("lesson %s: apply: %v", l.ID, err)
	}
	return out, events
}

// hasHop reports whether a trace has a hop of the kind decided by the rule
// (either may be empty to match any).
func hasHop(tr engine.Trace, kind, rule string) bool {
	for _, h := range tr.Hops {
		if (kind == "" || h.Kind == kind) && (rule == "" || h.Rule == rule) {
			return true
		}
	}
	return false
}

// last returns a trace's settling hop.
func last(tr engine.Trace) engine.Hop {
	if len(tr.Hops) == 0 {
		return engine.Hop{}
	}
	return tr.Hops[len(tr.Hops)-1]
}
