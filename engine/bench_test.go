package engine

import (
	"fmt"
	"testing"
)

// BenchmarkCompile compiles each example and the large generated scenario.
func BenchmarkCompile(b *testing.B) {
	for _, name := range exampleNames {
		s, ps := Load(exampleData(b, name))
		if len(ps) > 0 {
			b.Fatal(ps)
		}
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				if _, err := Compile(s); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	s := largeScenario(200, 10, 20, 50)
	b.Run("large", func(b *testing.B) {
		for b.Loop() {
			if _, err := Compile(s); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkTrace traces the saved requests of each example and a few
// requests across the large generated scenario.
func BenchmarkTrace(b *testing.B) {
	for _, name := range exampleNames {
		w := compileData(b, exampleData(b, name))
		reqs := w.s.Traces
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				for _, r := range reqs {
					w.Trace(r)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(reqs))/1000, "µs/trace")
		})
	}
	w, err := Compile(largeScenario(200, 10, 20, 50))
	if err != nil {
		b.Fatal(err)
	}
	reqs := []TraceRequest{
		{From: "i-0-0", To: "10.63.3.10", Port: 22},             // across the transit gateway
		{From: "i-3-1", To: "app-3.s3.us-east-1.amazonaws.com"}, // through a gateway endpoint
		{From: "i-4-2", To: "sqs.us-east-1.amazonaws.com"},      // through an interface endpoint
		{From: "i-7-7", To: "dynamodb.us-east-1.amazonaws.com"}, // out through the internet gateway
		{From: "i-199-9", To: "10.199.0.10", Port: 22},          // within the VPC
	}
	b.Run("large", func(b *testing.B) {
		for b.Loop() {
			for _, r := range reqs {
				w.Trace(r)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(reqs))/1000, "µs/trace")
	})
}

// TestLargeScenarioTraces keeps the benchmark's scenario valid and its
// traces meaningful.
func TestLargeScenarioTraces(t *testing.T) {
	if testing.Short() {
		t.Skip("large scenario")
	}
	w := compileScenario(t, largeScenario(200, 10, 20, 50))
	for _, c := range []struct {
		req     TraceRequest
		verdict string
	}{
		{TraceRequest{From: "i-0-0", To: "10.63.3.10", Port: 22}, VerdictAllowed},
		{TraceRequest{From: "i-3-1", To: "app-3.s3.us-east-1.amazonaws.com"}, VerdictAllowed},
		{TraceRequest{From: "i-4-2", To: "sqs.us-east-1.amazonaws.com"}, VerdictAllowed},
		{TraceRequest{From: "i-7-7", To: "dynamodb.us-east-1.amazonaws.com"}, VerdictAllowed},
		{TraceRequest{From: "i-199-9", To: "10.199.0.10", Port: 22}, VerdictAllowed},
	} {
		expect(t, trace(t, w, c.req), c.verdict, "", "")
	}
}

// largeScenario generates vpcs VPCs (10.i.0.0/16) of subnets subnets each,
// one instance per subnet, joined by a transit gateway; each VPC's table
// holds routes static routes (to other VPCs through the transit gateway,
// and the default route to its internet gateway); endpoints endpoints
// alternate between S3 gateway endpoints and SQS interface endpoints.
func largeScenario(vpcs, subnets, routes, endpoints int) *Scenario {
	s := &Scenario{Version: 1, Region: "us-east-1", Accounts: []Account{{ID: "111122223333"}}, Quotas: &Quotas{GatewayEndpointsPerRegion: intp(endpoints)}}
	tgw := TransitGateway{ID: "tgw-big"}
	for i := range vpcs {
		v := VPC{
			ID: fmt.Sprintf("vpc-%d", i), Account: "111122223333",
			CIDRBlocks:       []string{fmt.Sprintf("10.%d.0.0/16", i)},
			EnableDNSSupport: boolp(true), EnableDNSHostnames: boolp(true),
			InternetGateway: fmt.Sprintf("igw-%d", i),
			SecurityGroups:  []SecurityGroup{{ID: fmt.Sprintf("sg-%d", i), GroupName: "app", Ingress: []SGRule{{IPProtocol: "-1", CIDRIP: "10.0.0.0/8"}}}},
		}
		rt := RouteTable{ID: fmt.Sprintf("rtb-%d", i), Main: true, Routes: []Route{{DestinationCIDRBlock: "0.0.0.0/0", Target: v.InternetGateway}}}
		for k := 1; k < routes; k++ {
			peer := (i + (k+1)/2*7) % vpcs // alternately +7k and -7k, so every route has its way back
			if k%2 == 0 {
				peer = (i - k/2*7 + 7*vpcs) % vpcs
			}
			rt.Routes = append(rt.Routes, Route{DestinationCIDRBlock: fmt.Sprintf("10.%d.0.0/16", peer), Target: tgw.ID})
		}
		rt.Routes = dedupeRoutes(rt.Routes, i)
		v.RouteTables = []RouteTable{rt}
		for j := range subnets {
			v.Subnets = append(v.Subnets, Subnet{ID: fmt.Sprintf("subnet-%d-%d", i, j), AvailabilityZone: fmt.Sprintf("us-east-1%c", 'a'+j%6), CIDRBlock: fmt.Sprintf("10.%d.%d.0/24", i, j)})
			v.Instances = append(v.Instances, Instance{ID: fmt.Sprintf("i-%d-%d", i, j), Subnet: fmt.Sprintf("subnet-%d-%d", i, j), PrivateIPAddress: fmt.Sprintf("10.%d.%d.10", i, j), PublicIPAddress: fmt.Sprintf("54.%d.%d.10", 80+i/100, i%100*2+j/8), SecurityGroups: []string{fmt.Sprintf("sg-%d", i)}})
		}
		if i < endpoints {
			if i%2 == 1 {
				v.Endpoints = append(v.Endpoints, VPCEndpoint{ID: fmt.Sprintf("vpce-gw-%d", i), VPCEndpointType: EndpointGateway, ServiceName: "com.amazonaws.us-east-1.s3", RouteTableIDs: []string{rt.ID}})
			} else {
				v.Endpoints = append(v.Endpoints, VPCEndpoint{ID: fmt.Sprintf("vpce-if-%d", i), VPCEndpointType: EndpointInterface, ServiceName: "com.amazonaws.us-east-1.sqs", SubnetIDs: []string{fmt.Sprintf("subnet-%d-0", i), fmt.Sprintf("subnet-%d-1", i)}, SecurityGroupIDs: []string{fmt.Sprintf("sg-%d", i)}})
			}
		}
		s.VPCs = append(s.VPCs, v)
		tgw.Attachments = append(tgw.Attachments, TGWAttachment{ID: fmt.Sprintf("tgw-attach-%d", i), VPC: v.ID, Subnets: []string{fmt.Sprintf("subnet-%d-0", i)}})
		tgw.Routes = append(tgw.Routes, TGWRoute{DestinationCIDRBlock: v.CIDRBlocks[0], Attachment: fmt.Sprintf("tgw-attach-%d", i)})
	}
	s.TransitGateways = []TransitGateway{tgw}
	return s
}

// dedupeRoutes drops routes to the VPC's own CIDR and repeated ones.
func dedupeRoutes(routes []Route, self int) []Route {
	seen := map[string]bool{fmt.Sprintf("10.%d.0.0/16", self): true}
	var out []Route
	for _, r := range routes {
		if !seen[r.DestinationCIDRBlock] {
			seen[r.DestinationCIDRBlock] = true
			out = append(out, r)
		}
	}
	return out
}
