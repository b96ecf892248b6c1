package app

import (
	"testing"

	"privatelink-playground/engine"
	"privatelink-playground/engine/lessons"
)

func TestStoreOpensTheDefaultLessonWithItsSavedTraces(t *testing.T) {
	s := NewStore(lessons.Default())
	if len(s.Problems) != 0 || s.World == nil {
		t.Fatalf("default lesson: problems %v, world %v", s.Problems, s.World)
	}
	want := []string{engine.VerdictAllowed, engine.VerdictDenied, engine.VerdictUnreachable}
	if len(s.Saved) != len(want) {
		t.Fatalf("%d saved traces, want %d", len(s.Saved), len(want))
	}
	for i, v := range want {
		if s.Saved[i].Verdict != v {
			t.Errorf("saved trace %d: %s, want %s", i, s.Saved[i].Verdict, v)
		}
	}
	if s.Trace == nil || s.TraceIndex != 0 {
		t.Errorf("the first saved trace is not on show")
	}
}

func TestStoreEditUndoRedo(t *testing.T) {
	s := NewStore(lessons.Default())
	before := string(s.Document())
	s.Edit(func(sc *engine.Scenario) { sc.Title = "Changed" })
	if s.Scenario.Title != "Changed" || !s.CanUndo() || s.CanRedo() {
		t.Fatalf("after edit: title %q undo %v redo %v", s.Scenario.Title, s.CanUndo(), s.CanRedo())
	}
	if !s.Undo() || string(s.Document()) != before {
		t.Fatalf("undo did not restore the document")
	}
	if !s.Redo() || s.Scenario.Title != "Changed" {
		t.Fatalf("redo did not repeat the edit")
	}
	if s.Redo() {
		t.Errorf("redo with nothing to redo succeeded")
	}
	rev := s.Revision
	s.Edit(func(sc *engine.Scenario) {})
	if s.Revision != rev || len(s.undo) != 1 {
		t.Errorf("an edit that changes nothing was recorded")
	}
}

func TestStoreEditRetracesTheTraceOnShow(t *testing.T) {
	s := NewStore(lessons.Default())
	s.ShowSaved(2) // i-private to a bucket in us-west-2: unreachable (GW-03)
	if s.Trace.Verdict != engine.VerdictUnreachable {
		t.Fatalf("trace 2 = %s", s.Trace.Verdict)
	}
	// A NAT-less default route through the internet gateway does not help a
	// private instance without a public IP (NET-04)…
	s.Edit(func(sc *engine.Scenario) {
		rt := &sc.VPCs[0].RouteTables[1]
		rt.Routes = append(rt.Routes, engine.Route{DestinationCIDRBlock: "0.0.0.0/0", Target: "igw-01"})
	})
	if s.Trace == nil || s.Trace.Verdict == engine.VerdictAllowed {
		t.Fatalf("after the edit the trace is %v", s.Trace)
	}
	if s.Trace.Hops[len(s.Trace.Hops)-1].Rule != "NET-04" {
		t.Errorf("last hop rule %s, want NET-04", s.Trace.Hops[len(s.Trace.Hops)-1].Rule)
	}
}

func TestStoreEditDocumentRefusesAnInvalidDocument(t *testing.T) {
	s := NewStore(lessons.Default())
	before := string(s.Document())
	err := s.EditDocument(func(doc any) (any, error) {
		return docEdit(doc, "vpcs[0].cidrBlok", "10.0.0.0/16", false)
	})
	if err == nil {
		t.Fatal("an unknown field was accepted")
	}
	if string(s.Document()) != before || s.CanUndo() {
		t.Errorf("a refused edit changed the document")
	}
}

func TestStoreProblemsUnderAPath(t *testing.T) {
	s := NewStore(lessons.Default())
	err := s.EditDocument(func(doc any) (any, error) {
		return docEdit(doc, "vpcs[0].subnets[1].cidrBlock", "10.99.1.0/24", false)
	})
	if err != nil {
		t.Fatal(err)
	}
	ps := s.ProblemsUnder("vpcs[0].subnets[1]")
	if len(ps) == 0 || ps[0].Rule != "VAL-02" {
		t.Fatalf("problems under the subnet = %v, want VAL-02", ps)
	}
	if s.World != nil || len(s.Saved) != 0 {
		t.Errorf("an invalid scenario was compiled")
	}
	if len(s.ProblemsUnder("vpcs[0].subnets[0]")) != 0 {
		t.Errorf("the other subnet has problems")
	}
}

func TestStoreStepsThroughTheHops(t *testing.T) {
	s := NewStore(lessons.Default())
	n := len(s.Trace.Hops)
	if got := s.Highlighted(); len(got) == 0 {
		t.Fatal("nothing highlighted for the whole trace")
	}
	s.StepTo(0)
	if got := s.Highlighted(); len(got) != 2 || got[0] != "r-i-private" {
		t.Errorf("step 0 highlights %v, want the source and the first hop", got)
	}
	s.StepTo(n + 5)
	if s.Step != n-1 {
		t.Errorf("stepping past the end gives %d, want %d", s.Step, n-1)
	}
	s.StepTo(-7)
	if s.Step != -1 {
		t.Errorf("stepping before the start gives %d, want -1", s.Step)
	}
}

func TestStoreSurvivesALessonThatDoesNotDecode(t *testing.T) {
	s := NewStore(lessons.Lesson{ID: "broken", Scenario: []byte(`{"version": 1, "vpcs": [{"idd": 1}]}`)})
	if s.Scenario == nil || len(s.Problems) == 0 {
		t.Fatalf("scenario %v, problems %v", s.Scenario, s.Problems)
	}
	if s.Problems[0].Rule != "VAL-04" {
		t.Errorf("first problem %v, want the decode error (VAL-04)", s.Problems[0])
	}
}
