package awsimport

import (
	"strings"

	"privatelink-playground/engine"
)

// mapInstances maps describe-instances into their subnets' VPCs: the
// primary interface's private, public and IPv6 addresses and groups, and
// the IAM instance profile as the principal. Terminated instances, and
// what the scenario cannot hold (secondary interfaces and addresses), are
// left out with a note.
func (m *mapper) mapInstances() {
	for _, it := range m.in.instances {
		v := it.v
		switch v.State.Name {
		case "terminated", "shutting-down":
			m.note(it.src, "not mapped: instance %s is %s", v.InstanceID, v.State.Name)
			m.coverInterfaces(v.Instance)
			continue
		case "stopped", "stopping":
			m.note(it.src, "instance %s is %s: mapped as if running", v.InstanceID, v.State.Name)
		}
		if _, dup := m.instances[v.InstanceID]; dup || v.InstanceID == "" {
			m.note(it.src, "not mapped: instance %q appears twice or has no InstanceId", v.InstanceID)
			continue
		}
		i, _, ok := m.subnet(v.SubnetID)
		if !ok {
			m.note(it.src, "not mapped: instance %s is in subnet %q, which is not imported", v.InstanceID, v.SubnetID)
			continue
		}
		in := engine.Instance{ID: v.InstanceID, Subnet: v.SubnetID, PrivateIPAddress: v.PrivateIPAddress, PublicIPAddress: v.PublicIPAddress, SecurityGroups: []string{}}
		for j, g := range v.SecurityGroups {
			if vi, ok := m.groups[g.GroupID]; !ok || vi != i {
				m.note(it.at(".SecurityGroups[%d]", j), "not mapped: security group %s is not an imported group of the instance's VPC", g.GroupID)
				continue
			}
			in.SecurityGroups = append(in.SecurityGroups, g.GroupID)
		}
		in.IPv6Address = v.Ipv6Address
		for j, n := range v.NetworkInterfaces {
			at := it.at(".NetworkInterfaces[%d]", j)
			m.coveredENIs[n.NetworkInterfaceID] = true
			if n.Attachment != nil && n.Attachment.DeviceIndex != 0 {
				m.note(at, "not mapped: secondary network interface %s (the scenario gives an instance one interface)", n.NetworkInterfaceID)
				continue
			}
			for k, a := range n.PrivateIPAddresses {
				if !a.Primary {
					m.note(at.at(".PrivateIpAddresses[%d]", k), "not mapped: secondary private address %s", a.PrivateIPAddress)
				}
			}
			for k, a := range n.Ipv6Addresses {
				switch {
				case in.IPv6Address == "":
					in.IPv6Address = a.Ipv6Address
				case a.Ipv6Address != in.IPv6Address:
					m.note(at.at(".Ipv6Addresses[%d]", k), "not mapped: a second IPv6 address %s", a.Ipv6Address)
				}
			}
		}
		if p := v.IamInstanceProfile; p != nil && p.Arn != "" {
			in.Principal = roleOfProfile(p.Arn)
			m.note(it.at(".IamInstanceProfile"), "principal %s assumed from instance profile %s: describe-instances does not name the profile's role, which is taken to share its name", in.Principal, p.Arn)
		}
		vpc := &m.s.VPCs[i]
		m.instances[v.InstanceID] = [2]int{i, len(vpc.Instances)}
		vpc.Instances = append(vpc.Instances, in)
	}
}

// coverInterfaces marks an instance's interfaces as accounted for.
func (m *mapper) coverInterfaces(v Instance) {
	for _, n := range v.NetworkInterfaces {
		m.coveredENIs[n.NetworkInterfaceID] = true
	}
}

// roleOfProfile turns an instance profile ARN into the ARN of a role of the
// same name and path: arn:aws:iam::ACCOUNT:instance-profile/PATH/NAME gives
// arn:aws:iam::ACCOUNT:role/PATH/NAME. Anything else is returned as is.
func roleOfProfile(arn string) string {
	prefix, rest, ok := strings.Cut(arn, ":instance-profile/")
	if !ok {
		return arn
	}
	return prefix + ":role/" + rest
}
