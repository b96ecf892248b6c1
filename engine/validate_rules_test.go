package engine

import (
	"encoding/json"
	"fmt"
	"testing"
)

// Indexes into the fixture testdata/valid-full.json.
const (
	fxS3Gateway  = 0 // vpcs[0].endpoints: vpce-a-s3gw
	fxDDBGateway = 1 // vpce-a-ddbgw
	fxS3If       = 2 // vpce-a-s3if
	fxSQS        = 3 // vpce-a-sqs
	fxPartner    = 4 // vpce-a-partner
	fxGWLB       = 5 // vpce-a-gwlb
)

// valAddEndpoint appends an endpoint given as JSON to VPC number i.
func valAddEndpoint(t *testing.T, s *Scenario, i int, js string) {
	t.Helper()
	s.VPCs[i].Endpoints = append(s.VPCs[i].Endpoints, valJSON[VPCEndpoint](t, js))
}

func TestRule_VAL01_References(t *testing.T) {
	runValCases(t, []valCase{
		{"VAL-01", "fixture is valid", func(*testing.T, *Scenario) {}, nil},
		{"VAL-01", "unknown route table", func(_ *testing.T, s *Scenario) { s.VPCs[0].Subnets[0].RouteTable = "rtb-nope" },
			[]valWant{{"VAL-01", "vpcs[0].subnets[0].routeTable"}}},
		{"VAL-01", "route table of another VPC", func(_ *testing.T, s *Scenario) { s.VPCs[0].Subnets[1].RouteTable = "rtb-b" },
			[]valWant{{"VAL-01", "vpcs[0].subnets[1].routeTable"}}},
		{"VAL-01", "reference of the wrong kind", func(_ *testing.T, s *Scenario) { s.VPCs[0].Subnets[1].NetworkACL = "sg-a-app" },
			[]valWant{{"VAL-01", "vpcs[0].subnets[1].networkAcl"}}},
		{"VAL-01", "duplicate ID", func(_ *testing.T, s *Scenario) {
			s.VPCs[1].NATGateways = []NATGateway{{ID: "i-a1", Subnet: "subnet-b1"}}
		}, []valWant{{"VAL-01", "vpcs[1].natGateways[0].id"}}},
		{"VAL-01", "security group rule names an unknown group", func(_ *testing.T, s *Scenario) {
			s.VPCs[0].SecurityGroups[0].Ingress[0].GroupID = "sg-nope"
		}, []valWant{{"VAL-01", "vpcs[0].securityGroups[0].ingress[0].groupId"}}},
		{"VAL-01", "group of an unpeered VPC", func(_ *testing.T, s *Scenario) {
			s.VPCs[1].SecurityGroups[0].Ingress[0] = SGRule{IPProtocol: "-1", GroupID: "sg-a-app"}
			s.Peerings = nil
			s.VPCs[0].RouteTables[1].Routes = s.VPCs[0].RouteTables[1].Routes[:2]
			s.VPCs[1].RouteTables[0].Routes = nil
			s.VPCs[0].SecurityGroups[2].Ingress = s.VPCs[0].SecurityGroups[2].Ingress[:1]
		}, []valWant{{"VAL-01", "vpcs[1].securityGroups[0].ingress[0].groupId"}}},
		{"VAL-01", "unknown route target", func(_ *testing.T, s *Scenario) { s.VPCs[0].RouteTables[1].Routes[0].Target = "nat-nope" },
			[]valWant{{"VAL-01", "vpcs[0].routeTables[1].routes[0].target"}}},
		{"VAL-01", "route to a transit gateway not attached", func(_ *testing.T, s *Scenario) {
			s.VPCs[1].RouteTables[0].Routes = append(s.VPCs[1].RouteTables[0].Routes, Route{DestinationCIDRBlock: "172.16.0.0/12", Target: "tgw-1"})
		}, []valWant{{"VAL-01", "vpcs[1].routeTables[0].routes[1].target"}}},
		{"VAL-01", "unknown AWS service", func(_ *testing.T, s *Scenario) {
			s.VPCs[0].Endpoints[fxSQS].ServiceName = "com.amazonaws.us-east-1.nosuch"
		}, []valWant{{"VAL-01", "vpcs[0].endpoints[3].serviceName"}}},
		{"VAL-01", "unknown endpoint service", func(_ *testing.T, s *Scenario) {
			s.VPCs[0].Endpoints[fxPartner].ServiceName = "com.amazonaws.vpce.us-east-1.vpce-svc-0missing"
		}, []valWant{{"VAL-01", "vpcs[0].endpoints[4].serviceName"}}},
		{"VAL-01", "unknown account", func(_ *testing.T, s *Scenario) { s.VPCs[1].Account = "999999999999" },
			[]valWant{{"VAL-01", "vpcs[1].account"}}},
		{"VAL-01", "trace from nowhere", func(_ *testing.T, s *Scenario) { s.Traces[0].From = "i-nope" },
			[]valWant{{"VAL-01", "traces[0].from"}}},
		{"VAL-01", "alias to a gateway endpoint", func(_ *testing.T, s *Scenario) {
			s.HostedZones[0].Records[3].AliasTarget = "vpce-a-s3gw"
		}, []valWant{{"VAL-01", "hostedZones[0].records[3].aliasTarget"}}},
		{"VAL-01", "Resolver endpoint subnet of another VPC", func(_ *testing.T, s *Scenario) {
			s.ResolverEndpoints[1].Subnets[0] = "subnet-b1"
		}, []valWant{{"VAL-01", "resolverEndpoints[1].subnets[0]"}}},
		{"VAL-01", "forwarding rule through an inbound endpoint", func(_ *testing.T, s *Scenario) {
			s.ResolverRules[0].ResolverEndpoint = "rslvr-in"
		}, []valWant{{"VAL-01", "resolverRules[0].resolverEndpoint"}}},
		{"VAL-01", "target instance of another VPC", func(_ *testing.T, s *Scenario) { s.LoadBalancers[0].Targets[0].Instance = "i-a1" },
			[]valWant{{"VAL-01", "loadBalancers[0].targets[0].instance"}}},
		{"VAL-01", "VPN to a VPC without a virtual private gateway", func(_ *testing.T, s *Scenario) {
			s.Networks[0].Connection.VPC = "vpc-b"
		}, []valWant{{"VAL-01", "networks[0].connection.vpc"}}},
		{"VAL-01", "transit gateway route to an unknown attachment", func(_ *testing.T, s *Scenario) {
			s.TransitGateways[0].Routes[0].Attachment = "tgw-attach-nope"
		}, []valWant{{"VAL-01", "transitGateways[0].routes[0].attachment"}}},
		{"VAL-01", "notification to an unknown topic", func(_ *testing.T, s *Scenario) {
			s.ConnectionNotifications[0].Topic = "arn:aws:sns:us-east-1:444455556666:nope"
		}, []valWant{{"VAL-01", "connectionNotifications[0].topic"}}},
		{"VAL-01", "topic with an unknown key", func(_ *testing.T, s *Scenario) { s.SNSTopics[0].KMSKey = "arn:aws:kms:us-east-1:1:key/x" },
			[]valWant{{"VAL-01", "snsTopics[0].kmsKey"}}},
		{"VAL-01", "duplicate bucket", func(_ *testing.T, s *Scenario) { s.Buckets[1].Name = "corp-data" },
			[]valWant{{"VAL-01", "buckets[1].name"}}},
		{"VAL-01", "two main route tables", func(_ *testing.T, s *Scenario) { s.VPCs[0].RouteTables[1].Main = true },
			[]valWant{{"VAL-01", "vpcs[0].routeTables[1].main"}}},
	})
}

func TestRule_VAL02_Addresses(t *testing.T) {
	addSubnet := func(cidr string) func(*testing.T, *Scenario) {
		return func(_ *testing.T, s *Scenario) {
			s.VPCs[0].Subnets = append(s.VPCs[0].Subnets, Subnet{ID: "subnet-x", AvailabilityZone: "us-east-1d", CIDRBlock: cidr})
		}
	}
	setIP := func(ip string) func(*testing.T, *Scenario) {
		return func(_ *testing.T, s *Scenario) { s.VPCs[0].Instances[1].PrivateIPAddress = ip }
	}
	runValCases(t, []valCase{
		{"VAL-02", "subnet inside the VPC", addSubnet("10.0.9.0/24"), nil},
		{"VAL-02", "subnet outside the VPC", addSubnet("10.9.0.0/24"), []valWant{{"VAL-02", "vpcs[0].subnets[4].cidrBlock"}}},
		{"VAL-02", "overlapping subnets", addSubnet("10.0.1.128/25"), []valWant{{"VAL-02", "vpcs[0].subnets[4].cidrBlock"}}},
		{"VAL-02", "malformed CIDR", addSubnet("10.0.300.0/24"), []valWant{{"VAL-02", "vpcs[0].subnets[4].cidrBlock"}}},
		{"VAL-02", "host bits set", addSubnet("10.0.9.1/24"), []valWant{{"VAL-02", "vpcs[0].subnets[4].cidrBlock"}}},
		{"VAL-02", "subnet too small", addSubnet("10.0.9.0/29"), []valWant{{"VAL-02", "vpcs[0].subnets[4].cidrBlock"}}},
		{"VAL-02", "first usable address", setIP("10.0.2.4"), nil},
		{"VAL-02", "instance outside its subnet", setIP("10.0.1.50"), []valWant{{"VAL-02", "vpcs[0].instances[1].privateIpAddress"}}},
		{"VAL-02", "network address", setIP("10.0.2.0"), []valWant{{"VAL-02", "vpcs[0].instances[1].privateIpAddress"}}},
		{"VAL-02", "DNS address", setIP("10.0.2.2"), []valWant{{"VAL-02", "vpcs[0].instances[1].privateIpAddress"}}},
		{"VAL-02", "reserved for future use", setIP("10.0.2.3"), []valWant{{"VAL-02", "vpcs[0].instances[1].privateIpAddress"}}},
		{"VAL-02", "broadcast address", setIP("10.0.2.255"), []valWant{{"VAL-02", "vpcs[0].instances[1].privateIpAddress"}}},
		{"VAL-02", "not an IPv4 address", setIP("10.0.2"), []valWant{{"VAL-02", "vpcs[0].instances[1].privateIpAddress"}}},
		{"VAL-02", "address used twice", func(_ *testing.T, s *Scenario) {
			s.VPCs[0].Instances = append(s.VPCs[0].Instances, Instance{ID: "i-x", Subnet: "subnet-a2", PrivateIPAddress: "10.0.2.10", SecurityGroups: []string{"sg-a-app"}})
		}, []valWant{{"VAL-02", "vpcs[0].instances[3].privateIpAddress"}}},
		{"VAL-02", "IPv6 address outside the subnet", func(_ *testing.T, s *Scenario) {
			s.VPCs[0].Instances[0].IPv6Address = "2600:1f18:1:102::10"
		}, []valWant{{"VAL-02", "vpcs[0].instances[0].ipv6Address"}}},
		{"VAL-02", "Resolver endpoint IP outside its subnets", func(_ *testing.T, s *Scenario) {
			s.ResolverEndpoints[0].IPAddresses[0] = "10.0.0.53"
		}, []valWant{{"VAL-02", "resolverEndpoints[0].ipAddresses[0]"}}},
		{"VAL-02", "account ID of 12 digits", func(_ *testing.T, s *Scenario) {
			s.Accounts = append(s.Accounts, Account{ID: "999988887777"})
		}, nil},
		{"VAL-02", "account ID not of 12 digits", func(_ *testing.T, s *Scenario) {
			s.Accounts = append(s.Accounts, Account{ID: "12345"})
		}, []valWant{{"VAL-02", "accounts[2].id"}}},
		{"VAL-02", "on-premises host outside its network", func(_ *testing.T, s *Scenario) {
			s.Networks[0].Hosts[0].IPAddress = "10.200.0.1"
		}, []valWant{{"VAL-02", "networks[0].hosts[0].ipAddress"}}},
		{"VAL-02", "peered VPCs overlap", func(_ *testing.T, s *Scenario) {
			s.VPCs[1].CIDRBlocks = []string{"10.0.0.0/16"}
			for j := range s.VPCs[1].Subnets {
				s.VPCs[1].Subnets[j].CIDRBlock = []string{"10.0.1.0/24", "10.0.2.0/24"}[j]
			}
			s.VPCs[1].Instances[0].PrivateIPAddress = "10.0.1.40"
			s.VPCs[1].Instances[1].PrivateIPAddress = "10.0.2.40"
			s.VPCs[1].SecurityGroups[0].Ingress[0].CIDRIP = "10.0.0.0/16"
			s.VPCs[1].RouteTables[0].Routes = nil
			s.VPCs[0].RouteTables[1].Routes = s.VPCs[0].RouteTables[1].Routes[:2]
		}, []valWant{{"VAL-02", "peerings[0].accepterVpc"}}},
	})
}

func TestRule_VAL03_EndpointTypes(t *testing.T) {
	runValCases(t, []valCase{
		{"VAL-03", "DynamoDB interface endpoint", func(t *testing.T, s *Scenario) {
			valAddEndpoint(t, s, 0, `{"id":"vpce-x","vpcEndpointType":"Interface","serviceName":"com.amazonaws.us-east-1.dynamodb","subnetIds":["subnet-a1"]}`)
		}, nil},
		{"VAL-03", "SQS gateway endpoint", func(t *testing.T, s *Scenario) {
			valAddEndpoint(t, s, 0, `{"id":"vpce-x","vpcEndpointType":"Gateway","serviceName":"com.amazonaws.us-east-1.sqs","routeTableIds":["rtb-a-public"]}`)
		}, []valWant{{"VAL-03", "vpcs[0].endpoints[6].vpcEndpointType"}}},
		{"VAL-03", "GWLB endpoint to an NLB service", func(t *testing.T, s *Scenario) {
			valAddEndpoint(t, s, 0, `{"id":"vpce-x","vpcEndpointType":"GatewayLoadBalancer","serviceName":"com.amazonaws.vpce.us-east-1.vpce-svc-0api","subnetIds":["subnet-a1"]}`)
		}, []valWant{{"VAL-03", "vpcs[0].endpoints[6].vpcEndpointType"}}},
		{"VAL-03", "interface endpoint to a GWLB service", func(_ *testing.T, s *Scenario) {
			s.VPCs[0].Endpoints[fxGWLB].VPCEndpointType = EndpointInterface
		}, []valWant{{"VAL-01", "vpcs[0].routeTables[2].routes[0].target"}, {"VAL-03", "vpcs[0].endpoints[5].vpcEndpointType"}}},
	})
}

func TestRule_DNS01_IF11_PrivateDNSAttributes(t *testing.T) {
	vpcB := func(js string) func(*testing.T, *Scenario) {
		return func(t *testing.T, s *Scenario) { valAddEndpoint(t, s, 1, js) }
	}
	runValCases(t, []valCase{
		{"DNS-01", "hostnames with support", func(_ *testing.T, s *Scenario) { s.VPCs[1].EnableDNSHostnames = new(true) }, nil},
		{"DNS-01", "hostnames without support", func(_ *testing.T, s *Scenario) {
			s.VPCs[1].EnableDNSSupport = new(false)
			s.VPCs[1].EnableDNSHostnames = new(true)
		}, []valWant{{"DNS-01", "vpcs[1].enableDnsHostnames"}}},
		{"IF-11", "private DNS off", vpcB(`{"id":"vpce-x","vpcEndpointType":"Interface","serviceName":"com.amazonaws.us-east-1.sqs","subnetIds":["subnet-b1"],"privateDnsEnabled":false}`), nil},
		{"IF-11", "private DNS on without hostnames", vpcB(`{"id":"vpce-x","vpcEndpointType":"Interface","serviceName":"com.amazonaws.us-east-1.sqs","subnetIds":["subnet-b1"],"privateDnsEnabled":true}`),
			[]valWant{{"IF-11", "vpcs[1].endpoints[0].privateDnsEnabled"}}},
		{"IF-11", "private DNS on by default", vpcB(`{"id":"vpce-x","vpcEndpointType":"Interface","serviceName":"com.amazonaws.us-east-1.sqs","subnetIds":["subnet-b1"]}`),
			[]valWant{{"IF-11", "vpcs[1].endpoints[0]"}}},
	})
}

func TestRule_IF01_IF02_InterfaceSubnets(t *testing.T) {
	runValCases(t, []valCase{
		{"IF-01", "one subnet per AZ", func(*testing.T, *Scenario) {}, nil},
		{"IF-01", "two subnets in one AZ", func(_ *testing.T, s *Scenario) {
			s.VPCs[0].Endpoints[fxSQS].SubnetIDs = []string{"subnet-a1", "subnet-a-public"}
		}, []valWant{{"IF-01", "vpcs[0].endpoints[3].subnetIds[1]"}}},
		{"IF-01", "designated IP outside its subnet", func(_ *testing.T, s *Scenario) {
			s.VPCs[0].Endpoints[fxSQS].IPAddresses["subnet-a1"] = "10.0.2.100"
		}, []valWant{{"IF-01", "vpcs[0].endpoints[3].ipAddresses.subnet-a1"}}},
		{"IF-01", "designated IP already used", func(_ *testing.T, s *Scenario) {
			s.VPCs[0].Endpoints[fxSQS].IPAddresses["subnet-a1"] = "10.0.1.10"
		}, []valWant{{"IF-01", "vpcs[0].endpoints[3].ipAddresses.subnet-a1"}}},
		{"IF-01", "designated IP for a subnet not chosen", func(_ *testing.T, s *Scenario) {
			s.VPCs[0].Endpoints[fxSQS].IPAddresses["subnet-a-public"] = "10.0.0.100"
		}, []valWant{{"IF-01", "vpcs[0].endpoints[3].ipAddresses.subnet-a-public"}}},
		{"IF-02", "dualstack in dual-stack subnets", func(_ *testing.T, s *Scenario) {
			e := &s.VPCs[0].Endpoints[fxSQS]
			e.SubnetIDs, e.IPAddressType = []string{"subnet-a1"}, "dualstack"
			delete(e.IPAddresses, "subnet-a2")
		}, nil},
		{"IF-02", "dualstack in an IPv4-only subnet", func(_ *testing.T, s *Scenario) {
			s.VPCs[0].Endpoints[fxSQS].IPAddressType = "dualstack"
		}, []valWant{{"IF-02", "vpcs[0].endpoints[3].ipAddressType"}}},
		{"IF-02", "ipv6 service not supporting it", func(_ *testing.T, s *Scenario) {
			e := &s.VPCs[0].Endpoints[fxPartner]
			e.SubnetIDs, e.IPAddressType = []string{"subnet-a-v6"}, "ipv6"
		}, []valWant{{"IF-02", "vpcs[0].endpoints[4].ipAddressType"}}},
		{"IF-02", "ipv6 service supporting it", func(_ *testing.T, s *Scenario) {
			e := &s.VPCs[0].Endpoints[fxPartner]
			e.SubnetIDs, e.IPAddressType = []string{"subnet-a-v6"}, "ipv6"
			s.EndpointServices[0].SupportedIPAddressTypes = []string{"ipv4", "ipv6"}
		}, nil},
	})
}

func TestRule_IF12_PrivateDNSConflict(t *testing.T) {
	zone := `{"id":"Z0SQS","name":"us-east-1.amazonaws.com","private":true,"vpcs":["%s"],"records":[{"name":"sqs.us-east-1.amazonaws.com","type":"A","values":["10.0.1.99"]}]}`
	addZone := func(vpc string) func(*testing.T, *Scenario) {
		return func(t *testing.T, s *Scenario) {
			s.HostedZones = append(s.HostedZones, valJSON[HostedZone](t, fmt.Sprintf(zone, vpc)))
		}
	}
	runValCases(t, []valCase{
		{"IF-12", "zone in another VPC", addZone("vpc-b"), nil},
		{"IF-12", "zone holding the name", addZone("vpc-a"), []valWant{{"IF-12", "vpcs[0].endpoints[3]"}}},
		{"IF-12", "second endpoint with private DNS", func(t *testing.T, s *Scenario) {
			valAddEndpoint(t, s, 0, `{"id":"vpce-x","vpcEndpointType":"Interface","serviceName":"com.amazonaws.us-east-1.sqs","subnetIds":["subnet-a1"],"privateDnsEnabled":true}`)
		}, []valWant{{"IF-12", "vpcs[0].endpoints[6].privateDnsEnabled"}}},
		{"IF-12", "second endpoint without private DNS", func(t *testing.T, s *Scenario) {
			valAddEndpoint(t, s, 0, `{"id":"vpce-x","vpcEndpointType":"Interface","serviceName":"com.amazonaws.us-east-1.sqs","subnetIds":["subnet-a1"],"privateDnsEnabled":false}`)
		}, nil},
	})
}

func TestRule_GW05_GW07_GW12_GatewayEndpoints(t *testing.T) {
	secondS3 := func(table string) func(*testing.T, *Scenario) {
		return func(t *testing.T, s *Scenario) {
			valAddEndpoint(t, s, 0, `{"id":"vpce-x","vpcEndpointType":"Gateway","serviceName":"com.amazonaws.us-east-1.s3","routeTableIds":["`+table+`"]}`)
		}
	}
	quota := func(perRegion, perVPC *int) func(*testing.T, *Scenario) {
		return func(_ *testing.T, s *Scenario) {
			s.Quotas = &Quotas{GatewayEndpointsPerRegion: perRegion, GatewayEndpointsPerVPC: perVPC}
		}
	}
	runValCases(t, []valCase{
		{"GW-05", "second S3 endpoint on another table", secondS3("rtb-a-public"), nil},
		{"GW-05", "second S3 endpoint on the same table", secondS3("rtb-a-private"), []valWant{{"GW-05", "vpcs[0].endpoints[6].routeTableIds[0]"}}},
		{"GW-07", "S3 gateway endpoint dualstack", func(_ *testing.T, s *Scenario) { s.VPCs[0].Endpoints[fxS3Gateway].IPAddressType = "dualstack" }, nil},
		{"GW-07", "DynamoDB gateway endpoint dualstack", func(_ *testing.T, s *Scenario) { s.VPCs[0].Endpoints[fxDDBGateway].IPAddressType = "dualstack" },
			[]valWant{{"GW-07", "vpcs[0].endpoints[1].ipAddressType"}}},
		{"GW-07", "DynamoDB gateway endpoint ipv6", func(_ *testing.T, s *Scenario) { s.VPCs[0].Endpoints[fxDDBGateway].IPAddressType = "ipv6" },
			[]valWant{{"GW-07", "vpcs[0].endpoints[1].ipAddressType"}}},
		{"GW-12", "within the Region quota", quota(new(2), nil), nil},
		{"GW-12", "over the Region quota", quota(new(1), nil), []valWant{{"GW-12", "vpcs[0].endpoints[1]"}}},
		{"GW-12", "over the VPC quota", quota(nil, new(1)), []valWant{{"GW-12", "vpcs[0].endpoints[1]"}}},
		{"GW-12", "default quota of 20 per Region", func(t *testing.T, s *Scenario) {
			s.Quotas = nil
			for k := range 19 {
				valAddEndpoint(t, s, 0, `{"id":"vpce-q`+string(rune('a'+k))+`","vpcEndpointType":"Gateway","serviceName":"com.amazonaws.us-east-1.s3"}`)
			}
		}, []valWant{{"GW-12", "vpcs[0].endpoints[24]"}}},
	})
}

func TestRule_DNS08_InboundOnly(t *testing.T) {
	runValCases(t, []valCase{
		{"DNS-08", "with an S3 gateway endpoint", func(*testing.T, *Scenario) {}, nil},
		{"DNS-08", "without an S3 gateway endpoint", func(_ *testing.T, s *Scenario) {
			s.VPCs[0].Endpoints = s.VPCs[0].Endpoints[1:]
		}, []valWant{{"DNS-08", "vpcs[0].endpoints[1].privateDnsOnlyForInboundResolverEndpoint"}}},
		{"DNS-08", "on an SQS endpoint", func(_ *testing.T, s *Scenario) {
			s.VPCs[0].Endpoints[fxSQS].PrivateDNSOnlyForInboundResolverEndpoint = new(true)
		}, []valWant{{"DNS-08", "vpcs[0].endpoints[3].privateDnsOnlyForInboundResolverEndpoint"}}},
		{"DNS-08", "without private DNS", func(_ *testing.T, s *Scenario) {
			s.VPCs[0].Endpoints[fxS3If].PrivateDNSEnabled = new(false)
		}, []valWant{{"DNS-08", "vpcs[0].endpoints[2].privateDnsOnlyForInboundResolverEndpoint"}}},
	})
}

func TestRule_GW01_NET01_Routes(t *testing.T) {
	setRoute := func(r Route) func(*testing.T, *Scenario) {
		return func(_ *testing.T, s *Scenario) { s.VPCs[0].RouteTables[1].Routes[0] = r }
	}
	runValCases(t, []valCase{
		{"GW-01", "route to a GWLB endpoint", func(*testing.T, *Scenario) {}, nil},
		{"GW-01", "route to a gateway endpoint", setRoute(Route{DestinationCIDRBlock: "52.216.0.0/15", Target: "vpce-a-s3gw"}),
			[]valWant{{"GW-01", "vpcs[0].routeTables[1].routes[0].target"}}},
		{"GW-01", "prefix-list route to a gateway endpoint", setRoute(Route{DestinationPrefixListID: "pl-63a5400a", Target: "vpce-a-s3gw"}),
			[]valWant{{"GW-01", "vpcs[0].routeTables[1].routes[0].target"}}},
		{"NET-01", "route outside the local CIDRs", setRoute(Route{DestinationCIDRBlock: "10.2.0.0/16", Target: "nat-a"}), nil},
		{"NET-01", "route more specific than local", setRoute(Route{DestinationCIDRBlock: "10.0.5.0/24", Target: "nat-a"}),
			[]valWant{{"NET-01", "vpcs[0].routeTables[1].routes[0].destinationCidrBlock"}}},
		{"NET-01", "route equal to local", setRoute(Route{DestinationCIDRBlock: "10.0.0.0/16", Target: "nat-a"}),
			[]valWant{{"NET-01", "vpcs[0].routeTables[1].routes[0].destinationCidrBlock"}}},
		{"NET-01", "IPv6 route inside the local CIDR", setRoute(Route{DestinationIPv6CIDRBlock: "2600:1f18:1:100::/64", Target: "igw-a"}),
			[]valWant{{"NET-01", "vpcs[0].routeTables[1].routes[0].destinationIpv6CidrBlock"}}},
		{"VAL-04", "route with two destinations", setRoute(Route{DestinationCIDRBlock: "10.2.0.0/16", DestinationPrefixListID: "pl-1", Target: "nat-a"}),
			[]valWant{{"VAL-04", "vpcs[0].routeTables[1].routes[0]"}}},
	})
}

func TestRule_GWLB03_IF05_POL06_SVC02_SVC09_NTF01(t *testing.T) {
	policy := func(i int, js string) func(*testing.T, *Scenario) {
		return func(_ *testing.T, s *Scenario) { s.VPCs[0].Endpoints[i].PolicyDocument = json.RawMessage(js) }
	}
	runValCases(t, []valCase{
		{"GWLB-03", "one subnet", func(*testing.T, *Scenario) {}, nil},
		{"GWLB-03", "two subnets", func(_ *testing.T, s *Scenario) {
			s.VPCs[0].Endpoints[fxGWLB].SubnetIDs = []string{"subnet-a2", "subnet-a1"}
		},
			[]valWant{{"GWLB-03", "vpcs[0].endpoints[5].subnetIds"}}},
		{"IF-05", "gateway policy with Principal AWS *", policy(fxS3Gateway, `{"Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"*","Resource":"*"}]}`), nil},
		{"IF-05", "gateway policy naming an account", policy(fxS3Gateway, `{"Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"*","Resource":"*"}]}`),
			[]valWant{{"IF-05", "vpcs[0].endpoints[0].policyDocument.Statement[0].Principal"}}},
		{"POL-06", "statements with Principal or NotPrincipal", policy(fxSQS, `{"Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"},{"Effect":"Deny","NotPrincipal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"*","Resource":"*"}]}`), nil},
		{"POL-06", "statement without Principal", policy(fxSQS, `{"Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}`),
			[]valWant{{"POL-06", "vpcs[0].endpoints[3].policyDocument.Statement"}}},
		{"POL-06", "second statement without Principal", policy(fxSQS, `{"Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"},{"Effect":"Deny","Action":"*","Resource":"*"}]}`),
			[]valWant{{"POL-06", "vpcs[0].endpoints[3].policyDocument.Statement[1]"}}},
		{"SVC-02", "endpoint service named com.amazonaws.vpce.REGION.vpce-svc-ID", func(*testing.T, *Scenario) {}, nil},
		{"SVC-02", "endpoint service name without vpce-svc-", func(_ *testing.T, s *Scenario) {
			s.VPCs[0].Endpoints[fxPartner].ServiceName = "com.amazonaws.vpce.us-east-1.svc-0api"
		}, []valWant{{"SVC-02", "vpcs[0].endpoints[4].serviceName"}}},
		{"SVC-02", "endpoint service ID without vpce-svc-", func(_ *testing.T, s *Scenario) {
			s.EndpointServices = append(s.EndpointServices, EndpointService{ID: "svc-0bad", Account: "444455556666", LoadBalancers: []string{"nlb-api"}})
		}, []valWant{{"SVC-02", "endpointServices[2].id"}}},
		{"SVC-09", "cross-Region interface endpoint naming serviceRegion", func(_ *testing.T, s *Scenario) {
			s.VPCs[0].Endpoints[fxSQS].ServiceName = "com.amazonaws.us-west-2.sqs"
			s.VPCs[0].Endpoints[fxSQS].ServiceRegion = "us-west-2"
		}, nil},
		{"SVC-09", "service in another Region", func(_ *testing.T, s *Scenario) {
			s.VPCs[0].Endpoints[fxSQS].ServiceName = "com.amazonaws.us-west-2.sqs"
		}, []valWant{{"SVC-09", "vpcs[0].endpoints[3].serviceName"}}},
		{"NTF-01", "notification of an interface endpoint", func(*testing.T, *Scenario) {}, nil},
		{"NTF-01", "notification of a gateway endpoint", func(_ *testing.T, s *Scenario) {
			s.ConnectionNotifications[1].Endpoint = "vpce-a-s3gw"
		}, []valWant{{"NTF-01", "connectionNotifications[1].endpoint"}}},
	})
}

func TestRule_VAL04_StructureInValidate(t *testing.T) {
	runValCases(t, []valCase{
		{"VAL-04", "unknown endpoint type", func(_ *testing.T, s *Scenario) { s.VPCs[0].Endpoints[fxSQS].VPCEndpointType = "Magic" },
			[]valWant{{"VAL-04", "vpcs[0].endpoints[3].vpcEndpointType"}}},
		{"VAL-04", "port range upside down", func(_ *testing.T, s *Scenario) { s.VPCs[0].SecurityGroups[1].Ingress[0].FromPort = new(23) },
			[]valWant{{"VAL-04", "vpcs[0].securityGroups[1].ingress[0].fromPort"}}},
		{"VAL-04", "security group rule with two sources", func(_ *testing.T, s *Scenario) { s.VPCs[0].SecurityGroups[1].Ingress[0].GroupID = "sg-a-app" },
			[]valWant{{"VAL-04", "vpcs[0].securityGroups[1].ingress[0]"}}},
		{"VAL-04", "ACL rule number out of range", func(_ *testing.T, s *Scenario) { s.VPCs[0].NetworkACLs[0].Entries[0].RuleNumber = 40000 },
			[]valWant{{"VAL-04", "vpcs[0].networkAcls[0].entries[0].ruleNumber"}}},
		{"VAL-04", "gateway endpoint with subnets", func(_ *testing.T, s *Scenario) { s.VPCs[0].Endpoints[fxS3Gateway].SubnetIDs = []string{"subnet-a1"} },
			[]valWant{{"VAL-04", "vpcs[0].endpoints[0].subnetIds"}}},
		{"VAL-04", "trace protocol", func(_ *testing.T, s *Scenario) { s.Traces[0].Protocol = "sctp" },
			[]valWant{{"VAL-04", "traces[0].protocol"}}},
	})
}

func TestRule_POL05_POL06_PoliciesParsedInValidate(t *testing.T) {
	set := func(doc string, at func(*Scenario) *json.RawMessage) func(*testing.T, *Scenario) {
		return func(_ *testing.T, s *Scenario) { *at(s) = json.RawMessage(doc) }
	}
	endpoint := func(j int) func(*Scenario) *json.RawMessage {
		return func(s *Scenario) *json.RawMessage { return &s.VPCs[0].Endpoints[j].PolicyDocument }
	}
	bucket := func(s *Scenario) *json.RawMessage { return &s.Buckets[0].Policy }
	topic := func(s *Scenario) *json.RawMessage { return &s.SNSTopics[0].Policy }
	key := func(s *Scenario) *json.RawMessage { return &s.KMSKeys[0].Policy }
	identity := func(s *Scenario) *json.RawMessage { return &s.Principals[0].Policies[0] }
	const (
		noPrincipal = `{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}`
		badEffect   = `{"Statement": [{"Effect": "Perhaps", "Principal": "*", "Action": "*", "Resource": "*"}]}`
		good        = `{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"}]}`
	)
	runValCases(t, []valCase{
		{"POL-06", "endpoint policy naming a Principal", set(good, endpoint(fxSQS)), nil},
		{"POL-06", "endpoint policy without a Principal", set(noPrincipal, endpoint(fxSQS)),
			[]valWant{{"POL-06", "vpcs[0].endpoints[3].policyDocument.Statement[0]"}}},
		{"POL-05", "endpoint policy with a bad Effect is malformed, not POL-06", set(badEffect, endpoint(fxSQS)),
			[]valWant{{"POL-05", "vpcs[0].endpoints[3].policyDocument.Statement[0].Effect"}}},
		{"POL-05", "endpoint policy that is not an object", set(`[1]`, endpoint(fxSQS)),
			[]valWant{{"POL-05", "vpcs[0].endpoints[3].policyDocument"}}},
		{"POL-05", "gateway endpoint policy without a Principal is POL-06 only", set(noPrincipal, endpoint(fxS3Gateway)),
			[]valWant{{"POL-06", "vpcs[0].endpoints[0].policyDocument.Statement[0]"}}},
		{"POL-05", "bucket policy naming a Principal", set(good, bucket), nil},
		{"POL-05", "bucket policy without a Principal", set(noPrincipal, bucket),
			[]valWant{{"POL-05", "buckets[0].policy.Statement[0]"}}},
		{"POL-05", "topic policy with a bad Effect", set(badEffect, topic),
			[]valWant{{"POL-05", "snsTopics[0].policy.Statement[0].Effect"}}},
		{"POL-05", "key policy with a bad Effect", set(badEffect, key),
			[]valWant{{"POL-05", "kmsKeys[0].policy.Statement[0].Effect"}}},
		{"POL-05", "identity policy needs no Principal", set(noPrincipal, identity), nil},
		{"POL-05", "identity policy with a bad Effect", set(badEffect, identity),
			[]valWant{{"POL-05", "principals[0].policies[0].Statement[0].Effect"}}},
	})
}
