package engine

import (
	"net/netip"
	"strings"
)

// dnsAnswer is what one DNS lookup gave: the addresses and who answered,
// or a failure the last recorded hop explains.
type dnsAnswer struct {
	addrs    []netip.Addr
	resolver string
	ok       bool
}

// publicAnswer is the public DNS view of a name (no hop recorded yet): the
// addresses, a description of the answer, who holds the name and the rule.
type publicAnswer struct {
	addrs []netip.Addr
	what  string
	at    string
	rule  string
	found bool
}

// addrList formats addresses for a hop's detail.
func addrList(addrs []netip.Addr) string {
	if len(addrs) == 0 {
		return "no address"
	}
	parts := make([]string, len(addrs))
	for i, a := range addrs {
		parts[i] = a.String()
	}
	return strings.Join(parts, ", ")
}

// interfaceAddrs lists an endpoint's interface addresses, only those in one
// Availability Zone when az is set.
func interfaceAddrs(en *endpointNode, az string) []netip.Addr {
	var out []netip.Addr
	for _, f := range en.enis {
		if az == "" || f.subnet.s.AvailabilityZone == az {
			out = append(out, f.addr)
		}
	}
	return out
}

// recordAddrs parses the A and AAAA values of records.
func recordAddrs(recs []Record) []netip.Addr {
	var out []netip.Addr
	for _, r := range recs {
		if r.Type != "A" && r.Type != "AAAA" {
			continue
		}
		for _, v := range r.Values {
			if a, err := netip.ParseAddr(strings.TrimSpace(v)); err == nil {
				out = append(out, a)
			}
		}
	}
	return out
}

// lookupRecords finds a name's records in a zone, with "*" wildcard
// records for names below the zone's apex.
func (z *zoneNode) lookupRecords(name string) ([]Record, bool) {
	if recs, ok := z.records[name]; ok {
		return recs, true
	}
	for n := name; n != z.name; {
		i := strings.IndexByte(n, '.')
		if i < 0 {
			break
		}
		n = n[i+1:]
		if recs, ok := z.records["*."+n]; ok {
			return recs, true
		}
		if !inDomain(n, z.name) {
			break
		}
	}
	return nil, false
}

// mostSpecificZone picks the zone with the longest name holding name among
// zones that keep reports true for.
func mostSpecificZone(zones []*zoneNode, name string, keep func(*zoneNode) bool) *zoneNode {
	var best *zoneNode
	for _, z := range zones {
		if !inDomain(name, z.name) || (keep != nil && !keep(z)) {
			continue
		}
		if best == nil || len(z.name) > len(best.name) {
			best = z
		}
	}
	return best
}

// ruleFor finds the most specific Resolver rule associated with a VPC whose
// domain holds name (DNS-06); broader reports whether a less specific
// FORWARD rule also matched.
func (w *World) ruleFor(vn *vpcNode, name string) (best *ResolverRule, broader bool) {
	for i := range w.s.ResolverRules {
		r := &w.s.ResolverRules[i]
		if !containsString(r.VPCs, vn.v.ID) || !inDomain(name, canonicalName(r.DomainName)) {
			continue
		}
		if best == nil || len(canonicalName(r.DomainName)) > len(canonicalName(best.DomainName)) {
			if best != nil && best.RuleType == "FORWARD" {
				broader = true
			}
			best = r
		} else if r.RuleType == "FORWARD" {
			broader = true
		}
	}
	return best, broader
}
