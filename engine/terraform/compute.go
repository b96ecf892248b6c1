package terraform

import (
	"strconv"

	"github.com/hashicorp/hcl/v2/hclwrite"

	"privatelink-playground/engine"
)

// writeInstance writes an EC2 instance. The scenario does not model images
// or sizes: the AMI and the instance type are input variables.
func (x *exporter) writeInstance(in *engine.Instance) {
	b := x.resource(x.self[in])
	set(b, "ami", variable("ami"))
	set(b, "instance_type", variable("instance_type"))
	set(b, "subnet_id", x.refTo(kindSubnet, in.Subnet, "id"))
	setStr(b, "private_ip", in.PrivateIPAddress)
	if in.IPv6Address != "" {
		set(b, "ipv6_addresses", strs([]string{in.IPv6Address}))
	}
	if in.PublicIPAddress != "" {
		set(b, "associate_public_ip_address", boolean(true))
		x.note("%s has the public IP %s in the scenario: AWS assigns its own", in.ID, in.PublicIPAddress)
	}
	set(b, "vpc_security_group_ids", x.refsTo(kindSG, in.SecurityGroups, "id"))
	set(b, "tags", tags(in.ID, nil))
	if in.Principal != "" {
		x.note("%s acts as %s: attach that role with an aws_iam_instance_profile", in.ID, in.Principal)
	}
}

// declareProviders names the load balancers, their target groups and the
// endpoint services.
func (x *exporter) declareProviders() {
	for i := range x.s.LoadBalancers {
		lb := &x.s.LoadBalancers[i]
		x.declare(lb, kindLB, lb.ID, "aws_lb")
		x.declare(&lb.Targets, kindTargetGroup, lb.ID, "aws_lb_target_group")
	}
	for i := range x.s.EndpointServices {
		svc := &x.s.EndpointServices[i]
		x.declare(svc, kindService, svc.ID, "aws_vpc_endpoint_service")
	}
}

// vpcRegion is the Region of the VPC with the given ID ("" when unknown).
func (x *exporter) vpcRegion(id string) string {
	for i := range x.s.VPCs {
		if x.s.VPCs[i].ID == id {
			return x.s.VPCs[i].Region
		}
	}
	return ""
}

// writeLoadBalancer writes an internal Network or Gateway Load Balancer,
// one target group for its targets, a listener per scenario listener
// forwarding to that group, and the target registrations.
func (x *exporter) writeLoadBalancer(lb *engine.LoadBalancer) {
	x.region = x.vpcRegion(lb.VPC)
	defer func() { x.region = "" }()
	gateway := lb.Type == "gateway"
	b := x.resource(x.self[lb])
	set(b, "internal", boolean(true))
	set(b, "load_balancer_type", str(lb.Type))
	set(b, "subnets", x.refsTo(kindSubnet, lb.Subnets, "id"))
	set(b, "tags", tags(lb.ID, nil))

	tg := x.self[&lb.Targets]
	t := x.resource(tg)
	port, protocol := 6081, "GENEVE"
	if !gateway {
		port, protocol = 80, "TCP"
		if len(lb.Listeners) > 0 {
			port, protocol = lb.Listeners[0].Port, lb.Listeners[0].Protocol
		}
		if len(lb.Targets) > 0 && lb.Targets[0].Port != 0 {
			port = lb.Targets[0].Port
		}
	}
	set(t, "port", num(port))
	set(t, "protocol", str(protocol))
	set(t, "vpc_id", x.refTo(kindVPC, lb.VPC, "id"))
	set(t, "target_type", str("instance"))
	set(t, "tags", tags(lb.ID, nil))

	for i, l := range lb.Listeners {
		lr := x.resource(x.n.fresh("aws_lb_listener", lb.ID, strconv.Itoa(l.Port)))
		set(lr, "load_balancer_arn", traversal(x.self[lb], "arn"))
		if !gateway {
			set(lr, "port", num(l.Port))
			set(lr, "protocol", str(l.Protocol))
		} else if l.Port != 6081 || (l.Protocol != "" && l.Protocol != "GENEVE") {
			x.note("%s listener %d (%d %s): a Gateway Load Balancer listens on 6081 GENEVE only", lb.ID, i+1, l.Port, l.Protocol)
		}
		action := block(lr, "default_action")
		set(action, "type", str("forward"))
		set(action, "target_group_arn", traversal(tg, "arn"))
	}
	for _, target := range lb.Targets {
		a := x.resource(x.n.fresh("aws_lb_target_group_attachment", lb.ID, target.Instance))
		set(a, "target_group_arn", traversal(tg, "arn"))
		set(a, "target_id", x.refTo(kindInstance, target.Instance, "id"))
		if target.Port != 0 && !gateway {
			set(a, "port", num(target.Port))
		}
		if !target.IsHealthy() {
			x.note("%s is an unhealthy target of %s in the scenario: AWS health checks decide", target.Instance, lb.ID)
		}
	}
}

// lbARNs splits an endpoint service's load balancers into the Network and
// the Gateway Load Balancers' ARNs.
func (x *exporter) lbARNs(ids []string) (network, gateway []hclwrite.Tokens) {
	types := map[string]string{}
	for _, lb := range x.s.LoadBalancers {
		if _, dup := types[lb.ID]; !dup {
			types[lb.ID] = lb.Type
		}
	}
	for _, id := range ids {
		arn := x.refTo(kindLB, id, "arn")
		if types[id] == "gateway" {
			gateway = append(gateway, arn)
		} else {
			network = append(network, arn)
		}
	}
	return network, gateway
}
