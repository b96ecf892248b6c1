package awsimport

import "privatelink-playground/engine"

// mapSubnets maps describe-subnets into their VPCs: zone, IPv4 CIDR and the
// first associated IPv6 CIDR. Route tables and network ACLs are set from
// their associations later.
func (m *mapper) mapSubnets() {
	for _, it := range m.in.subnets {
		v := it.v
		if v.SubnetID == "" {
			m.note(it.src, "not mapped: a subnet without a SubnetId")
			continue
		}
		if _, dup := m.subnets[v.SubnetID]; dup {
			m.note(it.src, "not mapped: subnet %s appears twice; the first is kept", v.SubnetID)
			continue
		}
		i, ok := m.vpc(it.src, "subnet "+v.SubnetID, v.VpcID)
		if !ok {
			continue
		}
		sn := engine.Subnet{ID: v.SubnetID, AvailabilityZone: v.AvailabilityZone, CIDRBlock: v.CidrBlock}
		for j, a := range v.Ipv6CidrBlockAssociationSet {
			switch {
			case !usableCIDRState(a.Ipv6CidrBlockState.State):
				m.note(it.at(".Ipv6CidrBlockAssociationSet[%d]", j), "not mapped: IPv6 CIDR %s is %s", a.Ipv6CidrBlock, a.Ipv6CidrBlockState.State)
			case sn.IPv6CIDRBlock == "":
				sn.IPv6CIDRBlock = a.Ipv6CidrBlock
			default:
				m.note(it.at(".Ipv6CidrBlockAssociationSet[%d]", j), "not mapped: a subnet has one IPv6 CIDR in the scenario; %s is kept", sn.IPv6CIDRBlock)
			}
		}
		if v.OwnerID != "" && v.OwnerID != m.s.VPCs[i].Account {
			m.note(it.src, "subnet %s is owned by %s, not the VPC's owner %s: mapped into the VPC (sharing is not read from describe-subnets)", v.SubnetID, v.OwnerID, m.s.VPCs[i].Account)
		}
		vpc := &m.s.VPCs[i]
		m.subnets[v.SubnetID] = [2]int{i, len(vpc.Subnets)}
		vpc.Subnets = append(vpc.Subnets, sn)
	}
}

// subnet returns the VPC and subnet indexes of an imported subnet.
func (m *mapper) subnet(id string) (int, int, bool) {
	at, ok := m.subnets[id]
	return at[0], at[1], ok
}
