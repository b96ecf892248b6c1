package lessons

import (
	"strings"
	"testing"

	"privatelink-playground/engine"
)

// TestLessonScenariosAreValid: every lesson decodes and validates with no
// problem, has a 3-8 sentence narrative and 2-4 saved traces, and names its
// resources as AWS does.
func TestLessonScenariosAreValid(t *testing.T) {
	for _, l := range All() {
		s := mustScenario(t, l.ID, l.Scenario)
		if n := len(s.Traces); n < 2 || n > 4 {
			t.Errorf("%s: %d saved traces, want 2-4", l.ID, n)
		}
		if n := sentences(s.Description); n < 3 || n > 8 {
			t.Errorf("%s: description has %d sentences, want 3-8", l.ID, n)
		}
		for _, v := range s.VPCs {
			if !strings.HasPrefix(v.ID, "vpc-") {
				t.Errorf("%s: VPC ID %q", l.ID, v.ID)
			}
			for _, sn := range v.Subnets {
				if !strings.HasPrefix(sn.ID, "subnet-") {
					t.Errorf("%s: subnet ID %q", l.ID, sn.ID)
				}
			}
			for _, in := range v.Instances {
				if !strings.HasPrefix(in.ID, "i-") {
					t.Errorf("%s: instance ID %q", l.ID, in.ID)
				}
			}
		}
	}
}

// sentences counts the sentences of a narrative, roughly: full stops
// followed by a space or the end (file names like a.json do not count).
func sentences(text string) int {
	n := 0
	for i := 0; i < len(text); i++ {
		if text[i] != '.' && text[i] != '!' && text[i] != '?' {
			continue
		}
		if i == len(text)-1 || text[i+1] == ' ' {
			n++
		}
	}
	return n
}

// TestLessonSavedTracesGiveTheirVerdicts: each saved trace gives the verdict
// the metadata expects, and every trace keeps its invariants.
func TestLessonSavedTracesGiveTheirVerdicts(t *testing.T) {
	for _, l := range All() {
		w := mustWorld(t, l.ID)
		traces := w.TraceAll()
		if len(traces) != len(l.Expect) {
			t.Errorf("%s: %d saved traces, %d expected verdicts", l.ID, len(traces), len(l.Expect))
			continue
		}
		for i, tr := range traces {
			if err := tr.Validate(); err != nil {
				t.Errorf("%s trace %d: %v", l.ID, i, err)
			}
			if tr.Verdict != l.Expect[i] {
				t.Errorf("%s trace %d (%s → %s): verdict %s, want %s; last hop: %s", l.ID, i, tr.Request.From, tr.Request.To, tr.Verdict, l.Expect[i], last(tr).Detail)
			}
		}
	}
}

// TestLessonVerdictsAreVaried: the library shows every verdict somewhere.
func TestLessonVerdictsAreVaried(t *testing.T) {
	seen := map[string]bool{}
	for _, l := range All() {
		for _, v := range l.Expect {
			seen[v] = true
		}
	}
	for _, v := range verdicts {
		if !seen[v] {
			t.Errorf("no saved trace of any lesson is %s", v)
		}
	}
}

// TestLessonActionsApply: every actions file decodes and applies to its
// lesson without error, and leaves a valid scenario.
func TestLessonActionsApply(t *testing.T) {
	for _, l := range All() {
		if l.Actions == nil {
			continue
		}
		s := mustScenario(t, l.ID, l.Scenario)
		out, events := applyLessonActions(t, l, s)
		if len(events) == 0 {
			t.Errorf("%s: the actions log no event", l.ID)
		}
		if ps := engine.Validate(out); len(ps) > 0 {
			t.Errorf("%s: after the actions: %v", l.ID, ps)
		}
	}
}

// TestDefaultLessonKeepsItsVerdicts: the e2e suite relies on the default
// lesson's three saved traces being allowed, denied and unreachable.
func TestDefaultLessonKeepsItsVerdicts(t *testing.T) {
	want := []string{engine.VerdictAllowed, engine.VerdictDenied, engine.VerdictUnreachable}
	for i, v := range want {
		if got := savedTrace(t, DefaultID, i).Verdict; got != v {
			t.Errorf("default lesson trace %d: %s, want %s", i, got, v)
		}
	}
}
