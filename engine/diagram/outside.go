package diagram

import (
	"slices"
	"strconv"
	"strings"

	"privatelink-playground/engine"
)

// outside adds the resources that live outside VPCs: endpoint services,
// on-premises networks, transit gateways, peerings, hosted zones, buckets
// and tables. AWS services are added as endpoints reference them.
func (t *topology) outside() {
	s := t.s
	for i := range s.EndpointServices {
		es := &s.EndpointServices[i]
		acceptance := ""
		if es.AcceptanceRequired {
			acceptance = "acceptance required"
		}
		t.resourceInState(t.account(es.Account), kindEndpointService, es.ID, engine.EffectiveServiceState(es), es.ID, "endpoint service",
			es.PrivateDNSName, acceptance)
	}
	for _, n := range s.Networks {
		c := t.newCluster(nil, clusterOnPrem, ElementID(n.ID), false,
			n.Name, n.ID, strings.Join(n.CIDRBlocks, ", "))
		t.anchor(c, n.ID)
		for _, d := range n.DNSServers {
			t.resource(c, kindDNSServer, dnsServerKey(n.ID, d.IP), "DNS server", d.IP)
		}
		for _, h := range n.Hosts {
			t.resource(c, kindHost, h.ID, h.ID, h.IPAddress)
		}
	}
	for _, tgw := range s.TransitGateways {
		lines := []string{tgw.ID, "transit gateway"}
		for _, r := range tgw.Routes {
			lines = append(lines, r.DestinationCIDRBlock+" → "+r.Attachment)
		}
		t.resource(nil, kindTGW, tgw.ID, lines...)
	}
	for _, p := range s.Peerings {
		t.resource(nil, kindPeering, p.ID, p.ID, "peering")
	}
	for _, z := range s.HostedZones {
		kind := "public zone"
		if z.Private {
			kind = "private zone"
		}
		t.resource(nil, kindZone, z.ID, z.ID, z.Name, kind, plural(len(z.Records), "record"))
	}
	for _, b := range s.Buckets {
		t.resource(t.account(b.Account), kindBucket, b.Name, b.Name, "S3 bucket", b.Region)
	}
	for _, tb := range s.Tables {
		t.resource(t.account(tb.Account), kindTable, tb.Name, tb.Name, "DynamoDB table", tb.Region)
	}
}

// dnsServerKey is the resource key of an on-premises DNS server, which has
// no ID of its own.
func dnsServerKey(network, ip string) string {
	return network + "/" + ip
}

// plural writes "1 record", "2 records".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}

// serviceNode returns the node an endpoint's service name leads to: the
// scenario's endpoint service for a PrivateLink name, else one node per
// service name outside all VPCs (e.g. "S3" for com.amazonaws.us-east-1.s3).
func (t *topology) serviceNode(name string) string {
	svc := parseServiceName(name)
	if svc.vpce {
		if n, ok := t.nodes[svc.short]; ok {
			return n
		}
	}
	key := "service:" + name
	if n, ok := t.nodes[key]; ok {
		return n
	}
	lines := []string{name}
	if svc.region != "" && !svc.vpce {
		lines = []string{svc.short, svc.region}
	}
	n := t.g.addNode(nil, t.nodeAttrs(kindService, ElementID(name), lines)...)
	t.nodes[key] = n.name
	return n.name
}

// ref returns the node of a referenced resource: its node, else the anchor
// of its cluster, else a placeholder node marked missing.
func (t *topology) ref(id string) string {
	if n, ok := t.nodes[id]; ok {
		return n
	}
	if c, ok := t.clusters[id]; ok {
		return c.anchor
	}
	n := t.g.addNode(nil, t.nodeAttrs(kindMissing, ElementID(id), []string{id, "not found"})...)
	t.nodes[id] = n.name
	return n.name
}

// dataEdges links S3 and DynamoDB service nodes to the buckets and tables
// of their Region.
func (t *topology) dataEdges() {
	for _, b := range t.s.Buckets {
		t.dataEdge("s3", b.Name, b.Region)
	}
	for _, tb := range t.s.Tables {
		t.dataEdge("dynamodb", tb.Name, tb.Region)
	}
}

// dataEdge links the service node of svc in region to a data store.
func (t *topology) dataEdge(svc, name, region string) {
	if region == "" {
		region = t.region()
	}
	from, ok := t.nodes["service:com.amazonaws."+region+"."+svc]
	to, ok2 := t.nodes[name]
	if ok && ok2 {
		t.edge(from, to, relData, "")
	}
}

// onPremEdges adds each network's connection to its VGW, VPC or transit
// gateway, and DNS forwarding between on-premises servers and Resolver
// endpoints.
func (t *topology) onPremEdges() {
	s := t.s
	for _, n := range s.Networks {
		from, ok := t.clusters[n.ID]
		if !ok {
			continue
		}
		label := n.Connection.Type
		switch n.Connection.Type {
		case "vpn":
			label = "VPN"
		case "directConnect":
			label = "Direct Connect"
		}
		switch {
		case n.Connection.TransitGateway != "":
			t.edge(from.anchor, t.ref(n.Connection.TransitGateway), relConnection, label)
		case n.Connection.VPC != "":
			t.edge(from.anchor, t.vpcEntry(n.Connection.VPC), relConnection, label)
		}
	}
	seen := map[string]bool{}
	for _, n := range s.Networks {
		for _, d := range n.DNSServers {
			server := t.nodes[dnsServerKey(n.ID, d.IP)]
			for _, f := range d.Forwarders {
				for _, r := range s.ResolverEndpoints {
					if !overlaps(f.TargetIPs, r.IPAddresses) {
						continue
					}
					key := server + ">" + r.ID + ">" + f.DomainName
					if !seen[key] {
						seen[key] = true
						t.edge(server, t.ref(r.ID), relDNS, f.DomainName)
					}
				}
			}
		}
	}
	for _, rule := range s.ResolverRules {
		if rule.ResolverEndpoint == "" {
			continue
		}
		for _, n := range s.Networks {
			for _, d := range n.DNSServers {
				if slices.Contains(rule.TargetIPs, d.IP) {
					t.edge(t.ref(rule.ResolverEndpoint), t.nodes[dnsServerKey(n.ID, d.IP)],
						relDNS, rule.DomainName)
				}
			}
		}
	}
}

// vpcEntry is where a connection to a VPC ends: its virtual private
// gateway when it has one, else the VPC's cluster.
func (t *topology) vpcEntry(vpcID string) string {
	for _, v := range t.s.VPCs {
		if v.ID == vpcID && v.VirtualPrivateGateway != "" {
			return t.ref(v.VirtualPrivateGateway)
		}
	}
	return t.ref(vpcID)
}

// overlaps reports whether a and b share an element.
func overlaps(a, b []string) bool {
	for _, x := range a {
		if slices.Contains(b, x) {
			return true
		}
	}
	return false
}
