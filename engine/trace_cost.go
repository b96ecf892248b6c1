package engine

import "fmt"

// chargeNote is the clause an endpoint hop of a trace ends with to say
// what the traffic costs (IF-10): interface and Gateway Load Balancer
// endpoints bill the data they process, at the scenario's price or AWS's
// default (for interface endpoints, the price of the first tier of
// DefaultDataTiers, which covers the first PB a month); gateway endpoints
// are free.
func (w *World) chargeNote(endpointType string) string {
	var p Prices
	if w.s.Prices != nil {
		p = *w.s.Prices
	}
	switch endpointType {
	case EndpointGateway:
		return "; gateway endpoints are free: no hourly or data processing charge applies (IF-10)"
	case EndpointGatewayLoadBalancer:
		return fmt.Sprintf("; data processing of $%g per GB applies (IF-10)", priceOr(p.GatewayLoadBalancerDataProcessedGB, DefaultGWLBDataProcessedGB))
	}
	return fmt.Sprintf("; data processing of $%g per GB applies (IF-10)", priceOr(p.DataProcessedGB, DefaultDataTiers()[0].PerGB))
}
