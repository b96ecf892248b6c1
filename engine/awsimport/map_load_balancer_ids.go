package awsimport

import "strings"

// elbARN holds the parts of a load balancer's ARN,
// arn:PARTITION:elasticloadbalancing:REGION:ACCOUNT:loadbalancer/KIND/NAME/ID
// (KIND is net, gwy or app).
type elbARN struct {
	region, account, name, id string
}

// parseELBARN splits a load balancer's ARN.
func parseELBARN(arn string) (elbARN, bool) {
	parts := strings.SplitN(arn, ":", 6)
	if len(parts) != 6 || parts[0] != "arn" || parts[2] != "elasticloadbalancing" {
		return elbARN{}, false
	}
	res := strings.Split(parts[5], "/")
	if len(res) != 4 || res[0] != "loadbalancer" || res[2] == "" {
		return elbARN{}, false
	}
	return elbARN{region: parts[3], account: parts[4], name: res[2], id: res[3]}, true
}

// lbID picks a load balancer's scenario ID: its LoadBalancerName (else the
// name in its ARN), or, when another resource already has that ID (two
// accounts may use one name), the name and the ID at the end of its ARN
// ("api-nlb-50dc6c495c0c9188"), with a note.
func (m *mapper) lbID(it item[LoadBalancer]) (string, bool) {
	arn, _ := parseELBARN(it.v.LoadBalancerArn)
	name := firstOf(it.v.LoadBalancerName, arn.name)
	if name == "" {
		m.note(it.src, "not mapped: load balancer %s has no LoadBalancerName, nor one in its ARN", it.v.LoadBalancerArn)
		return "", false
	}
	if !m.idTaken(name) {
		return name, true
	}
	if alt := name + "-" + arn.id; arn.id != "" && !m.idTaken(alt) {
		m.note(it.src, "load balancer %s is mapped as %s: another resource of the input already has the ID %s", it.v.LoadBalancerArn, alt, name)
		return alt, true
	}
	m.note(it.src, "not mapped: load balancer %s: its name %s is already the ID of another resource of the input", it.v.LoadBalancerArn, name)
	return "", false
}

// idTaken reports whether id is already the ID of a mapped load balancer,
// VPC, subnet, route table, security group, network ACL, NAT gateway,
// peering or transit gateway, or of an instance, endpoint or endpoint
// service of the input (mapped later): the scenario's IDs share one
// namespace.
func (m *mapper) idTaken(id string) bool {
	if m.elb.ids[id] || hasKey(m.vpcs, id) || hasKey(m.subnets, id) || hasKey(m.routeTables, id) || hasKey(m.groups, id) ||
		hasKey(m.acls, id) || hasKey(m.nats, id) || hasKey(m.peerings, id) || hasKey(m.tgw.gateways, id) {
		return true
	}
	for _, it := range m.in.instances {
		if it.v.InstanceID == id {
			return true
		}
	}
	for _, it := range m.in.endpoints {
		if it.v.VpcEndpointID == id {
			return true
		}
	}
	for _, it := range m.in.serviceConfigs {
		if it.v.ServiceID == id {
			return true
		}
	}
	return false
}
