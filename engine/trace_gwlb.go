package engine

// viaGWLBEndpoint sends a packet to a Gateway Load Balancer endpoint named
// as a route target: the service's Gateway Load Balancer passes it through
// an appliance and returns it to the endpoint, which forwards it by its own
// subnet's route table (GWLB-01). It returns that subnet.
func (t *tracer) viaGWLBEndpoint(sn *subnetNode, en *endpointNode, p packet) (*subnetNode, bool) {
	id := en.e.ID
	if en.e.VPCEndpointType != EndpointGatewayLoadBalancer || en.vpc != sn.vpc || len(en.enis) == 0 {
		t.hop(HopEndpoint, id, DecisionDropped, "NET-07", "%s is not a Gateway Load Balancer endpoint of %s with a network interface: the route leads nowhere.", id, sn.vpc.v.ID)
		return nil, false
	}
	if !en.carriesTraffic() {
		t.hop(HopEndpoint, id, DecisionDropped, "SVC-07", "%s is %s: only an Available endpoint carries traffic.", id, en.state)
		return nil, false
	}
	eni := en.enis[0]
	if !t.aclCross(sn, true, p, "IF-04") || !t.aclCross(eni.subnet, false, p, "IF-04") {
		return nil, false
	}
	var gwlb *lbNode
	if en.svc != nil {
		for _, ln := range en.svc.lbs {
			if ln.lb.Type == "gateway" {
				gwlb = ln
				break
			}
		}
	}
	if gwlb == nil {
		t.hop(HopEndpoint, id, DecisionDropped, "GWLB-01", "The service of %s has no Gateway Load Balancer.", id)
		return nil, false
	}
	tg, failOpen, ok := pickTarget(gwlb.lb.Targets)
	if !ok {
		t.hop(HopLoadBalancer, gwlb.lb.ID, DecisionDropped, "GWLB-02", "%s has no registered appliance: it drops the traffic.", gwlb.lb.ID)
		return nil, false
	}
	t.hop(HopEndpoint, id, DecisionForwarded, "GWLB-01", "Gateway Load Balancer endpoint %s sends the packet to %s of %s%s.", id, gwlb.lb.ID, en.svc.s.ID, t.w.chargeNote(EndpointGatewayLoadBalancer))
	rule, how := "GWLB-01", "a healthy appliance"
	if failOpen {
		rule, how = "GWLB-02", "an appliance (all are unhealthy, so it fails open)"
	}
	t.hop(HopAppliance, tg.Instance, DecisionInspected, rule, "%s passes the packet through %s, %s, and returns it.", gwlb.lb.ID, how, tg.Instance)
	t.hop(HopEndpoint, id, DecisionReturned, "GWLB-01", "The packet comes back to %s in %s and goes on by that subnet's route table.", id, eni.subnet.s.ID)
	return eni.subnet, true
}
