package awsimport

import (
	"strings"
	"testing"

	"privatelink-playground/engine"
)

func TestRoutesThatCannotMap(t *testing.T) {
	r := importJSON(t, with(map[string]string{
		"igw.json": `{"InternetGateways": [{"InternetGatewayId": "igw-1", "OwnerId": "111122223333", "Attachments": [{"State": "available", "VpcId": "vpc-1"}]}, {"InternetGatewayId": "igw-loose", "Attachments": []}]}`,
		"nat.json": `{"NatGateways": [{"NatGatewayId": "nat-1", "SubnetId": "subnet-a", "VpcId": "vpc-1", "State": "available"}, {"NatGatewayId": "nat-old", "SubnetId": "subnet-a", "VpcId": "vpc-1", "State": "deleted"}]}`,
		"tables.json": `{"RouteTables": [
			{"RouteTableId": "rtb-main", "VpcId": "vpc-1", "Associations": [{"Main": true, "RouteTableId": "rtb-main"}, {"RouteTableId": "rtb-main", "GatewayId": "igw-1"}],
			 "Routes": [
				{"DestinationCidrBlock": "10.0.0.0/16", "GatewayId": "local", "State": "active"},
				{"DestinationCidrBlock": "0.0.0.0/0", "GatewayId": "igw-1", "State": "active"},
				{"DestinationCidrBlock": "172.16.0.0/12", "NatGatewayId": "nat-1", "State": "active"},
				{"DestinationCidrBlock": "192.168.0.0/16", "NatGatewayId": "nat-old", "State": "blackhole"},
				{"DestinationCidrBlock": "100.64.0.0/10", "TransitGatewayId": "tgw-1", "State": "active"},
				{"DestinationCidrBlock": "198.18.0.0/15", "InstanceId": "i-fw", "NetworkInterfaceId": "eni-fw", "State": "active"},
				{"DestinationIpv6CidrBlock": "::/0", "EgressOnlyInternetGatewayId": "eigw-1", "State": "active"},
				{"DestinationCidrBlock": "10.0.1.0/24", "GatewayId": "igw-1", "State": "active"},
				{"DestinationCidrBlock": "203.0.113.0/24", "VpcPeeringConnectionId": "pcx-unknown", "State": "active"}]}]}`,
	}))
	v := vpcByID(t, r.Scenario, "vpc-1")
	rt := v.RouteTables[0]
	if len(rt.Routes) != 2 || rt.Routes[0].Target != "igw-1" || rt.Routes[1].Target != "nat-1" {
		t.Errorf("routes %+v, want the IGW and NAT routes", rt.Routes)
	}
	if len(rt.EdgeAssociations) != 1 || rt.EdgeAssociations[0] != "igw-1" {
		t.Errorf("edge associations %v", rt.EdgeAssociations)
	}
	if v.InternetGateway != "igw-1" || len(v.NATGateways) != 1 {
		t.Errorf("IGW %q, NATs %+v", v.InternetGateway, v.NATGateways)
	}
	for path, word := range map[string]string{
		"RouteTables[0].Routes[3]": "blackhole",
		"RouteTables[0].Routes[4]": "transit gateways",
		"RouteTables[0].Routes[5]": "middleboxes",
		"RouteTables[0].Routes[6]": "EgressOnlyInternetGatewayId",
		"RouteTables[0].Routes[7]": "NET-01",
		"RouteTables[0].Routes[8]": "not an imported active peering",
		"InternetGateways[1]":      "attached to no VPC",
		"NatGateways[1]":           "deleted",
	} {
		assertNote(t, r, path, word)
	}
	assertValid(t, r.Scenario)
}

func TestInstances(t *testing.T) {
	r := importJSON(t, with(map[string]string{
		"instances.json": `{"Reservations": [{"OwnerId": "111122223333", "Instances": [
			{"InstanceId": "i-1", "VpcId": "vpc-1", "SubnetId": "subnet-a", "PrivateIpAddress": "10.0.1.10", "PublicIpAddress": "203.0.113.10",
			 "SecurityGroups": [{"GroupId": "sg-app", "GroupName": "app"}, {"GroupId": "sg-gone"}], "State": {"Code": 16, "Name": "running"},
			 "IamInstanceProfile": {"Arn": "arn:aws:iam::111122223333:instance-profile/team/app", "Id": "AIPA"},
			 "NetworkInterfaces": [
				{"NetworkInterfaceId": "eni-1", "SubnetId": "subnet-a", "PrivateIpAddress": "10.0.1.10", "Attachment": {"DeviceIndex": 0},
				 "PrivateIpAddresses": [{"Primary": true, "PrivateIpAddress": "10.0.1.10"}, {"Primary": false, "PrivateIpAddress": "10.0.1.11"}],
				 "Ipv6Addresses": [{"Ipv6Address": "2001:db8::10"}]},
				{"NetworkInterfaceId": "eni-2", "SubnetId": "subnet-b", "PrivateIpAddress": "10.0.2.10", "Attachment": {"DeviceIndex": 1}}]},
			{"InstanceId": "i-gone", "State": {"Code": 48, "Name": "terminated"}},
			{"InstanceId": "i-stopped", "VpcId": "vpc-1", "SubnetId": "subnet-b", "PrivateIpAddress": "10.0.2.20", "SecurityGroups": [], "State": {"Code": 80, "Name": "stopped"}}]}]}`,
		"eips.json": `{"Addresses": [{"PublicIp": "203.0.113.10", "InstanceId": "i-1"}, {"PublicIp": "203.0.113.99", "AllocationId": "eipalloc-1"}]}`,
	}))
	v := vpcByID(t, r.Scenario, "vpc-1")
	if len(v.Instances) != 2 {
		t.Fatalf("instances %+v", v.Instances)
	}
	in := v.Instances[0]
	if in.PrivateIPAddress != "10.0.1.10" || in.PublicIPAddress != "203.0.113.10" || in.IPv6Address != "2001:db8::10" ||
		len(in.SecurityGroups) != 1 || in.Principal != "arn:aws:iam::111122223333:role/team/app" {
		t.Errorf("instance %+v", in)
	}
	if v.Instances[1].SecurityGroups == nil {
		t.Errorf("securityGroups is required: want [], not nil")
	}
	assertNote(t, r, "Reservations[0].Instances[0].SecurityGroups[1]", "sg-gone")
	assertNote(t, r, "Reservations[0].Instances[0].NetworkInterfaces[0].PrivateIpAddresses[1]", "10.0.1.11")
	assertNote(t, r, "Reservations[0].Instances[0].NetworkInterfaces[1]", "secondary network interface eni-2")
	assertNote(t, r, "Reservations[0].Instances[0].IamInstanceProfile", "role/team/app")
	assertNote(t, r, "Reservations[0].Instances[1]", "terminated")
	assertNote(t, r, "Reservations[0].Instances[2]", "stopped")
	assertNote(t, r, "Addresses[1]", "203.0.113.99")
	if len(notesAbout(r, "Addresses[0]")) != 0 {
		t.Errorf("the instance's own Elastic IP was noted")
	}
}

func TestPeeringAndVPN(t *testing.T) {
	r := importJSON(t, map[string]string{
		"v.json": `{"Vpcs": [{"VpcId": "vpc-1", "OwnerId": "111122223333", "CidrBlock": "10.0.0.0/16"}, {"VpcId": "vpc-2", "OwnerId": "444455556666", "CidrBlock": "10.1.0.0/16"}]}`,
		"p.json": `{"VpcPeeringConnections": [
			{"VpcPeeringConnectionId": "pcx-1", "RequesterVpcInfo": {"VpcId": "vpc-1", "OwnerId": "111122223333"}, "AccepterVpcInfo": {"VpcId": "vpc-2", "OwnerId": "444455556666"}, "Status": {"Code": "active"}},
			{"VpcPeeringConnectionId": "pcx-2", "RequesterVpcInfo": {"VpcId": "vpc-1"}, "AccepterVpcInfo": {"VpcId": "vpc-2"}, "Status": {"Code": "pending-acceptance"}},
			{"VpcPeeringConnectionId": "pcx-3", "RequesterVpcInfo": {"VpcId": "vpc-1"}, "AccepterVpcInfo": {"VpcId": "vpc-9"}, "Status": {"Code": "active"}}]}`,
		"vgw.json": `{"VpnGateways": [{"VpnGatewayId": "vgw-1", "State": "available", "VpcAttachments": [{"State": "attached", "VpcId": "vpc-1"}]}]}`,
		"vpn.json": `{"VpnConnections": [
			{"VpnConnectionId": "vpn-static", "CustomerGatewayId": "cgw-1", "VpnGatewayId": "vgw-1", "State": "available", "Routes": [{"DestinationCidrBlock": "192.168.0.0/16", "State": "available"}], "Tags": [{"Key": "Name", "Value": "HQ"}]},
			{"VpnConnectionId": "vpn-bgp", "CustomerGatewayId": "cgw-2", "VpnGatewayId": "vgw-1", "State": "available", "Routes": []},
			{"VpnConnectionId": "vpn-tgw", "CustomerGatewayId": "cgw-2", "TransitGatewayId": "tgw-1", "State": "available"}]}`,
		"cgw.json": `{"CustomerGateways": [{"CustomerGatewayId": "cgw-1", "IpAddress": "198.51.100.1"}, {"CustomerGatewayId": "cgw-2", "IpAddress": "198.51.100.2"}]}`,
	})
	s := r.Scenario
	if len(s.Peerings) != 1 || s.Peerings[0] != (engine.Peering{ID: "pcx-1", RequesterVPC: "vpc-1", AccepterVPC: "vpc-2"}) {
		t.Errorf("peerings %+v", s.Peerings)
	}
	if len(s.Accounts) != 2 || s.Accounts[0].ID != "111122223333" || s.Accounts[1].ID != "444455556666" {
		t.Errorf("accounts %+v", s.Accounts)
	}
	if len(s.Networks) != 1 {
		t.Fatalf("networks %+v", s.Networks)
	}
	n := s.Networks[0]
	if n.ID != "vpn-static" || n.Name != "HQ" || n.CIDRBlocks[0] != "192.168.0.0/16" || n.Connection != (engine.Connection{Type: "vpn", VPC: "vpc-1"}) {
		t.Errorf("network %+v", n)
	}
	if vpcByID(t, s, "vpc-1").VirtualPrivateGateway != "vgw-1" {
		t.Errorf("virtual private gateway not attached")
	}
	assertNote(t, r, "VpcPeeringConnections[1]", "pending-acceptance")
	assertNote(t, r, "VpcPeeringConnections[2]", "vpc-9")
	assertNote(t, r, "VpnConnections[0]", "mapped as on-premises network vpn-static", "198.51.100.1")
	assertNote(t, r, "VpnConnections[1]", "not mapped", "BGP")
	assertNote(t, r, "VpnConnections[2]", "not mapped", "transit gateway")
	assertNote(t, r, "CustomerGateways[1]", "cgw-2")
	assertValid(t, s)
}

func TestOtherDocuments(t *testing.T) {
	r := importJSON(t, with(map[string]string{
		"pl.json":  `{"PrefixLists": [{"PrefixListId": "pl-63a5400a", "PrefixListName": "com.amazonaws.us-east-1.s3", "Cidrs": ["54.231.0.0/17", "52.216.0.0/15", "3.5.16.0/21", "3.5.0.0/20"]}, {"PrefixListId": "pl-custom", "PrefixListName": "office", "Cidrs": ["198.51.100.0/24"]}]}`,
		"svc.json": `{"ServiceNames": ["com.amazonaws.eu-west-1.s3", "com.amazonaws.vpce.eu-west-1.vpce-svc-0abc"], "ServiceDetails": [{"ServiceName": "com.amazonaws.eu-west-1.s3", "Owner": "amazon"}, {"ServiceName": "com.amazonaws.vpce.eu-west-1.vpce-svc-0abc", "Owner": "444455556666"}], "NextToken": "x"}`,
		"az.json":  `{"AvailabilityZones": [{"ZoneName": "eu-west-1a", "RegionName": "eu-west-1"}], "NextToken": null}`,
		"odd.json": `{"LoadBalancerDescriptions": []}`,
	}))
	assertNote(t, r, "PrefixLists[1]", "pl-custom")
	if len(notesAbout(r, "PrefixLists[0]")) != 0 {
		t.Errorf("the built-in S3 prefix list with AWS's CIDRs was noted: %v", notesAbout(r, "PrefixLists[0]"))
	}
	assertNote(t, r, "ServiceDetails[1]", "vpce-svc-0abc")
	if len(notesAbout(r, "ServiceDetails[0]")) != 0 {
		t.Errorf("the built-in S3 service was noted")
	}
	assertNote(t, r, "LoadBalancerDescriptions", "does not know")
	assertNote(t, r, "NextToken", "more items follow")
	for _, n := range r.Unmapped {
		if n.File == "az.json" {
			t.Errorf("a null NextToken (the last page) was noted: %v", n)
		}
	}
	assertValid(t, r.Scenario)
}

func TestUnreadableInput(t *testing.T) {
	for name, files := range map[string]map[string][]byte{
		"not JSON":      {"a.json": []byte("{")},
		"an array":      {"a.json": []byte("[1]")},
		"null":          {"a.json": []byte("null")},
		"wrong shape":   {"a.json": []byte(`{"Vpcs": {"VpcId": "vpc-1"}}`)},
		"two documents": {"a.json": []byte(`{"Vpcs": []} {"Vpcs": []}`)},
		"too large":     {"a.json": make([]byte, MaxFileBytes+1)},
	} {
		if _, err := Import(files); err == nil {
			t.Errorf("%s: no error", name)
		} else if !strings.Contains(err.Error(), "a.json") {
			t.Errorf("%s: error %q does not name the file", name, err)
		}
	}
	if _, err := ImportDir("testdata/no-such-dir"); err == nil {
		t.Error("ImportDir of a missing directory: no error")
	}
}

func TestOwnerFallback(t *testing.T) {
	r := importJSON(t, map[string]string{
		"v.json": `{"Vpcs": [{"VpcId": "vpc-1", "OwnerId": "111122223333", "CidrBlock": "10.0.0.0/16"}, {"VpcId": "vpc-2", "CidrBlock": "10.1.0.0/16"}]}`,
	})
	if vpcByID(t, r.Scenario, "vpc-2").Account != "111122223333" {
		t.Errorf("an ownerless VPC takes the first owner's account")
	}
	assertNote(t, r, "Vpcs[1]", "no OwnerId")
	assertValid(t, r.Scenario)
}
