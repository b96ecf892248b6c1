package awsimport

import (
	"slices"

	"privatelink-playground/engine"
)

// mapNetworkInterfaces notes every interface whose content no mapped
// resource holds (instances' primary interfaces, NAT gateways' and
// endpoints' interfaces are held).
func (m *mapper) mapNetworkInterfaces() {
	for _, it := range m.in.networkInterfaces {
		n := it.v
		if m.coveredENIs[n.NetworkInterfaceID] {
			continue
		}
		owner := n.InterfaceType
		if n.Attachment != nil && n.Attachment.InstanceID != "" {
			owner = "attached to " + n.Attachment.InstanceID
		}
		m.note(it.src, "not mapped: network interface %s (%s, %q) at %s", n.NetworkInterfaceID, owner, n.Description, n.PrivateIPAddress)
	}
}

// mapAddresses notes every Elastic IP address the scenario does not hold:
// one associated with a mapped instance as its public address, or with a
// NAT gateway's interface, is held.
func (m *mapper) mapAddresses() {
	for _, it := range m.in.addresses {
		a := it.v
		if at, ok := m.instances[a.InstanceID]; ok && m.s.VPCs[at[0]].Instances[at[1]].PublicIPAddress == a.PublicIP {
			continue
		}
		if a.NetworkInterfaceID != "" && m.coveredENIs[a.NetworkInterfaceID] {
			continue
		}
		m.note(it.src, "not mapped: Elastic IP address %s (associated with %q)", a.PublicIP, firstOf(a.InstanceID, a.NetworkInterfaceID))
	}
}

// mapPrefixLists compares describe-prefix-lists with the built-in prefix
// lists: a known list is the catalogue's (a note says so when its CIDRs
// differ), an unknown one is not mapped.
func (m *mapper) mapPrefixLists() {
	for _, it := range m.in.prefixLists {
		p := it.v
		known, ok := engine.PrefixListByID(p.PrefixListID)
		if !ok {
			m.note(it.src, "not mapped: prefix list %s (%s) is not one of the playground's built-in AWS service prefix lists", p.PrefixListID, p.PrefixListName)
			continue
		}
		var have []string
		for _, c := range known.CIDRs {
			have = append(have, c.String())
		}
		want := slices.Clone(p.Cidrs)
		slices.Sort(have)
		slices.Sort(want)
		if !slices.Equal(have, want) {
			m.note(it.src, "prefix list %s is built in: the playground uses its own CIDRs for it, not these", p.PrefixListID)
		}
	}
}

// mapServiceDetails notes the services of describe-vpc-endpoint-services
// that are neither built in nor imported from their provider's
// describe-vpc-endpoint-service-configurations: a consumer's view of a
// provider's service names no load balancer, so the service cannot be
// drawn from it alone.
func (m *mapper) mapServiceDetails() {
	for _, it := range m.in.serviceDetails {
		d := it.v
		if _, ok := engine.LookupService(d.ServiceName); ok {
			continue
		}
		if hasKey(m.svc.byName, d.ServiceName) || hasKey(m.svc.byID, d.ServiceID) {
			continue
		}
		m.note(it.src, "not mapped: service %s (owner %s) is not built in, and a consumer's view of it names no load balancer", d.ServiceName, d.Owner)
	}
}
