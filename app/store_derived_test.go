package app

import (
	"strings"
	"testing"

	"privatelink-playground/engine"
	"privatelink-playground/engine/diagram"
	"privatelink-playground/engine/lessons"
	"privatelink-playground/engine/share"
)

// The values the store keeps between renders follow the document and the
// trace on show: after every kind of change they equal a fresh computation.
func TestStoreDerivedValuesFollowChanges(t *testing.T) {
	s := NewStore(lessons.Default())
	check := func(when string) {
		t.Helper()
		if got, want := len(s.Resources()), len(Resources(s.Scenario)); got != want {
			t.Errorf("%s: %d resources, want %d", when, got, want)
		}
		if got, want := string(s.Document()), string(canonical(s.Scenario)); got != want {
			t.Errorf("%s: the document is stale", when)
		}
		if got, want := s.DOTHash(), DOTHash(s.DOT); got != want {
			t.Errorf("%s: DOT hash %s, want %s", when, got, want)
		}
		if got, want := s.Cost().Total, engine.EstimateCost(s.Scenario, engine.CostOptions{}).Total; got != want {
			t.Errorf("%s: cost %v, want %v", when, got, want)
		}
		want := ""
		if s.Trace != nil {
			want = diagram.TracePath(s.Scenario, *s.Trace)
		}
		if got := s.TraceDOT(); got != want {
			t.Errorf("%s: the trace diagram is stale", when)
		}
		link, err := s.ShareLink("https://example.test/#old")
		wantLink, wantErr := share.EncodeLink("https://example.test/", s.Scenario, s.TraceIndex)
		if link != wantLink || (err == nil) != (wantErr == nil) {
			t.Errorf("%s: link %.60q (%v), want %.60q (%v)", when, link, err, wantLink, wantErr)
		}
	}
	check("opened")
	s.ShowSaved(1)
	check("another saved trace")
	s.Edit(func(sc *engine.Scenario) {
		sc.VPCs[0].Instances = append(sc.VPCs[0].Instances, engine.Instance{ID: "i-extra", Subnet: sc.VPCs[0].Subnets[0].ID})
	})
	check("edited")
	if !containsSource(s.Sources(), "i-extra") {
		t.Errorf("the new instance is not a trace source: %v", s.Sources())
	}
	s.Undo()
	check("undone")
	if containsSource(s.Sources(), "i-extra") {
		t.Errorf("the undone instance is still a trace source")
	}
	if err := s.RunTrace(engine.TraceRequest{From: "i-private", To: "10.0.1.10", Port: 443}); err != nil {
		t.Fatal(err)
	}
	check("traced")
	s.Redo()
	check("redone")
}

func containsSource(rs []Resource, id string) bool {
	for _, r := range rs {
		if r.ID == id {
			return true
		}
	}
	return false
}

func TestProblemsUnderStopsAtTheIndex(t *testing.T) {
	ps := engine.Problems{{Rule: "VAL-01", Path: "vpcs[10].id"}, {Rule: "VAL-02", Path: "vpcs[1].cidrBlocks[0]"}, {Rule: "VAL-03", Path: "vpcs[1]"}}
	got := problemsUnder(ps, "vpcs[1]")
	if len(got) != 2 || got[0].Rule != "VAL-02" || got[1].Rule != "VAL-03" {
		t.Errorf("problems under vpcs[1] = %v", got)
	}
	if !strings.Contains(problemsUnder(ps, "vpcs[10]").Error(), "VAL-01") {
		t.Errorf("problems under vpcs[10] = %v", problemsUnder(ps, "vpcs[10]"))
	}
}
