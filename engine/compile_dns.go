package engine

import "strings"

// addZones builds the DNS views: public hosted zones for everyone, private
// hosted zones for their associated VPCs (DNS-04), the hidden zone of each
// interface endpoint with private DNS for its VPC (DNS-02), and the
// endpoint-specific names of every interface endpoint (DNS-03).
func (w *World) addZones() {
	for i := range w.s.HostedZones {
		hz := &w.s.HostedZones[i]
		z := &zoneNode{id: hz.ID, name: canonicalName(hz.Name), private: hz.Private, records: map[string][]Record{}}
		for _, r := range hz.Records {
			name := canonicalName(r.Name)
			if name == "@" || name == "" {
				name = z.name
			} else if !inDomain(name, z.name) {
				name = name + "." + z.name
			}
			z.records[name] = append(z.records[name], r)
		}
		w.zones = append(w.zones, z)
		if hz.Private {
			for _, id := range hz.VPCs {
				if vn := w.vpcs[id]; vn != nil {
					vn.zones = append(vn.zones, z)
				}
			}
		}
	}
	for _, vn := range w.vpcList {
		for i := range vn.v.Endpoints {
			en := w.endpoints[vn.v.Endpoints[i].ID]
			if en == nil || en.e.VPCEndpointType != EndpointInterface {
				continue
			}
			for _, name := range en.names() {
				w.vpceNames[name.name] = &vpceName{endpoint: en, az: name.az}
			}
			if z := en.privateZone(); z != nil {
				vn.zones = append(vn.zones, z)
			}
		}
	}
}

// privateZone is the hidden zone AWS associates with the endpoint's VPC when
// private DNS is enabled (DNS-02): the service's regional name (and every
// name under it for S3 and API Gateway), or the endpoint service's private
// DNS name ("*.example.com" covers every name under example.com). A Deleted
// endpoint holds no name (IF-08).
func (en *endpointNode) privateZone() *zoneNode {
	if !en.e.PrivateDNS() || en.state == StateDeleted {
		return nil
	}
	z := &zoneNode{id: en.e.ID, private: true, endpoint: en}
	switch {
	case en.aws != nil:
		z.name, z.wildcard = en.aws.DNSName(en.region), en.aws.Wildcard
	case en.svc != nil && en.svc.s.PrivateDNSName != "":
		name := canonicalName(en.svc.s.PrivateDNSName)
		if rest, ok := strings.CutPrefix(name, "*."); ok {
			name, z.wildcard = rest, true
		}
		z.name = name
	default:
		return nil
	}
	return z
}

// endpointName is one endpoint-specific DNS name; az is empty for the
// regional name.
type endpointName struct {
	name string
	az   string
}

// names lists the endpoint-specific names (DNS-03): the regional
// vpce-ID-SUFFIX.SERVICE.REGION.vpce.amazonaws.com and one zonal name
// vpce-ID-SUFFIX-AZ.SERVICE.REGION.vpce.amazonaws.com per Availability Zone.
func (en *endpointNode) names() []endpointName {
	base := "." + en.service + "." + en.region + ".vpce.amazonaws.com"
	stem := strings.ToLower(en.e.ID) + "-" + en.suffix
	out := []endpointName{{name: stem + base}}
	var seen []string
	for _, f := range en.enis {
		az := f.subnet.s.AvailabilityZone
		if az == "" || containsString(seen, az) {
			continue
		}
		seen = append(seen, az)
		out = append(out, endpointName{name: stem + "-" + strings.ToLower(az) + base, az: az})
	}
	return out
}

// EndpointDNSNames returns an interface endpoint's endpoint-specific DNS
// names (DNS-03), the regional one first; nil for an unknown endpoint or
// one of another type.
func (w *World) EndpointDNSNames(endpointID string) []string {
	en := w.endpoints[endpointID]
	if en == nil || en.e.VPCEndpointType != EndpointInterface {
		return nil
	}
	var out []string
	for _, n := range en.names() {
		out = append(out, n.name)
	}
	return out
}

// EndpointAddresses returns the addresses of an endpoint's network
// interfaces in subnet order (IF-01); nil for a gateway endpoint.
func (w *World) EndpointAddresses(endpointID string) []string {
	en := w.endpoints[endpointID]
	if en == nil {
		return nil
	}
	var out []string
	for _, f := range en.enis {
		out = append(out, f.addr.String())
	}
	return out
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
