package engine

import (
	"net/netip"
	"strings"
)

// publicLookup answers a name as public DNS does, from anywhere: the
// endpoint-specific names of interface endpoints (DNS-03), the AWS
// services' public names (resolving inside their prefix lists), then the
// public hosted zones. It records no hop; the caller does.
func (w *World) publicLookup(name string, depth int) publicAnswer {
	if depth > maxDNSDepth {
		return publicAnswer{what: "too many aliases", at: "public-dns"}
	}
	if vn, ok := w.lookupVPCEName(name); ok {
		addrs := interfaceAddrs(vn.endpoint, vn.az)
		what := "the regional endpoint-specific name of " + vn.endpoint.e.ID
		if vn.az != "" {
			what = "the zonal endpoint-specific name of " + vn.endpoint.e.ID + " in " + vn.az
		}
		return publicAnswer{addrs: addrs, what: what, at: vn.endpoint.e.ID, rule: "DNS-03", found: len(addrs) > 0}
	}
	if m, ok := ServiceByDNSName(name); ok {
		var addrs []netip.Addr
		if a, ok := m.Service.PublicAddress(m.Region, false); ok {
			addrs = append(addrs, a)
		}
		if m.DualStack {
			if a, ok := m.Service.PublicAddress(m.Region, true); ok {
				addrs = append(addrs, a)
			}
		}
		return publicAnswer{addrs: addrs, what: m.Service.Title + "'s public address in " + m.Region, at: m.Service.ServiceName(m.Region), found: len(addrs) > 0}
	}
	z := mostSpecificZone(w.zones, name, func(z *zoneNode) bool { return !z.private })
	if z == nil {
		return publicAnswer{what: "no public zone holds it", at: "public-dns"}
	}
	recs, ok := z.lookupRecords(name)
	if !ok {
		return publicAnswer{what: "public zone " + z.id + " holds no such record", at: z.id}
	}
	for _, r := range recs {
		if en := w.endpoints[r.AliasTarget]; en != nil {
			addrs := interfaceAddrs(en, "")
			return publicAnswer{addrs: addrs, what: "public zone " + z.id + ", alias to " + en.e.ID, at: z.id, found: len(addrs) > 0}
		}
		target := canonicalName(r.AliasTarget)
		if r.Type == "CNAME" && len(r.Values) > 0 {
			target = canonicalName(r.Values[0])
		}
		if target != "" {
			next := w.publicLookup(target, depth+1)
			next.what = "public zone " + z.id + ": " + r.Type + " " + target + ", then " + next.what
			return next
		}
	}
	addrs := recordAddrs(recs)
	return publicAnswer{addrs: addrs, what: "public zone " + z.id, at: z.id, found: len(addrs) > 0}
}

// lookupVPCEName finds an endpoint-specific name (DNS-03); names under it
// (BUCKET.vpce-….s3.REGION.vpce.amazonaws.com) count for S3 and API
// Gateway, whose endpoints answer every name below their own.
func (w *World) lookupVPCEName(name string) (*vpceName, bool) {
	if !strings.HasSuffix(name, ".vpce.amazonaws.com") {
		return nil, false
	}
	if vn := w.vpceNames[name]; vn != nil {
		return vn, true
	}
	for n := name; ; {
		i := strings.IndexByte(n, '.')
		if i < 0 {
			return nil, false
		}
		n = n[i+1:]
		if vn := w.vpceNames[n]; vn != nil && vn.endpoint.aws != nil && vn.endpoint.aws.Wildcard {
			return vn, true
		}
	}
}

// privatelyHeld reports whether some private zone or endpoint private DNS
// zone holds a name, and which (split horizon: outside it sees public DNS).
func (w *World) privatelyHeld(name string) (string, string, bool) {
	for _, vn := range w.vpcList {
		if z := mostSpecificZone(vn.zones, name, nil); z != nil {
			if z.endpoint != nil {
				return z.endpoint.e.ID, "DNS-02", true
			}
			return z.id, "DNS-04", true
		}
	}
	return "", "", false
}
