package terraform

import (
	"sort"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2/hclwrite"

	"privatelink-playground/engine"
)

// writeEndpoint writes a VPC endpoint. Its service name refers to the
// endpoint service when the scenario holds it; its policy is the JSON
// document in a heredoc. A lifecycle state is the simulator's and is noted.
func (x *exporter) writeEndpoint(v *engine.VPC, e *engine.VPCEndpoint) {
	b := x.resource(x.self[e])
	set(b, "vpc_id", traversal(x.self[v], "id"))
	set(b, "service_name", x.serviceName(e.ServiceName))
	set(b, "vpc_endpoint_type", str(e.VPCEndpointType))
	setStr(b, "service_region", e.ServiceRegion)
	if len(e.RouteTableIDs) > 0 {
		set(b, "route_table_ids", x.refsTo(kindRouteTable, e.RouteTableIDs, "id"))
	}
	if len(e.SubnetIDs) > 0 {
		set(b, "subnet_ids", x.refsTo(kindSubnet, e.SubnetIDs, "id"))
	}
	if len(e.SecurityGroupIDs) > 0 {
		set(b, "security_group_ids", x.refsTo(kindSG, e.SecurityGroupIDs, "id"))
	}
	if e.VPCEndpointType == engine.EndpointInterface {
		set(b, "private_dns_enabled", boolean(e.PrivateDNS()))
	}
	setStr(b, "ip_address_type", e.IPAddressType)
	if e.PrivateDNSOnlyForInboundResolverEndpoint != nil {
		d := block(b, "dns_options")
		set(d, "private_dns_only_for_inbound_resolver_endpoint", boolean(*e.PrivateDNSOnlyForInboundResolverEndpoint))
	}
	for _, sid := range endpointIPSubnets(e) {
		ip := e.IPAddresses[sid]
		c := block(b, "subnet_configuration")
		set(c, "subnet_id", x.refTo(kindSubnet, sid, "id"))
		if strings.Contains(ip, ":") {
			set(c, "ipv6", str(ip))
		} else {
			set(c, "ipv4", str(ip))
		}
	}
	if len(e.PolicyDocument) > 0 {
		set(b, "policy", policy(e.PolicyDocument, nil))
	}
	set(b, "tags", tags(e.ID, e.Tags))
	if e.Account != "" && e.Account != v.Account {
		x.note("%s belongs to account %s, not to the account of %s: create it with that account's provider", e.ID, e.Account, v.ID)
	}
	x.noteState(e.ID, e.State, e.StateSince, e.Modifying)
}

// endpointIPSubnets lists the subnets of an endpoint's fixed IP addresses:
// in subnetIds order, then any others sorted.
func endpointIPSubnets(e *engine.VPCEndpoint) []string {
	var out []string
	seen := map[string]bool{}
	for _, sid := range e.SubnetIDs {
		if _, ok := e.IPAddresses[sid]; ok && !seen[sid] {
			seen[sid] = true
			out = append(out, sid)
		}
	}
	var rest []string
	for sid := range e.IPAddresses {
		if !seen[sid] {
			rest = append(rest, sid)
		}
	}
	sort.Strings(rest)
	return append(out, rest...)
}

// serviceName is an endpoint's service name: a reference to the endpoint
// service's service_name when the name is com.amazonaws.vpce.REGION.ID of a
// service in the scenario, the name itself otherwise.
func (x *exporter) serviceName(name string) hclwrite.Tokens {
	if rest, ok := strings.CutPrefix(name, "com.amazonaws.vpce."); ok {
		if _, id, ok := strings.Cut(rest, "."); ok {
			if r, ok := x.n.lookup(kindService, id); ok {
				return traversal(r, "service_name")
			}
		}
	}
	return str(name)
}

// noteState notes a lifecycle state, which AWS sets and Terraform cannot.
func (x *exporter) noteState(id, state string, since int, modifying bool) {
	switch {
	case state == "":
	case modifying:
		x.note("%s is %s (being modified) since second %d of the simulated clock", id, state, since)
	case since != 0:
		x.note("%s is %s since second %d of the simulated clock", id, state, since)
	default:
		x.note("%s is %s in the scenario: AWS sets the state", id, state)
	}
}

// writeEndpointService writes an endpoint service with its load balancers
// and one allowed-principal resource per principal.
func (x *exporter) writeEndpointService(svc *engine.EndpointService) {
	if len(svc.LoadBalancers) > 0 {
		for _, lb := range x.s.LoadBalancers {
			if lb.ID == svc.LoadBalancers[0] {
				x.region = x.vpcRegion(lb.VPC)
				break
			}
		}
	}
	defer func() { x.region = "" }()
	r := x.self[svc]
	b := x.resource(r)
	set(b, "acceptance_required", boolean(svc.AcceptanceRequired))
	network, gateway := x.lbARNs(svc.LoadBalancers)
	if len(network) > 0 {
		set(b, "network_load_balancer_arns", tuple(network))
	}
	if len(gateway) > 0 {
		set(b, "gateway_load_balancer_arns", tuple(gateway))
	}
	setStr(b, "private_dns_name", svc.PrivateDNSName)
	if len(svc.SupportedIPAddressTypes) > 0 {
		set(b, "supported_ip_address_types", strs(svc.SupportedIPAddressTypes))
	}
	if len(svc.SupportedRegions) > 0 {
		set(b, "supported_regions", strs(svc.SupportedRegions))
	}
	set(b, "tags", tags(svc.ID, nil))
	for i, p := range svc.AllowedPrincipals {
		a := x.resource(x.n.fresh("aws_vpc_endpoint_service_allowed_principal", svc.ID, "principal", strconv.Itoa(i+1)))
		set(a, "vpc_endpoint_service_id", traversal(r, "id"))
		set(a, "principal_arn", str(p))
	}
	if svc.PrivateDNSName != "" {
		x.note("%s: AWS verifies the private DNS name %s with a TXT record in its public zone", svc.ID, svc.PrivateDNSName)
	}
	x.noteState(svc.ID, svc.State, 0, false)
}

// writeNotifications writes the connection notifications.
func (x *exporter) writeNotifications() {
	for i := range x.s.ConnectionNotifications {
		cn := &x.s.ConnectionNotifications[i]
		b := x.resource(x.n.fresh("aws_vpc_endpoint_connection_notification", cn.ID))
		if cn.Endpoint != "" {
			set(b, "vpc_endpoint_id", x.refTo(kindEndpoint, cn.Endpoint, "id"))
		}
		if cn.EndpointService != "" {
			set(b, "vpc_endpoint_service_id", x.refTo(kindService, cn.EndpointService, "id"))
		}
		set(b, "connection_notification_arn", x.refTo(kindTopic, cn.Topic, "arn"))
		set(b, "connection_events", strs(cn.Events))
	}
}
