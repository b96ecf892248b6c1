package awsimport

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"privatelink-playground/engine"
)

// plSample is the capture of testdata written by hand for endpoint
// services: a provider account's Network Load Balancer and endpoint
// service, and a consumer account's interface endpoint to it.
const plSample = "privatelink-service"

// The IDs of plSample.
const (
	plProviderVPC = "vpc-0e1f2a3b4c5d6e7f8" // 10.0.0.0/16, account 444455556666
	plConsumerVPC = "vpc-0f9e8d7c6b5a49382" // 10.0.0.0/16 too, account 111122223333
	plService     = "vpce-svc-0c4d8e2f6a1b3c5d7"
	plEndpoint    = "vpce-0d1e2f3a4b5c6d7e8" // 10.0.1.200 in the consumer's subnet
	plUnhealthy   = "i-0a7b8c9d0e1f2a3b4"    // api-1, 10.0.1.10
	plHealthy     = "i-0b8c9d0e1f2a3b4c5"    // api-2, 10.0.2.10
	plClient      = "i-0c9d0e1f2a3b4c5d6"    // 10.0.1.50 in the consumer VPC
	plDNSName     = "api.provider.example"   // the service's private DNS name
)

// The capture imports into a valid scenario holding the load balancer with
// its listeners and both targets, the endpoint service with its permission,
// and the consumer's endpoint, Available although the service requires
// acceptance; the only note is the consumer VPC's DNS attributes, inferred
// from the endpoint's private DNS.
func TestPrivateLinkSample(t *testing.T) {
	r := importSample(t, plSample)
	s := r.Scenario
	assertValid(t, s)
	if s.Region != "us-east-2" || len(s.Accounts) != 2 || s.Accounts[0].ID != "111122223333" || s.Accounts[1].ID != "444455556666" {
		t.Errorf("region %q, accounts %+v", s.Region, s.Accounts)
	}
	yes, no := true, false
	lbs := []engine.LoadBalancer{{
		ID: "api-nlb", Type: "network", VPC: plProviderVPC,
		Subnets:   []string{"subnet-0a1b2c3d4e5f60718", "subnet-0b2c3d4e5f6071829"},
		Listeners: []engine.Listener{{Port: 443, Protocol: "TCP"}, {Port: 80, Protocol: "TCP"}},
		Targets:   []engine.Target{{Instance: plUnhealthy, Port: 8443, Healthy: &no}, {Instance: plHealthy, Port: 8443, Healthy: &yes}},
	}}
	if !reflect.DeepEqual(s.LoadBalancers, lbs) {
		t.Errorf("load balancers\n%s\nwant\n%s", asJSON(s.LoadBalancers), asJSON(lbs))
	}
	services := []engine.EndpointService{{
		ID: plService, Account: "444455556666", LoadBalancers: []string{"api-nlb"}, AcceptanceRequired: true,
		AllowedPrincipals: []string{"arn:aws:iam::111122223333:root"}, PrivateDNSName: plDNSName,
		SupportedIPAddressTypes: []string{"ipv4"},
	}}
	if !reflect.DeepEqual(s.EndpointServices, services) {
		t.Errorf("endpoint services\n%s\nwant\n%s", asJSON(s.EndpointServices), asJSON(services))
	}
	eps := vpcByID(t, s, plConsumerVPC).Endpoints
	if len(eps) != 1 || eps[0].ID != plEndpoint || eps[0].State != engine.StateAvailable ||
		eps[0].ServiceName != "com.amazonaws.vpce.us-east-2."+plService || eps[0].IPAddresses["subnet-0c9d8e7f6a5b4c3d2"] != "10.0.1.200" {
		t.Errorf("consumer endpoints %s", asJSON(eps))
	}
	wantNotes := []string{
		"consumer-vpc-endpoints.json VpcEndpoints[0]: " + plEndpoint + " has private DNS on, which AWS allows only with DNS support and DNS hostnames on",
	}
	assertNotesStartWith(t, r, wantNotes)
}

// Traces from the consumer's instance to the provider's service, by its
// private DNS name or the endpoint's address, cross the endpoint, the
// service and the load balancer, which picks the healthy target (SVC-01);
// the overlapping CIDRs do not matter (SVC-08).
func TestPrivateLinkSampleTraces(t *testing.T) {
	w, err := engine.Compile(importSample(t, plSample).Scenario)
	if err != nil {
		t.Fatal(err)
	}
	for _, req := range []engine.TraceRequest{
		{From: plClient, To: plDNSName, Port: 443},
		{From: plClient, To: "10.0.1.200", Port: 443},
		{From: plClient, To: plDNSName, Port: 80},
	} {
		tr := w.Trace(req)
		if tr.Verdict != engine.VerdictAllowed {
			t.Errorf("%s → %s:%d: %s, want allowed\n%s", req.From, req.To, req.Port, tr.Verdict, tr.Text())
			continue
		}
		for _, want := range []engine.Hop{
			{Kind: engine.HopEndpoint, At: plEndpoint, Rule: "IF-01"},
			{Kind: engine.HopService, At: plService, Rule: "SVC-08"},
			{Kind: engine.HopLoadBalancer, At: "api-nlb", Rule: "SVC-01", Detail: "healthy target " + plHealthy + ":8443"},
			{Kind: engine.HopTarget, At: plHealthy, Rule: "SVC-01", Detail: "10.0.2.10:8443"},
		} {
			if !hasHop(tr, want) {
				t.Errorf("%s → %s:%d: no %s hop at %s by %s saying %q\n%s", req.From, req.To, req.Port, want.Kind, want.At, want.Rule, want.Detail, tr.Text())
			}
		}
	}
}

// hasHop reports whether a trace has a hop of the kind, place and rule
// whose detail holds want.Detail.
func hasHop(tr engine.Trace, want engine.Hop) bool {
	for _, h := range tr.Hops {
		if h.Kind == want.Kind && h.At == want.At && h.Rule == want.Rule && strings.Contains(h.Detail, want.Detail) {
			return true
		}
	}
	return false
}

// sampleFiles reads a capture of testdata as Import takes it.
func sampleFiles(t *testing.T, name string) map[string][]byte {
	t.Helper()
	entries, err := os.ReadDir(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join("testdata", name, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		files[e.Name()] = data
	}
	return files
}

// Each variant of the capture changes what the provider or consumer
// printed, and the trace to the service by name is decided by the rule
// that says why: an endpoint still waiting for acceptance carries no
// traffic (SVC-07); with its only healthy target unhealthy the load
// balancer fails open to the other (SVC-01); without describe-target-health
// it has no registered target (SVC-01); without a listener on the port the
// endpoint does not answer it (IF-13).
func TestPrivateLinkSampleVariants(t *testing.T) {
	type edit struct{ file, old, new string }
	for name, c := range map[string]struct {
		edits    []edit
		drop     string
		port     int
		verdict  string
		last     engine.Hop
		noteAt   string
		noteSays string
	}{
		"pending acceptance": {
			edits:   []edit{{"consumer-vpc-endpoints.json", `"State": "available"`, `"State": "pendingAcceptance"`}},
			port:    443,
			verdict: engine.VerdictUnreachable,
			last:    engine.Hop{Kind: engine.HopEndpoint, At: plEndpoint, Rule: "SVC-07", Detail: "PendingAcceptance"},
		},
		"no healthy target": {
			edits:   []edit{{"provider-target-health.json", `"State": "healthy"`, `"State": "unhealthy"`}},
			port:    443,
			verdict: engine.VerdictAllowed,
			last:    engine.Hop{Kind: engine.HopTarget, At: plUnhealthy, Rule: "SVC-01"},
		},
		"no target health": {
			drop:     "provider-target-health.json",
			port:     443,
			verdict:  engine.VerdictUnreachable,
			last:     engine.Hop{Kind: engine.HopLoadBalancer, At: "api-nlb", Rule: "SVC-01", Detail: "no registered target"},
			noteAt:   "TargetGroups[0]",
			noteSays: "mapped without targets",
		},
		"no listener on 80": {
			edits:   []edit{{"provider-listeners.json", `"Port": 80,`, `"Port": 8080,`}},
			port:    80,
			verdict: engine.VerdictUnreachable,
			last:    engine.Hop{Kind: engine.HopEndpoint, At: plEndpoint, Rule: "IF-13", Detail: "443, 8080"},
		},
	} {
		files := sampleFiles(t, plSample)
		delete(files, c.drop)
		for _, e := range c.edits {
			text := string(files[e.file])
			if !strings.Contains(text, e.old) {
				t.Fatalf("%s: %s does not hold %s", name, e.file, e.old)
			}
			files[e.file] = []byte(strings.Replace(text, e.old, e.new, 1))
		}
		r, err := Import(files)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		assertValid(t, r.Scenario)
		if c.noteAt != "" {
			assertNote(t, r, c.noteAt, c.noteSays)
		}
		w, err := engine.Compile(r.Scenario)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		tr := w.Trace(engine.TraceRequest{From: plClient, To: plDNSName, Port: c.port})
		if tr.Verdict != c.verdict {
			t.Errorf("%s: %s, want %s\n%s", name, tr.Verdict, c.verdict, tr.Text())
			continue
		}
		last := tr.Hops[len(tr.Hops)-1]
		if last.Kind != c.last.Kind || last.At != c.last.At || last.Rule != c.last.Rule || !strings.Contains(last.Detail, c.last.Detail) {
			t.Errorf("%s: settled by %s at %s (%s: %s), want %s at %s (%s: …%s…)", name, last.Kind, last.At, last.Rule, last.Detail, c.last.Kind, c.last.At, c.last.Rule, c.last.Detail)
		}
		if name == "no healthy target" && !hasHop(tr, engine.Hop{Kind: engine.HopLoadBalancer, At: "api-nlb", Rule: "SVC-01", Detail: "every target is unhealthy, so it fails open"}) {
			t.Errorf("%s: the load balancer does not say it fails open\n%s", name, tr.Text())
		}
	}
}
