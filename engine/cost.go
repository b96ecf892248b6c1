package engine

import (
	"fmt"
	"math"
	"slices"
)

// Default prices of IF-10: AWS's public us-east-1 list prices.
const (
	// DefaultEndpointHour is the price of an interface or Gateway Load
	// Balancer endpoint per Availability Zone per hour, in USD.
	DefaultEndpointHour = 0.01
	// DefaultGWLBDataProcessedGB is the price per GB a Gateway Load Balancer
	// endpoint processes, in USD.
	DefaultGWLBDataProcessedGB = 0.0035
	// HoursPerMonth is AWS's billing month.
	HoursPerMonth = 730
)

// DataTier is one tier of the interface endpoints' data processing price:
// UpToGB (0 for the last tier, which has no end) at PerGB USD.
type DataTier struct {
	UpToGB float64 `json:"upToGB,omitempty"`
	PerGB  float64 `json:"perGB"`
}

// DefaultDataTiers are the tiers of interface endpoint data processing per
// Region per month: $0.01/GB for the first PB, $0.006/GB for the next 4 PB,
// $0.004/GB beyond (IF-10; 1 PB = 1,048,576 GB).
func DefaultDataTiers() []DataTier {
	const pb = 1 << 20
	return []DataTier{{UpToGB: pb, PerGB: 0.01}, {UpToGB: 5 * pb, PerGB: 0.006}, {PerGB: 0.004}}
}

// CostOptions tunes EstimateCost.
type CostOptions struct {
	// Hours is the billed period; 0 means a month (730 hours). A partial
	// hour counts as a full hour (IF-10).
	Hours float64
}

// CostReport is the estimated bill of a scenario's VPC endpoints (IF-10).
type CostReport struct {
	Currency string `json:"currency"`
	// Hours is the billed period in whole hours.
	Hours     int            `json:"hours"`
	Endpoints []EndpointCost `json:"endpoints"`
	// HourlyTotal, DataTotal and Total sum the endpoints, in USD.
	HourlyTotal float64 `json:"hourlyTotal"`
	DataTotal   float64 `json:"dataTotal"`
	Total       float64 `json:"total"`
	Rule        string  `json:"rule"`
}

// EndpointCost is the estimated bill of one endpoint.
type EndpointCost struct {
	Endpoint string `json:"endpoint"`
	VPC      string `json:"vpc"`
	Type     string `json:"type"`
	Region   string `json:"region"`
	State    string `json:"state"`
	// AZs is the number of Availability Zones (subnets) billed per hour.
	AZs        int     `json:"azs"`
	HourlyCost float64 `json:"hourlyCost"`
	DataGB     float64 `json:"dataGB"`
	DataCost   float64 `json:"dataCost"`
	Total      float64 `json:"total"`
	Detail     string  `json:"detail"`
}

// EstimateCost estimates what the scenario's endpoints cost over a period
// (IF-10): interface and Gateway Load Balancer endpoints per endpoint per
// AZ per hour, in every state until deleted, plus the data they process;
// gateway endpoints are free. Prices come from the scenario's `prices`,
// else the defaults:
//
//   - interfaceEndpointHour (default $0.01) per endpoint-AZ-hour;
//     gatewayLoadBalancerEndpointHour (default: the same) for GWLB endpoints.
//   - Data volume per month: prices.endpointMonthlyDataGB[id], else
//     prices.monthlyDataGB (each endpoint's), else none; scaled to the period.
//   - Interface endpoint data: dataProcessedGB, a flat price per GB, else
//     the tiers of DefaultDataTiers applied to the total of the Region's
//     interface endpoints, each endpoint paying its share at the average
//     rate. GWLB endpoint data: gatewayLoadBalancerDataProcessedGB (default
//     $0.0035/GB).
//
// Amounts are in USD, rounded to 1/10,000 of a dollar; the report is
// deterministic (document order).
func EstimateCost(s *Scenario, opts CostOptions) CostReport {
	hours := HoursPerMonth
	if opts.Hours > 0 {
		hours = int(math.Min(math.Ceil(opts.Hours), math.MaxInt32))
	}
	r := CostReport{Currency: "USD", Hours: hours, Endpoints: []EndpointCost{}, Rule: "IF-10"}
	if s == nil {
		return r
	}
	p := s.Prices
	if p == nil {
		p = &Prices{}
	}
	ifHour := priceOr(p.InterfaceEndpointHour, DefaultEndpointHour)
	gwlbHour := priceOr(p.GatewayLoadBalancerEndpointHour, ifHour)
	gwlbGB := priceOr(p.GatewayLoadBalancerDataProcessedGB, DefaultGWLBDataProcessedGB)
	scale := float64(hours) / HoursPerMonth
	regionGB := map[string]float64{}
	for i := range s.VPCs {
		for _, e := range s.VPCs[i].Endpoints {
			c := EndpointCost{Endpoint: e.ID, VPC: s.VPCs[i].ID, Type: e.VPCEndpointType, Region: vpcRegionOf(s, i), State: endpointStateIn(s, &e)}
			switch {
			case c.State == StateDeleted:
				c.Detail = "deleted: no longer billed"
			case e.VPCEndpointType == EndpointGateway:
				c.Detail = "gateway endpoints are free"
			default:
				c.AZs = len(uniqueSubnets(e.SubnetIDs))
				c.DataGB = dataVolume(p, e.ID) * scale
				price := ifHour
				if e.VPCEndpointType == EndpointGatewayLoadBalancer {
					price = gwlbHour
					c.DataCost = c.DataGB * gwlbGB
				} else {
					regionGB[c.Region] += c.DataGB
				}
				c.HourlyCost = float64(c.AZs*hours) * price
				c.Detail = fmt.Sprintf("%d AZ × %d h × $%g", c.AZs, hours, price)
			}
			r.Endpoints = append(r.Endpoints, c)
		}
	}
	rate := map[string]float64{} // average price per GB in each Region
	for region, gb := range regionGB {
		if gb > 0 {
			rate[region] = dataCharge(p, gb) / gb
		}
	}
	for k := range r.Endpoints {
		c := &r.Endpoints[k]
		if c.Type == EndpointInterface && c.State != StateDeleted {
			c.DataCost = c.DataGB * rate[c.Region]
		}
		if c.DataGB > 0 {
			c.Detail += fmt.Sprintf(" + %g GB processed", roundUSD(c.DataGB))
		}
		c.HourlyCost, c.DataCost, c.DataGB = roundUSD(c.HourlyCost), roundUSD(c.DataCost), roundUSD(c.DataGB)
		c.Total = roundUSD(c.HourlyCost + c.DataCost)
		r.HourlyTotal += c.HourlyCost
		r.DataTotal += c.DataCost
	}
	r.HourlyTotal, r.DataTotal = roundUSD(r.HourlyTotal), roundUSD(r.DataTotal)
	r.Total = roundUSD(r.HourlyTotal + r.DataTotal)
	return r
}

// dataCharge prices gb of interface endpoint data in one Region: the flat
// dataProcessedGB price if set, else the default tiers.
func dataCharge(p *Prices, gb float64) float64 {
	if p.DataProcessedGB != nil {
		return gb * math.Max(*p.DataProcessedGB, 0)
	}
	total, below := 0.0, 0.0
	for _, t := range DefaultDataTiers() {
		top := t.UpToGB
		if top == 0 || gb < top {
			top = gb
		}
		if top > below {
			total += (top - below) * t.PerGB
			below = top
		}
	}
	return total
}

// dataVolume is an endpoint's monthly data volume in GB.
func dataVolume(p *Prices, id string) float64 {
	if gb, ok := p.EndpointMonthlyDataGB[id]; ok {
		return math.Max(gb, 0)
	}
	return math.Max(priceOr(p.MonthlyDataGB, 0), 0)
}

// priceOr returns *p, or def when p is nil; a negative price counts as 0.
func priceOr(p *float64, def float64) float64 {
	if p == nil {
		return def
	}
	return math.Max(*p, 0)
}

// uniqueSubnets drops repeated subnet IDs.
func uniqueSubnets(ids []string) []string {
	out := slices.Clone(ids)
	slices.Sort(out)
	return slices.Compact(out)
}

// roundUSD rounds an amount to 1/10,000 of a dollar.
func roundUSD(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return 0
	}
	return math.Round(x*10000) / 10000
}
