package app

import (
	"fmt"

	"privatelink-playground/engine"
)

// Resource is one thing of the scenario a learner can select: its ID, what
// kind it is, where it sits in the document and under which resource.
type Resource struct {
	// ID is the resource's ID (or name, for buckets and tables).
	ID string
	// Kind names the resource's type, e.g. "subnet" or "endpoint".
	Kind string
	// Label is a short description for the tree.
	Label string
	// Path is the JSON path of the resource in the document.
	Path string
	// Parent is the ID of the resource it belongs to, "" at the top.
	Parent string
}

// Resources lists every selectable resource of a scenario in document order,
// each after its parent.
func Resources(sc *engine.Scenario) []Resource {
	if sc == nil {
		return nil
	}
	var out []Resource
	add := func(id, kind, label, path, parent string) {
		if id != "" {
			out = append(out, Resource{ID: id, Kind: kind, Label: label, Path: path, Parent: parent})
		}
	}
	for i, a := range sc.Accounts {
		add(a.ID, "account", a.Name, fmt.Sprintf("accounts[%d]", i), "")
	}
	for i := range sc.VPCs {
		v := &sc.VPCs[i]
		p := fmt.Sprintf("vpcs[%d]", i)
		add(v.ID, "vpc", first(v.CIDRBlocks), p, v.Account)
		if v.InternetGateway != "" {
			add(v.InternetGateway, "internet-gateway", "internet gateway", p+".internetGateway", v.ID)
		}
		if v.VirtualPrivateGateway != "" {
			add(v.VirtualPrivateGateway, "virtual-private-gateway", "virtual private gateway", p+".virtualPrivateGateway", v.ID)
		}
		for j, x := range v.Subnets {
			add(x.ID, "subnet", x.AvailabilityZone+" "+x.CIDRBlock, fmt.Sprintf("%s.subnets[%d]", p, j), v.ID)
		}
		for j, x := range v.RouteTables {
			label := fmt.Sprintf("%d routes", len(x.Routes))
			if x.Main {
				label = "main, " + label
			}
			add(x.ID, "route-table", label, fmt.Sprintf("%s.routeTables[%d]", p, j), v.ID)
		}
		for j, x := range v.NATGateways {
			add(x.ID, "nat-gateway", "in "+x.Subnet, fmt.Sprintf("%s.natGateways[%d]", p, j), v.ID)
		}
		for j, x := range v.SecurityGroups {
			add(x.ID, "security-group", x.GroupName, fmt.Sprintf("%s.securityGroups[%d]", p, j), v.ID)
		}
		for j, x := range v.NetworkACLs {
			add(x.ID, "network-acl", fmt.Sprintf("%d entries", len(x.Entries)), fmt.Sprintf("%s.networkAcls[%d]", p, j), v.ID)
		}
		for j, x := range v.Instances {
			add(x.ID, "instance", x.PrivateIPAddress, fmt.Sprintf("%s.instances[%d]", p, j), v.ID)
		}
		for j, x := range v.Endpoints {
			add(x.ID, "endpoint", x.VPCEndpointType+" · "+x.ServiceName, fmt.Sprintf("%s.endpoints[%d]", p, j), v.ID)
		}
	}
	for i, x := range sc.LoadBalancers {
		add(x.ID, "load-balancer", x.Type, fmt.Sprintf("loadBalancers[%d]", i), x.VPC)
	}
	for i, x := range sc.EndpointServices {
		add(x.ID, "endpoint-service", x.PrivateDNSName, fmt.Sprintf("endpointServices[%d]", i), x.Account)
	}
	for i, x := range sc.HostedZones {
		kind := "public"
		if x.Private {
			kind = "private"
		}
		add(x.ID, "hosted-zone", kind+" "+x.Name, fmt.Sprintf("hostedZones[%d]", i), "")
	}
	for i, x := range sc.ResolverEndpoints {
		add(x.ID, "resolver-endpoint", x.Direction, fmt.Sprintf("resolverEndpoints[%d]", i), x.VPC)
	}
	for i, x := range sc.ResolverRules {
		add(x.ID, "resolver-rule", x.RuleType+" "+x.DomainName, fmt.Sprintf("resolverRules[%d]", i), "")
	}
	for i := range sc.Networks {
		n := &sc.Networks[i]
		p := fmt.Sprintf("networks[%d]", i)
		add(n.ID, "network", n.Name, p, "")
		for j, h := range n.Hosts {
			add(h.ID, "host", h.IPAddress, fmt.Sprintf("%s.hosts[%d]", p, j), n.ID)
		}
	}
	for i, x := range sc.Peerings {
		add(x.ID, "peering", x.RequesterVPC+" ⇄ "+x.AccepterVPC, fmt.Sprintf("peerings[%d]", i), "")
	}
	for i, x := range sc.TransitGateways {
		add(x.ID, "transit-gateway", fmt.Sprintf("%d attachments", len(x.Attachments)), fmt.Sprintf("transitGateways[%d]", i), "")
	}
	for i, x := range sc.Buckets {
		add(x.Name, "bucket", x.Region, fmt.Sprintf("buckets[%d]", i), x.Account)
	}
	for i, x := range sc.Tables {
		add(x.Name, "table", x.Region, fmt.Sprintf("tables[%d]", i), x.Account)
	}
	return out
}

func first(xs []string) string {
	if len(xs) == 0 {
		return ""
	}
	return xs[0]
}
