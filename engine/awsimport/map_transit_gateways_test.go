package awsimport

import (
	"reflect"
	"testing"

	"privatelink-playground/engine"
)

// tgwFiles, with baseFiles, is a second VPC and transit gateways with
// attachments of every kind, routes that map and routes that cannot, VPN
// connections, and VPC routes to the gateways.
func tgwFiles() map[string]string {
	attach := func(id, resource, kind string) string {
		return `[{"ResourceId": "` + resource + `", "TransitGatewayAttachmentId": "` + id + `", "ResourceType": "` + kind + `"}]`
	}
	a1, a2, vpn := attach("tgw-attach-1", "vpc-1", "vpc"), attach("tgw-attach-2", "vpc-2", "vpc"), attach("tgw-attach-vpn", "vpn-1", "vpn")
	return map[string]string{
		"vpcs-2.json":    `{"Vpcs": [{"VpcId": "vpc-2", "OwnerId": "111122223333", "CidrBlock": "10.1.0.0/16"}]}`,
		"subnets-2.json": `{"Subnets": [{"SubnetId": "subnet-c", "VpcId": "vpc-2", "AvailabilityZone": "eu-west-1a", "CidrBlock": "10.1.1.0/24"}]}`,
		"tables.json": `{"RouteTables": [
			{"RouteTableId": "rtb-main", "VpcId": "vpc-1", "Associations": [{"Main": true, "RouteTableId": "rtb-main"}],
			 "Routes": [{"DestinationCidrBlock": "10.0.0.0/16", "GatewayId": "local", "State": "active"},
				{"DestinationCidrBlock": "10.1.0.0/16", "TransitGatewayId": "tgw-1", "Origin": "CreateRoute", "State": "active"},
				{"DestinationCidrBlock": "192.168.0.0/16", "TransitGatewayId": "tgw-1", "Origin": "CreateRoute", "State": "active"},
				{"DestinationCidrBlock": "172.31.0.0/16", "TransitGatewayId": "tgw-2", "Origin": "CreateRoute", "State": "active"},
				{"DestinationCidrBlock": "100.64.0.0/10", "TransitGatewayId": "tgw-old", "Origin": "CreateRoute", "State": "active"}]},
			{"RouteTableId": "rtb-a", "VpcId": "vpc-1", "Associations": [{"Main": false, "RouteTableId": "rtb-a", "SubnetId": "subnet-a"}],
			 "Routes": [{"DestinationCidrBlock": "10.0.0.0/16", "GatewayId": "local", "State": "active"}]},
			{"RouteTableId": "rtb-2", "VpcId": "vpc-2", "Associations": [{"Main": true, "RouteTableId": "rtb-2"}],
			 "Routes": [{"DestinationCidrBlock": "10.0.0.0/16", "TransitGatewayId": "tgw-1", "Origin": "CreateRoute", "State": "active"}]}]}`,
		"tgws.json": `{"TransitGateways": [
			{"TransitGatewayId": "tgw-1", "OwnerId": "111122223333", "State": "available", "Options": {"AmazonSideAsn": 64512, "AssociationDefaultRouteTableId": "tgw-rtb-1"}},
			{"TransitGatewayId": "tgw-2", "OwnerId": "111122223333", "State": "available"},
			{"TransitGatewayId": "tgw-old", "OwnerId": "111122223333", "State": "deleted"},
			{"TransitGatewayId": "tgw-1", "OwnerId": "111122223333", "State": "available"}]}`,
		"tgw-vpc-attachments.json": `{"TransitGatewayVpcAttachments": [
			{"TransitGatewayAttachmentId": "tgw-attach-1", "TransitGatewayId": "tgw-1", "VpcId": "vpc-1", "SubnetIds": ["subnet-a", "subnet-zzz"], "State": "available"},
			{"TransitGatewayAttachmentId": "tgw-attach-old", "TransitGatewayId": "tgw-1", "VpcId": "vpc-1", "SubnetIds": ["subnet-b"], "State": "deleted"},
			{"TransitGatewayAttachmentId": "tgw-attach-9", "TransitGatewayId": "tgw-1", "VpcId": "vpc-9", "SubnetIds": [], "State": "available"},
			{"TransitGatewayAttachmentId": "tgw-attach-x", "TransitGatewayId": "tgw-old", "VpcId": "vpc-2", "SubnetIds": ["subnet-c"], "State": "available"}]}`,
		"tgw-attachments.json": `{"TransitGatewayAttachments": [
			{"TransitGatewayAttachmentId": "tgw-attach-1", "TransitGatewayId": "tgw-1", "ResourceType": "vpc", "ResourceId": "vpc-1", "State": "available", "Association": {"TransitGatewayRouteTableId": "tgw-rtb-1", "State": "associated"}},
			{"TransitGatewayAttachmentId": "tgw-attach-2", "TransitGatewayId": "tgw-1", "ResourceType": "vpc", "ResourceId": "vpc-2", "State": "available"},
			{"TransitGatewayAttachmentId": "tgw-attach-vpn", "TransitGatewayId": "tgw-1", "ResourceType": "vpn", "ResourceId": "vpn-1", "State": "available", "Association": {"TransitGatewayRouteTableId": "tgw-rtb-2", "State": "associated"}},
			{"TransitGatewayAttachmentId": "tgw-attach-dx", "TransitGatewayId": "tgw-1", "ResourceType": "direct-connect-gateway", "ResourceId": "5f4e3d2c-1b0a-4f9e-8d7c-6b5a4f3e2d1c", "State": "available"},
			{"TransitGatewayAttachmentId": "tgw-attach-peer", "TransitGatewayId": "tgw-1", "ResourceType": "peering", "ResourceId": "tgw-0remote", "State": "available"},
			{"TransitGatewayAttachmentId": "tgw-attach-lost", "TransitGatewayId": "tgw-1", "ResourceType": "vpn", "ResourceId": "vpn-lost", "State": "available"}]}`,
		"tgw-routes.json": `{"Routes": [
			{"DestinationCidrBlock": "10.0.0.0/16", "TransitGatewayAttachments": ` + a1 + `, "Type": "propagated", "State": "active"},
			{"DestinationCidrBlock": "10.1.0.0/16", "TransitGatewayAttachments": ` + a2 + `, "Type": "propagated", "State": "active"},
			{"DestinationCidrBlock": "192.168.0.0/16", "TransitGatewayAttachments": ` + vpn + `, "Type": "static", "State": "active"},
			{"DestinationCidrBlock": "0.0.0.0/0", "TransitGatewayAttachments": ` + vpn + `, "Type": "static", "State": "active"},
			{"DestinationCidrBlock": "172.16.0.0/12", "Type": "static", "State": "blackhole"},
			{"DestinationCidrBlock": "100.64.0.0/10", "TransitGatewayAttachments": ` + attach("tgw-attach-far", "vpc-0far", "vpc") + `, "Type": "static", "State": "active"},
			{"DestinationCidrBlock": "198.18.0.0/15", "TransitGatewayAttachments": ` + attach("tgw-attach-dx", "5f4e3d2c-1b0a-4f9e-8d7c-6b5a4f3e2d1c", "direct-connect-gateway") + `, "Type": "propagated", "State": "active"},
			{"PrefixListId": "pl-0123456789abcdef0", "TransitGatewayAttachments": ` + a1 + `, "Type": "static", "State": "active"},
			{"DestinationCidrBlock": "10.200.0.0/16", "TransitGatewayAttachments": [{"ResourceId": "vpc-0far", "TransitGatewayAttachmentId": "tgw-attach-far", "ResourceType": "vpc"}, {"ResourceId": "vpc-1", "TransitGatewayAttachmentId": "tgw-attach-1", "ResourceType": "vpc"}], "Type": "propagated", "State": "active"},
			{"DestinationCidrBlock": "10.0.0.0/16", "TransitGatewayAttachments": ` + a1 + `, "Type": "static", "State": "active"},
			{"DestinationCidrBlock": "10.1.0.0/16", "TransitGatewayAttachments": ` + a2 + `, "Type": "propagated", "State": "active"},
			{"DestinationCidrBlock": "10.3.0.0/16", "TransitGatewayAttachments": ` + a1 + `, "Type": "static", "State": "deleting"}],
			"AdditionalRoutesAvailable": true}`,
		"vpn.json": `{"VpnConnections": [
			{"VpnConnectionId": "vpn-1", "CustomerGatewayId": "cgw-1", "TransitGatewayId": "tgw-1", "Category": "VPN", "State": "available", "Options": {"StaticRoutesOnly": true}, "Routes": [], "Tags": [{"Key": "Name", "Value": "HQ"}]},
			{"VpnConnectionId": "vpn-2", "CustomerGatewayId": "cgw-1", "TransitGatewayId": "tgw-2", "State": "available"},
			{"VpnConnectionId": "vpn-3", "CustomerGatewayId": "cgw-1", "TransitGatewayId": "tgw-old", "State": "available"}]}`,
		"cgw.json": `{"CustomerGateways": [{"CustomerGatewayId": "cgw-1", "IpAddress": "198.51.100.1", "BgpAsn": "65000", "State": "available", "Type": "ipsec.1"}]}`,
	}
}

// tgwByID returns a transit gateway of the scenario.
func tgwByID(t *testing.T, s *engine.Scenario, id string) *engine.TransitGateway {
	t.Helper()
	return byID(t, "transit gateway", s.TransitGateways, id, func(g *engine.TransitGateway) string { return g.ID })
}

func TestTransitGatewayAttachments(t *testing.T) {
	r := importJSON(t, with(tgwFiles()))
	assertValid(t, r.Scenario)
	if n := len(r.Scenario.TransitGateways); n != 2 {
		t.Fatalf("%d transit gateways, want tgw-1 and tgw-2: %+v", n, r.Scenario.TransitGateways)
	}
	want := []engine.TGWAttachment{
		{ID: "tgw-attach-1", VPC: "vpc-1", Subnets: []string{"subnet-a"}},
		{ID: "tgw-attach-2", VPC: "vpc-2"},
		{ID: "tgw-attach-vpn", Network: "vpn-1"},
	}
	if got := tgwByID(t, r.Scenario, "tgw-1").Attachments; !reflect.DeepEqual(got, want) {
		t.Errorf("tgw-1 attachments\n%s\nwant\n%s", asJSON(got), asJSON(want))
	}
	if got := tgwByID(t, r.Scenario, "tgw-2").Attachments; got == nil || len(got) != 0 {
		t.Errorf("tgw-2 attachments %v, want [] (attachments is required)", got)
	}
	for path, words := range map[string][]string{
		"TransitGateways[0]":                           {"tgw-1", "2 route tables", "tgw-rtb-1, tgw-rtb-2", "merged"},
		"TransitGateways[2]":                           {"not mapped", "tgw-old is deleted"},
		"TransitGateways[3]":                           {"not mapped", "appears twice"},
		"TransitGatewayVpcAttachments[0].SubnetIds[1]": {"not mapped", "subnet-zzz"},
		"TransitGatewayVpcAttachments[1]":              {"not mapped", "tgw-attach-old", "deleted"},
		"TransitGatewayVpcAttachments[2]":              {"not mapped", "vpc-9"},
		"TransitGatewayVpcAttachments[3]":              {"not mapped", "tgw-old is not one of the imported transit gateways"},
		"TransitGatewayAttachments[1]":                 {"tgw-attach-2", "mapped without subnets", "first subnet"},
		"TransitGatewayAttachments[3]":                 {"not mapped", "Direct Connect"},
		"TransitGatewayAttachments[4]":                 {"not mapped", "peering is not in the scenario format"},
		"TransitGatewayAttachments[5]":                 {"not mapped", "tgw-attach-lost", "vpn-lost is not in the input"},
	} {
		assertNote(t, r, path, words...)
	}
	// The VPC attachment output holds tgw-attach-1, so its line in the
	// generic output is not mapped twice; attachments associated with a
	// route table need no note.
	for _, path := range []string{"TransitGatewayVpcAttachments[0]", "TransitGatewayAttachments[0]", "TransitGatewayAttachments[2]"} {
		for _, n := range r.Unmapped {
			if n.Path == path {
				t.Errorf("note on a mapped attachment: %v", n)
			}
		}
	}
	assertNote(t, r, "TransitGatewayAttachments[1]", "associated with no route table", "AWS drops")
}

func TestTransitGatewayRoutes(t *testing.T) {
	r := importJSON(t, with(tgwFiles()))
	want := []engine.TGWRoute{
		{DestinationCIDRBlock: "10.1.0.0/16", Attachment: "tgw-attach-2"},
		{DestinationCIDRBlock: "192.168.0.0/16", Attachment: "tgw-attach-vpn"},
		{DestinationCIDRBlock: "0.0.0.0/0", Attachment: "tgw-attach-vpn"},
		{DestinationCIDRBlock: "10.200.0.0/16", Attachment: "tgw-attach-1"},
		{DestinationCIDRBlock: "10.0.0.0/16", Attachment: "tgw-attach-1"},
	}
	if got := tgwByID(t, r.Scenario, "tgw-1").Routes; !reflect.DeepEqual(got, want) {
		t.Errorf("tgw-1 routes, in the input's order\n%s\nwant\n%s", asJSON(got), asJSON(want))
	}
	if got := tgwByID(t, r.Scenario, "tgw-2").Routes; len(got) != 0 {
		t.Errorf("tgw-2 routes %v: no route leads to it", got)
	}
	for path, words := range map[string][]string{
		"Routes[0]":                              {"not mapped", "static route to 10.0.0.0/16 in tgw-1 takes precedence"},
		"Routes[4]":                              {"not mapped", "172.16.0.0/12", "blackhole", "next matching route"},
		"Routes[5]":                              {"not mapped", "tgw-attach-far (vpc vpc-0far)", "transit gateway of its route table is unknown"},
		"Routes[6]":                              {"not mapped", "tgw-attach-dx", "is not mapped"},
		"Routes[7]":                              {"not mapped", "prefix list pl-0123456789abcdef0"},
		"Routes[8].TransitGatewayAttachments[0]": {"not mapped", "equal-cost", "to tgw-attach-1, not this one to tgw-attach-far"},
		"Routes[10]":                             {"not mapped", "a second route for 10.1.0.0/16 in tgw-1"},
		"Routes[11]":                             {"not mapped", "10.3.0.0/16 is deleting"},
		"AdditionalRoutesAvailable":              {"only some of the table's routes"},
	} {
		assertNote(t, r, path, words...)
	}
	for _, n := range notesAbout(r, "Routes[") {
		if n.Path == "Routes[1]" || n.Path == "Routes[2]" || n.Path == "Routes[3]" || n.Path == "Routes[8]" || n.Path == "Routes[9]" {
			t.Errorf("note on a mapped route: %v", n)
		}
	}
	assertValid(t, r.Scenario)
}

func TestTransitGatewayVPN(t *testing.T) {
	r := importJSON(t, with(tgwFiles()))
	want := []engine.OnPremNetwork{{
		ID:         "vpn-1",
		Name:       "HQ",
		CIDRBlocks: []string{"192.168.0.0/16"},
		Connection: engine.Connection{Type: "vpn", TransitGateway: "tgw-1"},
	}}
	if got := r.Scenario.Networks; !reflect.DeepEqual(got, want) {
		t.Errorf("networks\n%s\nwant\n%s", asJSON(got), asJSON(want))
	}
	assertNote(t, r, "VpnConnections[0]", "mapped as on-premises network vpn-1", "routes of tgw-1 to its attachment tgw-attach-vpn", "(192.168.0.0/16)")
	assertNote(t, r, "VpnConnections[0]", "route 0.0.0.0/0 to tgw-attach-vpn", "tgw-routes.json Routes[3]", "overlaps vpc-", "not taken as a CIDR of the site")
	assertNote(t, r, "VpnConnections[1]", "not mapped", "tgw-2", "no usable attachment")
	assertNote(t, r, "VpnConnections[2]", "not mapped", "tgw-old, which is not one of the imported transit gateways")
	if ns := notesAbout(r, "CustomerGateways"); len(ns) != 0 {
		t.Errorf("the customer gateway of a mapped VPN was noted: %v", ns)
	}
	// Without the attachments, the VPN's end is unknown.
	files := with(tgwFiles())
	delete(files, "tgw-attachments.json")
	r = importJSON(t, files)
	if len(r.Scenario.Networks) != 0 {
		t.Errorf("networks %+v without describe-transit-gateway-attachments", r.Scenario.Networks)
	}
	assertNote(t, r, "VpnConnections[0]", "not mapped", "no usable attachment", "describe-transit-gateway-attachments")
	assertNote(t, r, "CustomerGateways[0]", "not mapped", "cgw-1")
	assertValid(t, r.Scenario)
}

func TestVPCRoutesToTransitGateways(t *testing.T) {
	r := importJSON(t, with(tgwFiles()))
	rt := vpcByID(t, r.Scenario, "vpc-1").RouteTables[0]
	want := []engine.Route{{DestinationCIDRBlock: "10.1.0.0/16", Target: "tgw-1"}, {DestinationCIDRBlock: "192.168.0.0/16", Target: "tgw-1"}}
	if !reflect.DeepEqual(rt.Routes, want) {
		t.Errorf("rtb-main routes %s, want %s", asJSON(rt.Routes), asJSON(want))
	}
	if got := vpcByID(t, r.Scenario, "vpc-2").RouteTables[0].Routes; len(got) != 1 || got[0].Target != "tgw-1" {
		t.Errorf("rtb-2 routes %+v", got)
	}
	assertNote(t, r, "RouteTables[0].Routes[3]", "not mapped", "172.31.0.0/16 → tgw-2", "tgw-2 has no imported attachment to vpc-1")
	assertNote(t, r, "RouteTables[0].Routes[4]", "not mapped", "tgw-old", "not one of the imported transit gateways")
	assertValid(t, r.Scenario)
}
