package engine

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// stateFixtures lists the scenario documents of the built-in lessons and of
// the examples, each with its actions file ("" when it has none).
func stateFixtures(t *testing.T) (scenarios, actions []string) {
	t.Helper()
	for _, dir := range []string{filepath.Join("lessons", "data"), filepath.Join("testdata", "examples"), filepath.Join("testdata", "apply")} {
		files, err := filepath.Glob(filepath.Join(dir, "*.json"))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			if strings.HasSuffix(f, ".lesson.json") || strings.HasSuffix(f, ".actions.json") {
				continue
			}
			acts := strings.TrimSuffix(f, ".json") + ".actions.json"
			if _, err := os.Stat(acts); err != nil {
				acts = ""
			}
			scenarios, actions = append(scenarios, f), append(actions, acts)
		}
	}
	if len(scenarios) < 10 {
		t.Fatalf("found only %d scenarios", len(scenarios))
	}
	return scenarios, actions
}

// TestRule_SVC07_TraceAndLifecycleAgreeOnEndpointState checks that the
// state the trace uses (the compiled world's) is the lifecycle's
// EffectiveEndpointState, and that both say the same about carrying traffic,
// for every endpoint of every lesson and example: as written, after each
// prefix of its lifecycle actions, and with acceptance required flipped on
// every endpoint service (SVC-05, SVC-06, SVC-07).
func TestRule_SVC07_TraceAndLifecycleAgreeOnEndpointState(t *testing.T) {
	scenarios, actions := stateFixtures(t)
	endpoints, pending := 0, 0
	check := func(name string, s *Scenario) {
		t.Helper()
		w, err := Compile(s)
		if err != nil {
			t.Fatalf("%s: compile: %v", name, err)
		}
		for i := range s.VPCs {
			for j, e := range s.VPCs[i].Endpoints {
				en := w.endpoints[e.ID]
				if en == nil {
					t.Errorf("%s: %s not compiled", name, e.ID)
					continue
				}
				endpoints++
				want := EffectiveEndpointState(s, i, j)
				if want == StatePendingAcceptance {
					pending++
				}
				if en.state != want {
					t.Errorf("%s: %s: trace state %s, lifecycle %s", name, e.ID, en.state, want)
				}
				if got, want := en.carriesTraffic(), EndpointCarriesTraffic(s, i, j); got != want {
					t.Errorf("%s: %s: trace carries traffic %v, lifecycle %v", name, e.ID, got, want)
				}
			}
		}
	}
	for k, file := range scenarios {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		s, ps := Load(data)
		if len(ps) > 0 {
			t.Fatalf("%s: %v", file, ps)
		}
		check(file, s)
		flipped := cloneScenario(s)
		for i := range flipped.EndpointServices {
			flipped.EndpointServices[i].AcceptanceRequired = !flipped.EndpointServices[i].AcceptanceRequired
		}
		check(file+" (acceptance flipped)", flipped)
		if actions[k] == "" {
			continue
		}
		raw, err := os.ReadFile(actions[k])
		if err != nil {
			t.Fatal(err)
		}
		acts, err := DecodeActions(raw)
		if err != nil {
			t.Fatalf("%s: %v", actions[k], err)
		}
		for n := 1; n <= len(acts); n++ {
			out, _, err := Apply(s, acts[:n])
			if err != nil {
				t.Fatalf("%s: %d actions: %v", actions[k], n, err)
			}
			check(file+" after "+acts[n-1].Action, out)
		}
	}
	if endpoints == 0 || pending == 0 {
		t.Errorf("checked %d endpoints, %d PendingAcceptance: the fixtures should hold both kinds", endpoints, pending)
	}
}
