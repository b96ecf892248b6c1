package engine

import (
	"encoding/json"
	"math"
	"testing"
)

// costScenario has one gateway endpoint, a two-AZ interface endpoint, a
// one-AZ interface endpoint and a GWLB endpoint.
func costScenario(t *testing.T) *Scenario {
	t.Helper()
	s := lifecycle(t)
	s.VPCs[0].Endpoints = []VPCEndpoint{
		{ID: "vpce-gw", VPCEndpointType: EndpointGateway, ServiceName: "com.amazonaws.us-east-1.s3", RouteTableIDs: []string{"rtb-a"}},
		{ID: "vpce-sqs", VPCEndpointType: EndpointInterface, ServiceName: "com.amazonaws.us-east-1.sqs", SubnetIDs: []string{"subnet-a", "subnet-b"}},
		{ID: "vpce-partner", VPCEndpointType: EndpointInterface, ServiceName: "com.amazonaws.vpce.us-east-1.vpce-svc-accept", SubnetIDs: []string{"subnet-a"}, PrivateDNSEnabled: new(false)},
		{ID: "vpce-fw", VPCEndpointType: EndpointGatewayLoadBalancer, ServiceName: "com.amazonaws.vpce.us-east-1.vpce-svc-fw", SubnetIDs: []string{"subnet-b"}},
	}
	if ps := Validate(s); len(ps) > 0 {
		t.Fatal(ps)
	}
	return s
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-6 }

func TestRule_IF10_CostHourlyPerAZAndGatewayFree(t *testing.T) {
	r := EstimateCost(costScenario(t), CostOptions{})
	want := map[string]float64{"vpce-gw": 0, "vpce-sqs": 14.6, "vpce-partner": 7.3, "vpce-fw": 7.3}
	if r.Hours != 730 || r.Rule != "IF-10" || len(r.Endpoints) != 4 {
		t.Fatalf("report %+v", r)
	}
	for _, c := range r.Endpoints {
		if !near(c.Total, want[c.Endpoint]) {
			t.Errorf("%s costs %v, want %v (%s)", c.Endpoint, c.Total, want[c.Endpoint], c.Detail)
		}
	}
	if !near(r.Total, 29.2) || !near(r.DataTotal, 0) {
		t.Errorf("total %v, data %v; want 29.2 and 0", r.Total, r.DataTotal)
	}
	// In every state until deleted: PendingAcceptance is billed.
	if r.Endpoints[2].State != StatePendingAcceptance || r.Endpoints[2].HourlyCost == 0 {
		t.Errorf("a PendingAcceptance endpoint is billed: %+v", r.Endpoints[2])
	}
}

func TestRule_IF10_CostPartialHoursAndDeleted(t *testing.T) {
	s := costScenario(t)
	s.VPCs[0].Endpoints[1].State = StateDeleted
	r := EstimateCost(s, CostOptions{Hours: 1.5})
	if r.Hours != 2 {
		t.Errorf("1.5 h billed as %d h, want 2", r.Hours)
	}
	if r.Endpoints[1].Total != 0 {
		t.Errorf("a Deleted endpoint is billed: %+v", r.Endpoints[1])
	}
	if !near(r.Endpoints[2].HourlyCost, 0.02) {
		t.Errorf("one AZ for 2 h costs %v, want 0.02", r.Endpoints[2].HourlyCost)
	}
}

func TestRule_IF10_CostDataTiers(t *testing.T) {
	const pb = 1 << 20
	for _, c := range []struct {
		gb, want float64
	}{
		{0, 0}, {1000, 10}, {pb, pb * 0.01}, {2 * pb, pb*0.01 + pb*0.006},
		{5 * pb, pb*0.01 + 4*pb*0.006}, {7 * pb, pb*0.01 + 4*pb*0.006 + 2*pb*0.004},
	} {
		if got := dataCharge(&Prices{}, c.gb); !near(got, c.want) {
			t.Errorf("%v GB cost %v, want %v", c.gb, got, c.want)
		}
	}
}

func TestRule_IF10_CostDataSummedOverTheRegion(t *testing.T) {
	const pb = 1 << 20
	s := costScenario(t)
	s.Prices = &Prices{EndpointMonthlyDataGB: map[string]float64{"vpce-sqs": pb, "vpce-partner": pb, "vpce-fw": 1000}}
	r := EstimateCost(s, CostOptions{})
	// 2 PB over the Region: the first at $0.01, the second at $0.006, each
	// endpoint paying half.
	half := (pb*0.01 + pb*0.006) / 2
	if !near(r.Endpoints[1].DataCost, roundUSD(half)) || !near(r.Endpoints[2].DataCost, roundUSD(half)) {
		t.Errorf("data costs %v and %v, want %v each", r.Endpoints[1].DataCost, r.Endpoints[2].DataCost, half)
	}
	if !near(r.Endpoints[3].DataCost, 3.5) {
		t.Errorf("GWLB data cost %v, want 3.5", r.Endpoints[3].DataCost)
	}
}

func TestRule_IF10_CostPricesOverride(t *testing.T) {
	s := costScenario(t)
	s.Prices = &Prices{InterfaceEndpointHour: new(0.02), DataProcessedGB: new(0.5), MonthlyDataGB: new(10.0), GatewayLoadBalancerEndpointHour: new(0.0)}
	r := EstimateCost(s, CostOptions{})
	if !near(r.Endpoints[1].HourlyCost, 2*730*0.02) || !near(r.Endpoints[1].DataCost, 5) {
		t.Errorf("sqs %+v, want 29.2 hourly and 5 data", r.Endpoints[1])
	}
	if !near(r.Endpoints[3].HourlyCost, 0) {
		t.Errorf("fw %+v, want no hourly cost", r.Endpoints[3])
	}
	if r.Endpoints[0].Total != 0 || r.Endpoints[0].DataGB != 0 {
		t.Errorf("gateway endpoint %+v, want free and not processing", r.Endpoints[0])
	}
}

func TestRule_IF10_CostReportJSON(t *testing.T) {
	a, _ := json.Marshal(EstimateCost(costScenario(t), CostOptions{}))
	b, _ := json.Marshal(EstimateCost(costScenario(t), CostOptions{}))
	if string(a) != string(b) {
		t.Error("the report is not deterministic")
	}
	var m map[string]any
	if err := json.Unmarshal(a, &m); err != nil || m["total"] == nil || m["endpoints"] == nil {
		t.Errorf("report JSON %s", a)
	}
	if r := EstimateCost(nil, CostOptions{}); r.Total != 0 || r.Endpoints == nil {
		t.Errorf("nil scenario: %+v", r)
	}
}
