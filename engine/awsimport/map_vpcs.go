package awsimport

import (
	"regexp"

	"privatelink-playground/engine"
)

// defaultRegion is the scenario's Region when the input names none.
const defaultRegion = "us-east-1"

// regionPrefix finds the Region at the start of an Availability Zone's name:
// us-east-2 in us-east-2b, us-west-2 in the Local Zone us-west-2-lax-1a.
var regionPrefix = regexp.MustCompile(`^[a-z]{2}(?:-[a-z]+)+-[0-9]+`)

// regionOfZone returns the Region of an Availability Zone, or "".
func regionOfZone(az string) string {
	return regionPrefix.FindString(az)
}

// mapRegion sets the scenario's Region: describe-availability-zones'
// RegionName, else the Region of the first subnet's zone, else of the first
// peering connection's requester, else us-east-1.
func (m *mapper) mapRegion() {
	region := ""
	for _, z := range m.in.availabilityZones {
		if region = z.v.RegionName; region == "" {
			region = regionOfZone(z.v.ZoneName)
		}
		if region != "" {
			break
		}
	}
	for _, sn := range m.in.subnets {
		if region != "" {
			break
		}
		region = regionOfZone(sn.v.AvailabilityZone)
	}
	for _, p := range m.in.peerings {
		if region != "" {
			break
		}
		region = p.v.RequesterVpcInfo.Region
	}
	if region == "" {
		region = defaultRegion
	}
	m.s.Region = region
}

// vpcRegion returns the Region of a VPC's subnets, or "".
func (m *mapper) vpcRegion(vpcID string) string {
	for _, sn := range m.in.subnets {
		if sn.v.VpcID == vpcID {
			if r := regionOfZone(sn.v.AvailabilityZone); r != "" {
				return r
			}
		}
	}
	return ""
}

// usableCIDRState reports whether a CIDR association is in use.
func usableCIDRState(state string) bool {
	return state == "" || state == "associated" || state == "associating"
}

// mapVPCs maps describe-vpcs: IDs, owners and CIDR blocks. A default VPC
// has DNS hostnames on, as AWS creates it; other VPCs keep the scenario's
// defaults (DNS support on, hostnames off) unless describe-vpc-attribute
// output says otherwise.
func (m *mapper) mapVPCs() {
	for _, it := range m.in.vpcs {
		v := it.v
		if v.VpcID == "" {
			m.note(it.src, "not mapped: a VPC without a VpcId")
			continue
		}
		if _, dup := m.vpcs[v.VpcID]; dup {
			m.note(it.src, "not mapped: VPC %s appears twice; the first is kept", v.VpcID)
			continue
		}
		vpc := engine.VPC{ID: v.VpcID, Account: m.account(it.src, v.OwnerID), CIDRBlocks: []string{}}
		for j, a := range v.CidrBlockAssociationSet {
			if !usableCIDRState(a.CidrBlockState.State) {
				m.note(it.at(".CidrBlockAssociationSet[%d]", j), "not mapped: CIDR %s is %s", a.CidrBlock, a.CidrBlockState.State)
				continue
			}
			if a.CidrBlock != "" && !contains(vpc.CIDRBlocks, a.CidrBlock) {
				vpc.CIDRBlocks = append(vpc.CIDRBlocks, a.CidrBlock)
			}
		}
		if len(vpc.CIDRBlocks) == 0 && v.CidrBlock != "" {
			vpc.CIDRBlocks = append(vpc.CIDRBlocks, v.CidrBlock)
		}
		for j, a := range v.Ipv6CidrBlockAssociationSet {
			if !usableCIDRState(a.Ipv6CidrBlockState.State) {
				m.note(it.at(".Ipv6CidrBlockAssociationSet[%d]", j), "not mapped: IPv6 CIDR %s is %s", a.Ipv6CidrBlock, a.Ipv6CidrBlockState.State)
				continue
			}
			if a.Ipv6CidrBlock != "" {
				vpc.IPv6CIDRBlocks = append(vpc.IPv6CIDRBlocks, a.Ipv6CidrBlock)
			}
		}
		if v.IsDefault {
			on := true
			vpc.EnableDNSHostnames = &on
		}
		if r := m.vpcRegion(v.VpcID); r != "" && r != m.s.Region {
			vpc.Region = r
		}
		if v.State != "" && v.State != "available" {
			m.note(it.src, "VPC %s is %s: mapped as if available", v.VpcID, v.State)
		}
		m.vpcs[v.VpcID] = len(m.s.VPCs)
		m.s.VPCs = append(m.s.VPCs, vpc)
	}
}

// mapVPCAttributes applies describe-vpc-attribute output (enableDnsSupport,
// enableDnsHostnames).
func (m *mapper) mapVPCAttributes() {
	for _, it := range m.in.vpcAttributes {
		i, ok := m.vpc(it.src, "this attribute", it.v.VpcID)
		if !ok {
			continue
		}
		m.dnsGiven[i] = true
		if a := it.v.EnableDNSSupport; a != nil && a.Value != nil {
			v := *a.Value
			m.s.VPCs[i].EnableDNSSupport = &v
		}
		if a := it.v.EnableDNSHostnames; a != nil && a.Value != nil {
			v := *a.Value
			m.s.VPCs[i].EnableDNSHostnames = &v
		}
	}
}
