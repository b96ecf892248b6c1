package diagram

import (
	"net/netip"

	"privatelink-playground/engine"
)

// HighlightIDsIn is HighlightIDs with, for each interface endpoint the
// trace went through, the network interface that took the request: the one
// in the endpoint's subnet holding the address the trace went to (IF-01).
func HighlightIDsIn(s *engine.Scenario, t engine.Trace) []string {
	ids := HighlightIDs(t)
	dst, ok := traceDestination(t)
	if s == nil || !ok {
		return ids
	}
	for _, h := range t.Hops {
		if h.Kind != engine.HopEndpoint {
			continue
		}
		for vi := range s.VPCs {
			v := &s.VPCs[vi]
			for ei := range v.Endpoints {
				ep := &v.Endpoints[ei]
				if ep.ID != h.At || ep.VPCEndpointType != engine.EndpointInterface {
					continue
				}
				for _, sn := range ep.SubnetIDs {
					if subnetHolds(v, sn, dst) {
						ids = append(ids, partID(ep.ID, sn))
					}
				}
			}
		}
	}
	return ids
}

// traceDestination is the address a trace went to: its request's address,
// or the first address its name resolved to.
func traceDestination(t engine.Trace) (netip.Addr, bool) {
	if a, err := netip.ParseAddr(t.Request.To); err == nil {
		return a.Unmap(), true
	}
	if t.Resolved != nil && len(t.Resolved.Addresses) > 0 {
		a, err := netip.ParseAddr(t.Resolved.Addresses[0])
		return a.Unmap(), err == nil
	}
	return netip.Addr{}, false
}

// subnetHolds reports whether subnet id of a VPC has addr in its IPv4 or
// IPv6 range.
func subnetHolds(v *engine.VPC, id string, addr netip.Addr) bool {
	for _, sn := range v.Subnets {
		if sn.ID != id {
			continue
		}
		for _, c := range []string{sn.CIDRBlock, sn.IPv6CIDRBlock} {
			if p, err := netip.ParsePrefix(c); err == nil && p.Contains(addr) {
				return true
			}
		}
	}
	return false
}
