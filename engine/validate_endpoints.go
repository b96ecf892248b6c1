package engine

import (
	"slices"
	"strings"
)

// serviceNameParts is a parsed endpoint service name: an AWS service
// (com.amazonaws.REGION.SHORT) or an endpoint service
// (com.amazonaws.vpce.REGION.vpce-svc-ID).
type serviceNameParts struct {
	region          string
	short           string // AWS service short name, e.g. "s3"
	endpointService bool
	serviceID       string // endpoint service ID, e.g. "vpce-svc-0partner"
}

// ServiceNameParts is a service name taken apart (see ParseServiceName).
type ServiceNameParts struct {
	// Region is the Region the name names.
	Region string
	// Short is an AWS service's short name ("s3"); "" for an endpoint service.
	Short string
	// ServiceID is an endpoint service's ID ("vpce-svc-…"); "" for an AWS service.
	ServiceID string
}

// ParseServiceName takes apart com.amazonaws.REGION.SHORT (an AWS service)
// and com.amazonaws.vpce.REGION.vpce-svc-ID (an endpoint service, SVC-02);
// ok is false for any other name.
func ParseServiceName(name string) (ServiceNameParts, bool) {
	p, ok := splitServiceName(name)
	return ServiceNameParts{Region: p.region, Short: p.short, ServiceID: p.serviceID}, ok
}

// splitServiceName parses a service name; ok is false if it has neither form.
func splitServiceName(name string) (p serviceNameParts, ok bool) {
	rest, found := strings.CutPrefix(name, "com.amazonaws.")
	if !found {
		return p, false
	}
	if r, isVPCE := strings.CutPrefix(rest, "vpce."); isVPCE {
		region, id, found := strings.Cut(r, ".")
		if !found || region == "" || id == "" {
			return p, false
		}
		return serviceNameParts{region: region, endpointService: true, serviceID: id}, true
	}
	region, short, found := strings.Cut(rest, ".")
	if !found || region == "" || short == "" {
		return p, false
	}
	return serviceNameParts{region: region, short: short}, true
}

// awsServiceEndpointTypes returns the endpoint types an AWS service supports,
// by its short name, from the service catalogue (VAL-03); ok is false for a
// service the catalogue does not know.
func awsServiceEndpointTypes(short string) (types []string, ok bool) {
	svc, ok := serviceByShort(short)
	if !ok {
		return nil, false
	}
	return svc.EndpointTypes(), true
}

// endpointStates lists the states of SVC-07.
func endpointStates() []string {
	return []string{"PendingAcceptance", "Pending", "Available", "Rejected", "Expired", "Failed", "Deleting", "Deleted"}
}

// checkEndpoints checks every VPC endpoint: its type, account and service
// (VAL-01, VAL-03, SVC-02, SVC-09), the fields of its type, its subnets
// (IF-01, IF-02, GWLB-03) and its policy (IF-05, POL-06).
func (v *validator) checkEndpoints() {
	for i := range v.s.VPCs {
		for j := range v.s.VPCs[i].Endpoints {
			v.checkEndpoint(i, j)
		}
	}
}

// vpcRegion is the Region of VPC number i: its own, else the scenario's.
func (v *validator) vpcRegion(i int) string { return vpcRegionOf(v.s, i) }

// checkEndpoint checks endpoint j of VPC number i.
func (v *validator) checkEndpoint(i, j int) {
	e := &v.s.VPCs[i].Endpoints[j]
	ep := pathIndex(pathField(pathIndex("vpcs", i), "endpoints"), j)
	switch e.VPCEndpointType {
	case EndpointGateway, EndpointInterface, EndpointGatewayLoadBalancer:
	default:
		v.add("VAL-04", pathField(ep, "vpcEndpointType"), "unknown endpoint type %q: want Gateway, Interface or GatewayLoadBalancer", e.VPCEndpointType)
		return
	}
	if e.Account != "" {
		v.account(pathField(ep, "account"), e.Account)
	}
	if e.State != "" && !slices.Contains(endpointStates(), e.State) {
		v.add("VAL-04", pathField(ep, "state"), "unknown state %q: want one of %s", e.State, strings.Join(endpointStates(), ", "))
	}
	v.checkEndpointService(i, j, ep)
	v.checkEndpointPlacement(i, j, ep)
	v.checkEndpointPolicy(e, pathField(ep, "policyDocument"))
}

// checkEndpointService checks the service an endpoint names and that it
// supports the endpoint's type and Region.
func (v *validator) checkEndpointService(i, j int, ep string) {
	e := &v.s.VPCs[i].Endpoints[j]
	sp := pathField(ep, "serviceName")
	parts, ok := splitServiceName(e.ServiceName)
	if !ok {
		v.add("VAL-01", sp, "unknown service %q: want com.amazonaws.REGION.SERVICE or com.amazonaws.vpce.REGION.vpce-svc-ID", e.ServiceName)
		return
	}
	var types []string
	home := parts.region
	supported := []string{parts.region}
	if parts.endpointService {
		if !strings.HasPrefix(parts.serviceID, "vpce-svc-") {
			v.add("SVC-02", sp, "%q: an endpoint service name ends with its ID, vpce-svc-…", e.ServiceName)
			return
		}
		r, ok := v.ref(sp, parts.serviceID, kindEndpointService)
		if !ok {
			return
		}
		es := &v.s.EndpointServices[r.item]
		if t := v.endpointServiceType(es); t != "" {
			types = []string{t}
		}
		home = v.endpointServiceRegion(es)
		supported = append([]string{home}, es.SupportedRegions...)
		if home != "" && home != parts.region {
			v.add("VAL-01", sp, "endpoint service %s is in %s, not %s", es.ID, home, parts.region)
			return
		}
	} else {
		types, ok = awsServiceEndpointTypes(parts.short)
		if !ok {
			v.add("VAL-01", sp, "unknown AWS service %q", parts.short)
			return
		}
	}
	if types != nil && !slices.Contains(types, e.VPCEndpointType) {
		v.add("VAL-03", pathField(ep, "vpcEndpointType"), "%s does not support %s endpoints (it supports %s)", e.ServiceName, e.VPCEndpointType, strings.Join(types, " and "))
	}
	region := v.vpcRegion(i)
	switch {
	case e.ServiceRegion != "" && e.VPCEndpointType != EndpointInterface:
		v.add("SVC-09", pathField(ep, "serviceRegion"), "only interface endpoints may use a service in another Region")
	case e.ServiceRegion != "" && e.ServiceRegion != parts.region:
		v.add("VAL-01", pathField(ep, "serviceRegion"), "serviceRegion %s does not match the service name's Region %s", e.ServiceRegion, parts.region)
	case e.ServiceRegion != "" && parts.endpointService && !slices.Contains(supported, region):
		v.add("SVC-09", pathField(ep, "serviceRegion"), "endpoint service %s in %s does not list %s, the Region of %s, among its supported Regions, so an endpoint there cannot connect", parts.serviceID, e.ServiceRegion, region, v.s.VPCs[i].ID)
	case e.ServiceRegion == "" && parts.region != region:
		v.add("SVC-09", sp, "the service is in %s but the VPC in %s: a cross-Region interface endpoint names serviceRegion", parts.region, region)
	}
}

// endpointServiceType is the endpoint type an endpoint service serves:
// Interface for Network Load Balancers, GatewayLoadBalancer for Gateway Load
// Balancers ("" when unknown).
func (v *validator) endpointServiceType(es *EndpointService) string {
	for _, id := range es.LoadBalancers {
		r, ok := v.lookup(id)
		if !ok || r.kind != kindLoadBalancer {
			continue
		}
		switch v.s.LoadBalancers[r.item].Type {
		case "network":
			return EndpointInterface
		case "gateway":
			return EndpointGatewayLoadBalancer
		}
	}
	return ""
}

// endpointServiceRegion is the Region of an endpoint service: that of its
// first load balancer's VPC ("" when unknown).
func (v *validator) endpointServiceRegion(es *EndpointService) string {
	for _, id := range es.LoadBalancers {
		r, ok := v.lookup(id)
		if !ok || r.kind != kindLoadBalancer {
			continue
		}
		vr, ok := v.lookup(v.s.LoadBalancers[r.item].VPC)
		if ok && vr.kind == kindVPC {
			return v.vpcRegion(vr.vpc)
		}
	}
	return ""
}
