package engine

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sharedExample reads a file of the shared examples, falling back to the
// copy in testdata/apply; a copy that differs from the shared file fails.
func sharedExample(t *testing.T, name string) []byte {
	t.Helper()
	local, err := os.ReadFile(filepath.Join("testdata", "apply", name))
	if err != nil {
		t.Fatal(err)
	}
	shared, err := os.ReadFile(filepath.Join("..", "..", "shared", "examples", name))
	if err != nil {
		return local
	}
	if !bytes.Equal(shared, local) {
		t.Errorf("testdata/apply/%s differs from the shared example: copy it again", name)
	}
	return shared
}

func TestApply_SharedExampleAcceptance(t *testing.T) {
	s, ps := Load(sharedExample(t, "endpoint-service-acceptance.json"))
	if len(ps) > 0 {
		t.Fatal(ps)
	}
	acts, err := DecodeActions(sharedExample(t, "endpoint-service-acceptance.actions.json"))
	if err != nil {
		t.Fatal(err)
	}
	out, events, err := Apply(s, acts[:1])
	if err != nil {
		t.Fatal(err)
	}
	wantState(t, out, "vpce-partner", StatePending)
	out, events, err = Apply(s, acts)
	if err != nil {
		t.Fatal(err)
	}
	wantState(t, out, "vpce-partner", StateAvailable)
	wantRefused(t, events)
	if out.Clock != 120 {
		t.Errorf("clock %d, want 120", out.Clock)
	}
	last := events[len(events)-1]
	if last.Time != 60 || last.From != StatePending || last.To != StateAvailable || last.Index != 1 || last.Action != ActionAdvanceTime {
		t.Errorf("last event %+v, want Pending → Available at 60 s by advance-time", last)
	}
}

// lifecycleActions exercises most actions; it is the determinism and
// resumption fixture.
const lifecycleActions = `[
	{"action": "create-vpc-endpoint", "vpcId": "vpc-consumer", "serviceName": "com.amazonaws.us-east-1.s3", "routeTableIds": ["rtb-a"]},
	{"action": "create-vpc-endpoint", "vpcId": "vpc-consumer", "vpcEndpointType": "Interface", "serviceName": "com.amazonaws.vpce.us-east-1.vpce-svc-accept", "subnetIds": ["subnet-a", "subnet-b"], "privateDnsEnabled": true},
	{"action": "create-vpc-endpoint", "vpcId": "vpc-consumer", "vpcEndpointType": "Interface", "serviceName": "com.amazonaws.vpce.us-east-1.vpce-svc-open", "subnetIds": ["subnet-a"], "privateDnsEnabled": false},
	{"action": "advance-time", "seconds": 30},
	{"action": "create-vpc-endpoint-service-configuration", "loadBalancers": ["nlb-spare"], "acceptanceRequired": true},
	{"action": "advance-time", "seconds": 45},
	{"action": "delete-vpc-endpoints", "vpcEndpointIds": ["vpce-nowhere"]},
	{"action": "advance-time", "seconds": 700000}
]`

func TestApply_Deterministic(t *testing.T) {
	run := func() []byte {
		s := lifecycle(t)
		out, events := apply(t, s, lifecycleActions)
		b, err := json.Marshal(struct {
			S *Scenario
			E []Event
		}{out, events})
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	a, b := run(), run()
	if !bytes.Equal(a, b) {
		t.Error("two runs of the same actions differ")
	}
}

func TestApply_ResumesFromItsOutput(t *testing.T) {
	s := lifecycle(t)
	acts, err := DecodeActions([]byte(lifecycleActions))
	if err != nil {
		t.Fatal(err)
	}
	whole, wholeEvents, err := Apply(s, acts)
	if err != nil {
		t.Fatal(err)
	}
	// Resume after the first advance-time, through the JSON the CLI prints.
	first, firstEvents, err := Apply(s, acts[:5])
	if err != nil {
		t.Fatal(err)
	}
	doc, err := json.Marshal(first)
	if err != nil {
		t.Fatal(err)
	}
	reloaded, ps := Load(doc)
	if len(ps) > 0 {
		t.Fatalf("the output does not load: %v", ps)
	}
	rest, restEvents, err := Apply(reloaded, acts[5:])
	if err != nil {
		t.Fatal(err)
	}
	a, _ := json.Marshal(whole)
	b, _ := json.Marshal(rest)
	if !bytes.Equal(a, b) {
		t.Errorf("resumed run differs:\n%s\n%s", a, b)
	}
	if len(firstEvents)+len(restEvents) != len(wholeEvents) {
		t.Errorf("%d + %d events, want %d", len(firstEvents), len(restEvents), len(wholeEvents))
	}
	if st := eventsOf(wholeEvents, KindState); len(st) < 2 {
		t.Errorf("want timed transitions in the fixture; events:\n%s", dumpEvents(wholeEvents))
	}
}

func TestApply_ErrorsOnlyForMalformedInput(t *testing.T) {
	s := lifecycle(t)
	if _, _, err := Apply(nil, nil); err == nil {
		t.Error("nil scenario: no error")
	}
	bad := lifecycle(t)
	bad.VPCs[0].Subnets[0].RouteTable = "rtb-nowhere"
	var ps Problems
	if _, _, err := Apply(bad, nil); !errors.As(err, &ps) {
		t.Errorf("invalid scenario: error %v, want Problems", err)
	}
	for _, act := range []Action{{Action: "frobnicate"}, {Action: ActionAdvanceTime, Seconds: -1}} {
		if _, _, err := Apply(s, []Action{act}); err == nil {
			t.Errorf("%+v: no error", act)
		}
	}
	neg := lifecycle(t)
	neg.Clock = -5
	if _, _, err := Apply(neg, nil); err == nil {
		t.Error("negative clock: no error")
	}
	future := lifecycle(t)
	future.VPCs[0].Endpoints = []VPCEndpoint{{ID: "vpce-x", VPCEndpointType: EndpointGateway, ServiceName: "com.amazonaws.us-east-1.s3", StateSince: 10}}
	if _, _, err := Apply(future, nil); err == nil || !strings.Contains(err.Error(), "stateSince") {
		t.Errorf("state entered after the clock: error %v", err)
	}
	out, events, err := Apply(s, []Action{{Action: ActionCreateEndpoint, VPCID: "vpc-nowhere"}})
	if err != nil || out == nil || len(events) != 1 || events[0].Kind != KindRefused {
		t.Errorf("a refused action: %v, %+v", err, events)
	}
	if out, events, err := Apply(s, nil); err != nil || len(events) != 0 || events == nil || out == s {
		t.Errorf("no actions: %v, %v; want a copy and an empty log", err, events)
	}
}

func TestApply_OverdueTimersFireAtOnce(t *testing.T) {
	s := lifecycle(t)
	s.Clock = 500
	s.VPCs[0].Endpoints = []VPCEndpoint{{ID: "vpce-x", VPCEndpointType: EndpointInterface, ServiceName: "com.amazonaws.us-east-1.sqs",
		SubnetIDs: []string{"subnet-a"}, PrivateDNSEnabled: new(false), State: StatePending, StateSince: 100}}
	out, events := apply(t, s, `[{"action": "advance-time", "seconds": 0}]`)
	wantState(t, out, "vpce-x", StateAvailable)
	if st := eventsOf(events, KindState); len(st) != 1 || st[0].Time != 500 {
		t.Errorf("events %+v, want the overdue transition at the current second", st)
	}
}
