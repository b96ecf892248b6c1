package engine

// checkGatewayEndpoints checks what gateway endpoints share: one endpoint
// per service per route table (GW-05) and the quotas of gateway endpoints
// per Region per account and per VPC (GW-12).
func (v *validator) checkGatewayEndpoints() {
	perRegion, perVPC := gatewayQuotas(v.s.Quotas)
	type tableService struct{ table, service string }
	byTable := map[tableService]string{}
	byAccountRegion := map[string]int{}
	for i := range v.s.VPCs {
		vpc := &v.s.VPCs[i]
		inVPC := 0
		for j := range vpc.Endpoints {
			e := &vpc.Endpoints[j]
			if e.VPCEndpointType != EndpointGateway {
				continue
			}
			ep := pathIndex(pathField(pathIndex("vpcs", i), "endpoints"), j)
			account := endpointOwner(v.s, i, e)
			region := v.vpcRegion(i)
			byAccountRegion[account+"/"+region]++
			if n := byAccountRegion[account+"/"+region]; n == perRegion+1 {
				v.add("GW-12", ep, "more than %d gateway endpoints for account %s in %s (the quota; quotas.gatewayEndpointsPerRegion may raise it)", perRegion, account, region)
			}
			inVPC++
			if inVPC == perVPC+1 {
				v.add("GW-12", ep, "more than %d gateway endpoints in %s", perVPC, vpc.ID)
			}
			parts, ok := splitServiceName(e.ServiceName)
			if !ok {
				continue
			}
			for k, t := range e.RouteTableIDs {
				key := tableService{t, parts.short}
				rp := pathIndex(pathField(ep, "routeTableIds"), k)
				if prev, dup := byTable[key]; dup {
					v.add("GW-05", rp, "route table %s already has a %s endpoint route, from %s", t, parts.short, prev)
					continue
				}
				byTable[key] = e.ID
			}
		}
	}
}

// gatewayQuotas returns the gateway endpoint quotas (GW-12): per Region per
// account (default 20, quotas.gatewayEndpointsPerRegion may raise it) and
// per VPC (255).
func gatewayQuotas(q *Quotas) (perRegion, perVPC int) {
	perRegion, perVPC = DefaultGatewayEndpointsPerRegion, MaxGatewayEndpointsPerVPC
	if q != nil {
		if q.GatewayEndpointsPerRegion != nil {
			perRegion = *q.GatewayEndpointsPerRegion
		}
		if q.GatewayEndpointsPerVPC != nil {
			perVPC = *q.GatewayEndpointsPerVPC
		}
	}
	return perRegion, perVPC
}
