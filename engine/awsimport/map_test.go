package awsimport

import (
	"encoding/json"
	"strings"
	"testing"

	"privatelink-playground/engine"
)

// baseFiles is a small network: one VPC with two subnets, a main table and
// a custom one, a default group and an app group.
func baseFiles() map[string]string {
	return map[string]string{
		"vpcs.json": `{"Vpcs": [{"VpcId": "vpc-1", "OwnerId": "111122223333", "CidrBlock": "10.0.0.0/16",
			"CidrBlockAssociationSet": [{"CidrBlock": "10.0.0.0/16", "CidrBlockState": {"State": "associated"}}]}]}`,
		"subnets.json": `{"Subnets": [
			{"SubnetId": "subnet-a", "VpcId": "vpc-1", "AvailabilityZone": "eu-west-1a", "CidrBlock": "10.0.1.0/24"},
			{"SubnetId": "subnet-b", "VpcId": "vpc-1", "AvailabilityZone": "eu-west-1b", "CidrBlock": "10.0.2.0/24"}]}`,
		"groups.json": `{"SecurityGroups": [
			{"GroupId": "sg-default", "GroupName": "default", "VpcId": "vpc-1", "IpPermissions": [], "IpPermissionsEgress": [{"IpProtocol": "-1", "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}]},
			{"GroupId": "sg-app", "GroupName": "app", "VpcId": "vpc-1", "IpPermissions": [], "IpPermissionsEgress": [{"IpProtocol": "-1", "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}]}]}`,
		"tables.json": `{"RouteTables": [
			{"RouteTableId": "rtb-main", "VpcId": "vpc-1", "Associations": [{"Main": true, "RouteTableId": "rtb-main"}],
			 "Routes": [{"DestinationCidrBlock": "10.0.0.0/16", "GatewayId": "local", "State": "active"}]},
			{"RouteTableId": "rtb-a", "VpcId": "vpc-1", "Associations": [{"Main": false, "RouteTableId": "rtb-a", "SubnetId": "subnet-a"}],
			 "Routes": [{"DestinationCidrBlock": "10.0.0.0/16", "GatewayId": "local", "State": "active"}]}]}`,
	}
}

// with returns baseFiles with more files.
func with(extra map[string]string) map[string]string {
	files := baseFiles()
	for k, v := range extra {
		files[k] = v
	}
	return files
}

func TestBaseNetwork(t *testing.T) {
	r := importJSON(t, baseFiles())
	assertValid(t, r.Scenario)
	s := r.Scenario
	if s.Region != "eu-west-1" {
		t.Errorf("region %q, want eu-west-1 from the zones", s.Region)
	}
	v := vpcByID(t, s, "vpc-1")
	if v.Account != "111122223333" || len(s.Accounts) != 1 {
		t.Errorf("account %q, accounts %+v", v.Account, s.Accounts)
	}
	if v.EnableDNSSupport != nil || v.EnableDNSHostnames != nil {
		t.Errorf("DNS attributes set without describe-vpc-attribute output")
	}
	if !v.RouteTables[0].Main || v.RouteTables[1].Main {
		t.Errorf("main flags %v %v", v.RouteTables[0].Main, v.RouteTables[1].Main)
	}
	if v.Subnets[0].RouteTable != "rtb-a" || v.Subnets[1].RouteTable != "" {
		t.Errorf("subnet tables %q %q: want rtb-a, and the main table by default", v.Subnets[0].RouteTable, v.Subnets[1].RouteTable)
	}
	if len(v.RouteTables[0].Routes) != 0 {
		t.Errorf("the local route was kept: %+v", v.RouteTables[0].Routes)
	}
	if len(r.Unmapped) != 0 {
		t.Errorf("notes: %v", r.Unmapped)
	}
}

func TestRegionDefault(t *testing.T) {
	r := importJSON(t, map[string]string{"v.json": `{"Vpcs": [{"VpcId": "vpc-1", "OwnerId": "111122223333", "CidrBlock": "10.0.0.0/16"}]}`})
	if r.Scenario.Region != "us-east-1" {
		t.Errorf("region %q, want us-east-1", r.Scenario.Region)
	}
	for az, want := range map[string]string{"us-east-2b": "us-east-2", "us-west-2-lax-1a": "us-west-2", "us-gov-west-1c": "us-gov-west-1", "nowhere": ""} {
		if got := regionOfZone(az); got != want {
			t.Errorf("regionOfZone(%q) = %q, want %q", az, got, want)
		}
	}
}

func TestVPCAttributesAndDefaultVPC(t *testing.T) {
	r := importJSON(t, map[string]string{
		"v.json":  `{"Vpcs": [{"VpcId": "vpc-1", "OwnerId": "111122223333", "CidrBlock": "10.0.0.0/16"}, {"VpcId": "vpc-2", "OwnerId": "111122223333", "CidrBlock": "172.31.0.0/16", "IsDefault": true}]}`,
		"a1.json": `{"VpcId": "vpc-1", "EnableDnsSupport": {"Value": false}}`,
		"a2.json": `{"VpcId": "vpc-1", "EnableDnsHostnames": {"Value": false}}`,
	})
	v1, v2 := vpcByID(t, r.Scenario, "vpc-1"), vpcByID(t, r.Scenario, "vpc-2")
	if v1.DNSSupport() || v1.DNSHostnames() {
		t.Errorf("vpc-1 attributes not applied")
	}
	if !v2.DNSHostnames() {
		t.Errorf("a default VPC has DNS hostnames on")
	}
	assertValid(t, r.Scenario)
}

func TestGatewayEndpointRoutesFollowTheEndpoint(t *testing.T) {
	policy := `{\n  \"Version\": \"2008-10-17\",\n  \"Statement\": [{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"*\", \"Resource\": \"*\"}]\n}`
	r := importJSON(t, with(map[string]string{
		"tables.json": `{"RouteTables": [
			{"RouteTableId": "rtb-main", "VpcId": "vpc-1", "Associations": [{"Main": true, "RouteTableId": "rtb-main"}],
			 "Routes": [{"DestinationPrefixListId": "pl-6da54004", "GatewayId": "vpce-s3", "Origin": "CreateRoute", "State": "active"}]},
			{"RouteTableId": "rtb-a", "VpcId": "vpc-1", "Associations": [{"Main": false, "RouteTableId": "rtb-a", "SubnetId": "subnet-a"}],
			 "Routes": [{"DestinationPrefixListId": "pl-6da54004", "GatewayId": "vpce-s3", "Origin": "CreateRoute", "State": "active"}]}]}`,
		"endpoints.json": `{"VpcEndpoints": [{"VpcEndpointId": "vpce-s3", "VpcEndpointType": "Gateway", "VpcId": "vpc-1", "OwnerId": "111122223333",
			"ServiceName": "com.amazonaws.eu-west-1.s3", "State": "available", "RouteTableIds": ["rtb-main"], "SubnetIds": [], "Groups": [],
			"PrivateDnsEnabled": false, "PolicyDocument": "` + policy + `"}]}`,
	}))
	assertValid(t, r.Scenario)
	v := vpcByID(t, r.Scenario, "vpc-1")
	for _, rt := range v.RouteTables {
		if len(rt.Routes) != 0 {
			t.Errorf("%s keeps the gateway endpoint's route: %+v (GW-01)", rt.ID, rt.Routes)
		}
	}
	e := v.Endpoints[0]
	if strings.Join(e.RouteTableIDs, ",") != "rtb-main,rtb-a" {
		t.Errorf("routeTableIds %v, want rtb-main (given) and rtb-a (from its route)", e.RouteTableIDs)
	}
	if e.PrivateDNSEnabled != nil || e.State != "" || e.Account != "" {
		t.Errorf("gateway endpoint: privateDns %v, state %q, account %q", e.PrivateDNSEnabled, e.State, e.Account)
	}
	var doc map[string]any
	if err := json.Unmarshal(e.PolicyDocument, &doc); err != nil || doc["Version"] != "2008-10-17" {
		t.Errorf("policy %s: %v", e.PolicyDocument, err)
	}
	if strings.Contains(string(e.PolicyDocument), "\n") {
		t.Errorf("policy not compacted: %s", e.PolicyDocument)
	}
}

func TestInterfaceEndpointAddresses(t *testing.T) {
	r := importJSON(t, with(map[string]string{
		"endpoints.json": `{"VpcEndpoints": [{"VpcEndpointId": "vpce-sqs", "VpcEndpointType": "Interface", "VpcId": "vpc-1", "OwnerId": "111122223333",
			"ServiceName": "com.amazonaws.eu-west-1.sqs", "State": "pendingAcceptance", "SubnetIds": ["subnet-a", "subnet-zzz"], "Groups": [{"GroupId": "sg-app"}],
			"PrivateDnsEnabled": true, "IpAddressType": "ipv4", "NetworkInterfaceIds": ["eni-1"],
			"DnsOptions": {"DnsRecordIpType": "ipv4", "PrivateDnsOnlyForInboundResolverEndpoint": false},
			"Tags": [{"Key": "Name", "Value": "queue"}]},
			{"VpcEndpointId": "vpce-partner", "VpcEndpointType": "Interface", "VpcId": "vpc-1", "ServiceName": "com.amazonaws.vpce.eu-west-1.vpce-svc-0abc", "State": "available"}]}`,
		"enis.json": `{"NetworkInterfaces": [
			{"NetworkInterfaceId": "eni-1", "InterfaceType": "vpc_endpoint", "SubnetId": "subnet-a", "VpcId": "vpc-1", "PrivateIpAddress": "10.0.1.50", "RequesterManaged": true},
			{"NetworkInterfaceId": "eni-2", "InterfaceType": "lambda", "Description": "AWS Lambda VPC ENI", "SubnetId": "subnet-b", "VpcId": "vpc-1", "PrivateIpAddress": "10.0.2.9"}]}`,
	}))
	v := vpcByID(t, r.Scenario, "vpc-1")
	if len(v.Endpoints) != 1 {
		t.Fatalf("endpoints %+v", v.Endpoints)
	}
	e := v.Endpoints[0]
	if e.IPAddresses["subnet-a"] != "10.0.1.50" || len(e.SubnetIDs) != 1 || e.SecurityGroupIDs[0] != "sg-app" {
		t.Errorf("endpoint %+v", e)
	}
	if e.State != engine.StatePendingAcceptance || e.PrivateDNSEnabled == nil || !*e.PrivateDNSEnabled || e.Tags["Name"] != "queue" {
		t.Errorf("state %q, privateDns %v, tags %v", e.State, e.PrivateDNSEnabled, e.Tags)
	}
	if e.PrivateDNSOnlyForInboundResolverEndpoint != nil {
		t.Errorf("a false PrivateDnsOnlyForInboundResolverEndpoint is AWS's default and should be omitted")
	}
	assertNote(t, r, "VpcEndpoints[0].SubnetIds[1]", "subnet-zzz")
	assertNote(t, r, "VpcEndpoints[0]", "private DNS on", "DNS hostnames")
	if !v.DNSSupport() || !v.DNSHostnames() {
		t.Errorf("private DNS is on, so AWS has DNS support and hostnames on in the VPC (IF-11)")
	}
	assertNote(t, r, "VpcEndpoints[1]", "not mapped", "vpce-svc-0abc", "neither a built-in AWS service")
	assertNote(t, r, "NetworkInterfaces[1]", "not mapped", "eni-2", "lambda")
	if len(notesAbout(r, "NetworkInterfaces[0]")) != 0 {
		t.Errorf("the endpoint's interface was noted though the endpoint holds it")
	}
	assertValid(t, r.Scenario)
}

func TestSecurityGroupRules(t *testing.T) {
	r := importJSON(t, with(map[string]string{
		"groups.json": `{"SecurityGroups": [{"GroupId": "sg-web", "GroupName": "web", "VpcId": "vpc-1",
			"IpPermissions": [
				{"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "IpRanges": [{"CidrIp": "10.0.0.0/16"}, {"CidrIp": "192.168.0.0/16"}],
				 "Ipv6Ranges": [{"CidrIpv6": "::/0"}], "PrefixListIds": [{"PrefixListId": "pl-6da54004"}], "UserIdGroupPairs": [{"GroupId": "sg-web", "UserId": "111122223333"}, {"GroupId": "sg-elsewhere", "UserId": "999999999999"}]},
				{"IpProtocol": "6", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": "10.0.0.0/8"}]},
				{"IpProtocol": "icmp", "FromPort": -1, "ToPort": -1, "IpRanges": [{"CidrIp": "10.0.0.0/8"}]},
				{"IpProtocol": "50", "IpRanges": [{"CidrIp": "10.0.0.0/8"}]},
				{"IpProtocol": "udp", "FromPort": -1, "ToPort": -1, "IpRanges": [{"CidrIp": "10.0.0.0/8"}]}],
			"IpPermissionsEgress": []}]}`,
	}))
	g := vpcByID(t, r.Scenario, "vpc-1").SecurityGroups[0]
	got := []string{}
	for _, rule := range g.Ingress {
		b, _ := json.Marshal(rule)
		got = append(got, string(b))
	}
	want := []string{
		`{"ipProtocol":"tcp","fromPort":443,"toPort":443,"cidrIp":"10.0.0.0/16"}`,
		`{"ipProtocol":"tcp","fromPort":443,"toPort":443,"cidrIp":"192.168.0.0/16"}`,
		`{"ipProtocol":"tcp","fromPort":443,"toPort":443,"cidrIpv6":"::/0"}`,
		`{"ipProtocol":"tcp","fromPort":443,"toPort":443,"prefixListId":"pl-6da54004"}`,
		`{"ipProtocol":"tcp","fromPort":443,"toPort":443,"groupId":"sg-web"}`,
		`{"ipProtocol":"tcp","fromPort":22,"toPort":22,"cidrIp":"10.0.0.0/8"}`,
		`{"ipProtocol":"icmp","fromPort":-1,"toPort":-1,"cidrIp":"10.0.0.0/8"}`,
		`{"ipProtocol":"udp","fromPort":0,"toPort":65535,"cidrIp":"10.0.0.0/8"}`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("ingress:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if g.Egress == nil || len(g.Egress) != 0 {
		t.Errorf("egress %v: want an empty, non-nil list (AWS's group denies all outbound)", g.Egress)
	}
	assertNote(t, r, "SecurityGroups[0].IpPermissions[0].UserIdGroupPairs[1]", "sg-elsewhere")
	assertNote(t, r, "SecurityGroups[0].IpPermissions[3]", "protocol \"50\"")
	assertNote(t, r, "SecurityGroups[0].IpPermissionsEgress", "no egress rules")
}

func TestNetworkACLEntries(t *testing.T) {
	r := importJSON(t, with(map[string]string{
		"acls.json": `{"NetworkAcls": [{"NetworkAclId": "acl-1", "VpcId": "vpc-1", "IsDefault": false,
			"Associations": [{"NetworkAclId": "acl-1", "SubnetId": "subnet-b"}, {"NetworkAclId": "acl-1", "SubnetId": "subnet-gone"}],
			"Entries": [
				{"RuleNumber": 100, "Egress": false, "Protocol": "6", "RuleAction": "allow", "CidrBlock": "10.0.0.0/16", "PortRange": {"From": 443, "To": 443}},
				{"RuleNumber": 110, "Egress": false, "Protocol": "1", "RuleAction": "allow", "CidrBlock": "10.0.0.0/16", "IcmpTypeCode": {"Type": 8, "Code": -1}},
				{"RuleNumber": 120, "Egress": false, "Protocol": "17", "RuleAction": "deny", "Ipv6CidrBlock": "::/0", "PortRange": {"From": 53, "To": 53}},
				{"RuleNumber": 130, "Egress": false, "Protocol": "58", "RuleAction": "allow", "Ipv6CidrBlock": "::/0"},
				{"RuleNumber": 100, "Egress": true, "Protocol": "-1", "RuleAction": "allow", "CidrBlock": "0.0.0.0/0"},
				{"RuleNumber": 32767, "Egress": true, "Protocol": "-1", "RuleAction": "deny", "CidrBlock": "0.0.0.0/0"},
				{"RuleNumber": 32768, "Egress": false, "Protocol": "-1", "RuleAction": "deny", "Ipv6CidrBlock": "::/0"}]}]}`,
	}))
	v := vpcByID(t, r.Scenario, "vpc-1")
	a := v.NetworkACLs[0]
	var got []string
	for _, e := range a.Entries {
		b, _ := json.Marshal(e)
		got = append(got, string(b))
	}
	want := []string{
		`{"ruleNumber":100,"egress":false,"ipProtocol":"tcp","cidrBlock":"10.0.0.0/16","fromPort":443,"toPort":443,"ruleAction":"allow"}`,
		`{"ruleNumber":110,"egress":false,"ipProtocol":"icmp","cidrBlock":"10.0.0.0/16","fromPort":8,"toPort":-1,"ruleAction":"allow"}`,
		`{"ruleNumber":120,"egress":false,"ipProtocol":"udp","cidrBlock":"::/0","fromPort":53,"toPort":53,"ruleAction":"deny"}`,
		`{"ruleNumber":100,"egress":true,"ipProtocol":"-1","cidrBlock":"0.0.0.0/0","ruleAction":"allow"}`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("entries:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if v.Subnets[1].NetworkACL != "acl-1" || v.Subnets[0].NetworkACL != "" {
		t.Errorf("subnet ACLs %q %q", v.Subnets[0].NetworkACL, v.Subnets[1].NetworkACL)
	}
	assertNote(t, r, "NetworkAcls[0].Entries[3]", "protocol \"58\"")
	assertNote(t, r, "NetworkAcls[0].Associations[1]", "subnet-gone")
	if n := len(notesAbout(r, "NetworkAcls[0].Entries[5]")) + len(notesAbout(r, "NetworkAcls[0].Entries[6]")); n != 0 {
		t.Errorf("AWS's implied final deny was noted")
	}
}
