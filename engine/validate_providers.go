package engine

import (
	"slices"
	"strings"
)

// checkProviders checks load balancers and endpoint services: references to
// VPCs, subnets, instances and load balancers (VAL-01), types, and endpoint
// service IDs (SVC-02).
func (v *validator) checkProviders() {
	for i := range v.s.LoadBalancers {
		lb := &v.s.LoadBalancers[i]
		p := pathIndex("loadBalancers", i)
		if lb.Type != "network" && lb.Type != "gateway" {
			v.add("VAL-04", pathField(p, "type"), "unknown load balancer type %q: want network or gateway", lb.Type)
		}
		r, ok := v.ref(pathField(p, "vpc"), lb.VPC, kindVPC)
		if !ok {
			continue
		}
		if len(lb.Subnets) == 0 {
			v.add("VAL-04", pathField(p, "subnets"), "a load balancer needs at least one subnet")
		}
		for j, id := range lb.Subnets {
			v.refInVPC(pathIndex(pathField(p, "subnets"), j), id, r.vpc, kindSubnet)
		}
		for j, l := range lb.Listeners {
			if l.Port < 1 || l.Port > 65535 {
				v.add("VAL-04", pathField(pathIndex(pathField(p, "listeners"), j), "port"), "port %d: want 1 to 65535", l.Port)
			}
		}
		for j, t := range lb.Targets {
			tp := pathIndex(pathField(p, "targets"), j)
			v.refInVPC(pathField(tp, "instance"), t.Instance, r.vpc, kindInstance)
			if t.Port < 0 || t.Port > 65535 {
				v.add("VAL-04", pathField(tp, "port"), "port %d: want 1 to 65535", t.Port)
			}
		}
	}
	for i := range v.s.EndpointServices {
		es := &v.s.EndpointServices[i]
		p := pathIndex("endpointServices", i)
		if !strings.HasPrefix(es.ID, "vpce-svc-") {
			v.add("SVC-02", pathField(p, "id"), "%q: an endpoint service ID starts with vpce-svc-", es.ID)
		}
		v.account(pathField(p, "account"), es.Account)
		if len(es.LoadBalancers) == 0 {
			v.add("VAL-04", pathField(p, "loadBalancers"), "an endpoint service needs a load balancer (SVC-01)")
		}
		kind := ""
		for j, id := range es.LoadBalancers {
			lp := pathIndex(pathField(p, "loadBalancers"), j)
			r, ok := v.ref(lp, id, kindLoadBalancer)
			if !ok {
				continue
			}
			t := v.s.LoadBalancers[r.item].Type
			if kind != "" && t != kind {
				v.add("VAL-01", lp, "an endpoint service fronts load balancers of one type; %s is %s, not %s", id, t, kind)
			}
			kind = t
		}
		for j, t := range es.SupportedIPAddressTypes {
			if t != IPAddressTypeIPv4 && t != IPAddressTypeIPv6 {
				v.add("VAL-04", pathIndex(pathField(p, "supportedIpAddressTypes"), j), "unknown IP address type %q: want ipv4 or ipv6", t)
			}
		}
		for j, r := range es.SupportedRegions {
			v.region(pathIndex(pathField(p, "supportedRegions"), j), r)
		}
		if es.State != "" && !slices.Contains([]string{"Pending", "Available", "Failed", "Deleting", "Deleted"}, es.State) {
			v.add("VAL-04", pathField(p, "state"), "unknown state %q: want Pending, Available, Failed, Deleting or Deleted (SVC-03)", es.State)
		}
	}
}
