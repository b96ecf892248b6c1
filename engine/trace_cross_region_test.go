package engine

import (
	"os"
	"path/filepath"
	"testing"
)

// TestRule_SVC09_TraceCrossesRegionsThroughTheEndpoint: the cross-Region
// lesson's consumer in eu-west-1 reaches the service in us-east-1 with a
// hop that names both Regions (SVC-09); the same service reached from its
// own Region is carried under SVC-08.
func TestRule_SVC09_TraceCrossesRegionsThroughTheEndpoint(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("lessons", "data", "cross-region-privatelink.json"))
	if err != nil {
		t.Fatal(err)
	}
	s, ps := Load(data)
	if len(ps) > 0 {
		t.Fatal(ps)
	}
	tr := trace(t, compileScenario(t, s), TraceRequest{From: "i-0dublin", To: "orders.provider.example"})
	expect(t, tr, VerdictAllowed, "SVC-09", DecisionForwarded)
	if !hasHop(tr, HopService, "from vpc-0dublin in eu-west-1 to vpce-svc-0orders1a2b of account 444455556666 in us-east-1") {
		t.Errorf("the service hop does not name the Regions\n%s", tr.Text())
	}
	// The same consumer moved to us-east-1 with an endpoint of its Region.
	v := &s.VPCs[1]
	v.Region, v.Subnets[0].AvailabilityZone, v.Endpoints[0].ServiceRegion = "us-east-1", "us-east-1a", ""
	tr = trace(t, compileScenario(t, s), TraceRequest{From: "i-0dublin", To: "orders.provider.example"})
	expect(t, tr, VerdictAllowed, "SVC-08", DecisionForwarded)
	if hasHop(tr, HopService, "across Regions") {
		t.Errorf("a same-Region request was said to cross Regions\n%s", tr.Text())
	}
}
