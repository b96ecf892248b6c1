package engine

import (
	"strings"
	"testing"
)

// TestRule_SVC09_ConsumerRegionMustBeSupported: a cross-Region interface
// endpoint is valid when the endpoint service lists the Region of the
// endpoint's VPC, and an SVC-09 problem at its serviceRegion when it does
// not, as create-vpc-endpoint refuses it.
func TestRule_SVC09_ConsumerRegionMustBeSupported(t *testing.T) {
	withWestEndpoint := func(service string) *Scenario {
		s := lifecycle(t)
		v := &s.VPCs[1] // vpc-west, us-west-2
		v.Endpoints = append(v.Endpoints, VPCEndpoint{
			ID: "vpce-west", VPCEndpointType: EndpointInterface, PrivateDNSEnabled: boolp(false),
			ServiceName: "com.amazonaws.vpce.us-east-1." + service, ServiceRegion: "us-east-1",
			SubnetIDs: []string{"subnet-west"}, State: StateAvailable,
		})
		return s
	}
	// vpce-svc-accept lists us-west-2.
	if ps := Validate(withWestEndpoint("vpce-svc-accept")); len(ps) > 0 {
		t.Errorf("an endpoint from a supported Region: %v", ps)
	}
	// vpce-svc-open lists no other Region.
	ps := Validate(withWestEndpoint("vpce-svc-open"))
	found := false
	for _, p := range ps {
		if p.Rule == "SVC-09" && strings.HasSuffix(p.Path, ".serviceRegion") && strings.Contains(p.Message, "us-west-2") {
			found = true
		}
	}
	if !found {
		t.Errorf("an endpoint from an unsupported Region: want an SVC-09 problem at its serviceRegion naming us-west-2, got %v", ps)
	}
}
