package engine

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// applyFixture loads a scenario of testdata/apply.
func applyFixture(t *testing.T, name string) *Scenario {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "apply", name))
	if err != nil {
		t.Fatal(err)
	}
	s, ps := Load(data)
	if len(ps) > 0 {
		t.Fatalf("%s: %v", name, ps)
	}
	return s
}

// lifecycle is the main fixture: a consumer, a provider and a participant.
func lifecycle(t *testing.T) *Scenario {
	t.Helper()
	return applyFixture(t, "lifecycle.json")
}

// apply runs actions written as a JSON array and checks the invariants
// every run keeps: no error, a valid result, s unchanged.
func apply(t *testing.T, s *Scenario, actions string) (*Scenario, []Event) {
	t.Helper()
	acts, err := DecodeActions([]byte(actions))
	if err != nil {
		t.Fatalf("DecodeActions: %v", err)
	}
	before := Validate(s)
	out, events, err := Apply(s, acts)
	if err != nil {
		t.Fatalf("Apply: %v", err)
	}
	if ps := Validate(out); len(ps) > 0 {
		t.Fatalf("Apply returned an invalid scenario: %v", ps)
	}
	if len(Validate(s)) != len(before) {
		t.Fatal("Apply changed its input")
	}
	return out, events
}

// endpoint returns the endpoint with the ID, or nil.
func endpoint(s *Scenario, id string) *VPCEndpoint {
	i, j, ok := endpointIndexByID(s, id)
	if !ok {
		return nil
	}
	return &s.VPCs[i].Endpoints[j]
}

// stateOf returns the effective state of an endpoint ("" when gone).
func stateOf(s *Scenario, id string) string {
	i, j, ok := endpointIndexByID(s, id)
	if !ok {
		return ""
	}
	return EffectiveEndpointState(s, i, j)
}

// eventsOf returns the events of a kind.
func eventsOf(events []Event, kind string) []Event {
	var out []Event
	for _, e := range events {
		if e.Kind == kind {
			out = append(out, e)
		}
	}
	return out
}

// wantRefused checks that exactly the rules listed refused something, in order.
func wantRefused(t *testing.T, events []Event, rules ...string) {
	t.Helper()
	var got []string
	for _, e := range eventsOf(events, KindRefused) {
		got = append(got, e.Rule)
	}
	if !slices.Equal(got, rules) {
		t.Errorf("refused by %v, want %v; events:\n%s", got, rules, dumpEvents(events))
	}
}

// wantState checks an endpoint's effective state.
func wantState(t *testing.T, s *Scenario, id, want string) {
	t.Helper()
	if got := stateOf(s, id); got != want {
		t.Errorf("%s is %q, want %q", id, got, want)
	}
}

// dumpEvents formats events one a line for failure messages.
func dumpEvents(events []Event) string {
	var b strings.Builder
	for _, e := range events {
		b.WriteString("  ")
		b.WriteString(strings.Join([]string{e.Kind, e.Rule, e.Resource, e.From + "→" + e.To, e.Detail}, " | "))
		b.WriteString("\n")
	}
	return b.String()
}

// connect is a create-vpc-endpoint action of the consumer to an endpoint
// service, in subnet-a, with a fixed ID.
func connect(id, service string) string {
	return `{"action": "create-vpc-endpoint", "vpcId": "vpc-consumer", "vpcEndpointType": "Interface",
		"serviceName": "com.amazonaws.vpce.us-east-1.` + service + `", "subnetIds": ["subnet-a"],
		"securityGroupIds": ["sg-vpce"], "privateDnsEnabled": false, "vpcEndpointId": "` + id + `"}`
}

// jsonFixture reads a file of testdata/apply.
func jsonFixture(name string) ([]byte, error) {
	return os.ReadFile(filepath.Join("testdata", "apply", name))
}
