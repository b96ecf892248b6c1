package engine

import (
	"slices"
	"strings"
	"testing"
)

// s3Gateway creates an S3 gateway endpoint of the consumer on the tables.
func s3Gateway(id string, tables ...string) string {
	return `{"action": "create-vpc-endpoint", "vpcId": "vpc-consumer", "serviceName": "com.amazonaws.us-east-1.s3",
		"routeTableIds": ["` + strings.Join(tables, `", "`) + `"], "vpcEndpointId": "` + id + `"}`
}

// s3Interface creates an S3 interface endpoint of the consumer in subnet-a;
// extra is more JSON members.
func s3Interface(id, extra string) string {
	return `{"action": "create-vpc-endpoint", "vpcId": "vpc-consumer", "vpcEndpointType": "Interface", "serviceName": "com.amazonaws.us-east-1.s3",
		"subnetIds": ["subnet-a"], "vpcEndpointId": "` + id + `"` + extra + `}`
}

func TestRule_SVC06_ModifyGoesPendingKeepsTraffic(t *testing.T) {
	s := lifecycle(t)
	out, _ := apply(t, s, `[`+connect("vpce-x", "vpce-svc-open")+`, {"action": "advance-time", "seconds": 60}]`)
	wantState(t, out, "vpce-x", StateAvailable)
	out, events := apply(t, out, `[{"action": "modify-vpc-endpoint", "vpcEndpointId": "vpce-x", "addSecurityGroupIds": ["sg-extra"]}]`)
	wantRefused(t, events)
	wantState(t, out, "vpce-x", StatePending)
	if !EndpointCarriesTraffic(out, 0, 0) {
		t.Error("a modified endpoint stops carrying traffic while Pending (SVC-06)")
	}
	out, events = apply(t, out, `[{"action": "advance-time", "seconds": 60}]`)
	wantState(t, out, "vpce-x", StateAvailable)
	if st := eventsOf(events, KindState); len(st) != 1 || st[0].Rule != "SVC-06" {
		t.Errorf("state events %+v, want one SVC-06", st)
	}
	if endpoint(out, "vpce-x").Modifying {
		t.Error("Modifying stays set once Available")
	}
}

func TestRule_SVC06_ModifyKeepsPendingAcceptance(t *testing.T) {
	s := lifecycle(t)
	out, events := apply(t, s, `[`+connect("vpce-x", "vpce-svc-accept")+`,
		{"action": "modify-vpc-endpoint", "vpcEndpointId": "vpce-x", "addSecurityGroupIds": ["sg-extra"]}]`)
	wantRefused(t, events)
	wantState(t, out, "vpce-x", StatePendingAcceptance)
	if EndpointCarriesTraffic(out, 0, 0) {
		t.Error("a PendingAcceptance endpoint carries traffic after a modification")
	}
}

func TestRule_SVC07_LifecycleCarriesTraffic(t *testing.T) {
	for _, c := range []struct {
		state     string
		modifying bool
		want      bool
	}{
		{"Available", false, true}, {"Pending", true, true}, {"Pending", false, false},
		{"PendingAcceptance", false, false}, {"Rejected", false, false}, {"Expired", false, false},
		{"Failed", false, false}, {"Deleting", false, false}, {"Deleted", false, false},
	} {
		s := lifecycle(t)
		s.VPCs[0].Endpoints = []VPCEndpoint{{ID: "vpce-x", VPCEndpointType: EndpointInterface, ServiceName: "com.amazonaws.us-east-1.sqs", State: c.state, Modifying: c.modifying}}
		if got := EndpointCarriesTraffic(s, 0, 0); got != c.want {
			t.Errorf("%s (modifying %t): carries traffic %t, want %t", c.state, c.modifying, got, c.want)
		}
	}
	s := lifecycle(t)
	if EndpointCarriesTraffic(s, 5, 0) || EffectiveEndpointState(s, 0, 9) != "" || EffectiveEndpointState(nil, 0, 0) != "" {
		t.Error("out-of-range indexes must give false and \"\"")
	}
}

func TestRule_IF07_ApplySubnetsAndDesignatedIPs(t *testing.T) {
	s := lifecycle(t)
	out, events := apply(t, s, `[
		{"action": "create-vpc-endpoint", "vpcId": "vpc-consumer", "vpcEndpointType": "Interface", "serviceName": "com.amazonaws.us-east-1.sqs",
		 "subnetIds": ["subnet-a"], "vpcEndpointId": "vpce-sqs", "privateDnsEnabled": false},
		{"action": "modify-vpc-endpoint", "vpcEndpointId": "vpce-sqs", "addSubnetIds": ["subnet-b"], "ipAddresses": {"subnet-b": "10.0.2.50"}},
		{"action": "modify-vpc-endpoint", "vpcEndpointId": "vpce-sqs", "ipAddresses": {"subnet-a": "10.0.1.50"}},
		{"action": "modify-vpc-endpoint", "vpcEndpointId": "vpce-sqs", "removeSubnetIds": ["subnet-b"]},
		{"action": "modify-vpc-endpoint", "vpcEndpointId": "vpce-sqs", "removeSubnetIds": ["subnet-b"]},
		{"action": "modify-vpc-endpoint", "vpcEndpointId": "vpce-sqs", "addSubnetIds": ["subnet-a2"]},
		{"action": "modify-vpc-endpoint", "vpcEndpointId": "vpce-sqs", "ipAddresses": {"subnet-a": "10.0.1.25"}}]`)
	// Removing a subnet twice, a second subnet in us-east-1a, and an IP
	// already taken by an instance are refused.
	wantRefused(t, events, "VAL-01", "IF-01", "IF-01")
	e := endpoint(out, "vpce-sqs")
	if !slices.Equal(e.SubnetIDs, []string{"subnet-a"}) || e.IPAddresses["subnet-a"] != "10.0.1.50" || len(e.IPAddresses) != 1 {
		t.Errorf("endpoint %+v, want subnet-a at 10.0.1.50", e)
	}
	count := func(kind string) int { return len(eventsOf(events, kind)) }
	if count(KindInterfaceCreated) != 2 || count(KindInterfaceDeleted) != 1 || count(KindInterfaceReplaced) != 1 || count(KindDisconnect) != 1 {
		t.Errorf("interface events:\n%s", dumpEvents(events))
	}
	if d := eventsOf(events, KindDisconnect)[0]; d.Resource != "subnet-a" || d.Rule != "IF-07" {
		t.Errorf("disconnect %+v", d)
	}
}

func TestRule_IF08_ApplyDeleteRemovesEndpoint(t *testing.T) {
	s := lifecycle(t)
	s.HostedZones = []HostedZone{{ID: "Zprivate", Name: "corp.example", Private: true, VPCs: []string{"vpc-consumer"}}}
	s.SNSTopics[0].Policy = []byte(`{"Statement": [{"Effect": "Allow", "Principal": {"Service": "vpce.amazonaws.com"}, "Action": "SNS:Publish", "Resource": "*"}]}`)
	out, _ := apply(t, s, `[`+connect("vpce-x", "vpce-svc-accept")+`]`)
	out.HostedZones[0].Records = []Record{{Name: "api.corp.example", Type: "A", AliasTarget: "vpce-x"}, {Name: "db.corp.example", Type: "A", Values: []string{"10.0.1.9"}}}
	out.ConnectionNotifications = append(out.ConnectionNotifications, ConnectionNotification{ID: "vpce-nfn-x", Endpoint: "vpce-x", Topic: s.SNSTopics[0].ARN, Events: []string{"Delete"}})
	out, events := apply(t, out, `[{"action": "delete-vpc-endpoints", "vpcEndpointIds": ["vpce-x", "vpce-nowhere"]}]`)
	wantRefused(t, events, "VAL-01")
	if endpoint(out, "vpce-x") != nil {
		t.Fatal("the deleted endpoint is still there")
	}
	if len(out.HostedZones[0].Records) != 1 || len(out.ConnectionNotifications) != 1 {
		t.Errorf("records %+v, notifications %+v: want the alias and the endpoint's notification gone", out.HostedZones[0].Records, out.ConnectionNotifications)
	}
	if len(eventsOf(events, KindInterfaceDeleted)) != 1 || len(eventsOf(events, KindDeleted)) != 1 {
		t.Errorf("events:\n%s", dumpEvents(events))
	}
	if n := eventsOf(events, KindNotification); len(n) != 2 {
		t.Errorf("want Delete delivered for the endpoint and its service; events:\n%s", dumpEvents(events))
	}
}

func TestRule_IF09_ApplyParticipantCannotManageEndpoints(t *testing.T) {
	s := lifecycle(t)
	participant := `, "account": "777788889999"`
	out, events := apply(t, s, `[
		`+s3Interface("vpce-p", `, "privateDnsEnabled": false`+participant)+`,
		`+s3Interface("vpce-o", `, "privateDnsEnabled": false`)+`,
		{"action": "modify-vpc-endpoint", "vpcEndpointId": "vpce-o", "addSecurityGroupIds": ["sg-extra"]`+participant+`},
		{"action": "delete-vpc-endpoints", "vpcEndpointIds": ["vpce-o"], "principal": "arn:aws:iam::777788889999:role/ops"},
		{"action": "delete-vpc-endpoints", "vpcEndpointIds": ["vpce-o"], "account": "444455556666"}]`)
	wantRefused(t, events, "IF-09", "IF-09", "IF-09", "VAL-01")
	if endpoint(out, "vpce-p") != nil || endpoint(out, "vpce-o") == nil {
		t.Error("want only the owner's endpoint")
	}
	out, events = apply(t, out, `[{"action": "delete-vpc-endpoints", "vpcEndpointIds": ["vpce-o"]}]`)
	wantRefused(t, events)
	if endpoint(out, "vpce-o") != nil {
		t.Error("the owner could not delete its endpoint")
	}
}

func TestRule_IF11_IF12_ApplyPrivateDNS(t *testing.T) {
	s := lifecycle(t)
	s.VPCs[0].EnableDNSHostnames = new(false)
	_, events := apply(t, s, `[`+s3Interface("vpce-x", "")+`]`)
	wantRefused(t, events, "IF-11")
	_, events = apply(t, s, `[`+s3Interface("vpce-x", `, "privateDnsEnabled": false`)+`]`)
	wantRefused(t, events)

	s = lifecycle(t)
	sqs := func(id string) string {
		return `{"action": "create-vpc-endpoint", "vpcId": "vpc-consumer", "vpcEndpointType": "Interface", "serviceName": "com.amazonaws.us-east-1.sqs", "subnetIds": ["subnet-b"], "vpcEndpointId": "` + id + `"}`
	}
	out, events := apply(t, s, `[`+sqs("vpce-1")+`, `+sqs("vpce-2")+`,
		{"action": "modify-vpc-endpoint", "vpcEndpointId": "vpce-1", "privateDnsEnabled": false}, `+sqs("vpce-2")+`]`)
	wantRefused(t, events, "IF-12")
	if endpoint(out, "vpce-2") == nil {
		t.Error("once vpce-1 gave up the name, vpce-2 could not take it")
	}
}

func TestRule_DNS08_ApplyInboundResolverOnly(t *testing.T) {
	s := lifecycle(t)
	out, events := apply(t, s, `[`+s3Interface("vpce-if", `, "privateDnsOnlyForInboundResolverEndpoint": true`)+`, `+s3Interface("vpce-if", "")+`]`)
	wantRefused(t, events, "DNS-08")
	if v := endpoint(out, "vpce-if").PrivateDNSOnlyForInboundResolverEndpoint; v == nil || *v {
		t.Errorf("without an S3 gateway endpoint the option defaults to false, got %v", v)
	}
	out, events = apply(t, out, `[{"action": "modify-vpc-endpoint", "vpcEndpointId": "vpce-if", "privateDnsOnlyForInboundResolverEndpoint": true},
		`+s3Gateway("vpce-gw", "rtb-a")+`,
		{"action": "modify-vpc-endpoint", "vpcEndpointId": "vpce-if", "privateDnsOnlyForInboundResolverEndpoint": true}]`)
	wantRefused(t, events, "DNS-08")
	if v := endpoint(out, "vpce-if").PrivateDNSOnlyForInboundResolverEndpoint; v == nil || !*v {
		t.Error("with an S3 gateway endpoint the option can be turned on")
	}
	s = lifecycle(t)
	out, events = apply(t, s, `[`+s3Gateway("vpce-gw", "rtb-a")+`, `+s3Interface("vpce-if", "")+`]`)
	wantRefused(t, events)
	if v := endpoint(out, "vpce-if").PrivateDNSOnlyForInboundResolverEndpoint; v == nil || !*v {
		t.Error("with an S3 gateway endpoint the option defaults to true")
	}
	if m := eventsOf(events, KindModified); len(m) != 1 || m[0].Rule != "DNS-08" {
		t.Errorf("want the default logged: %+v", m)
	}
}

func TestRule_GW14_ApplyLastS3GatewayEndpoint(t *testing.T) {
	s := lifecycle(t)
	out, events := apply(t, s, `[`+s3Gateway("vpce-gw1", "rtb-a")+`, `+s3Gateway("vpce-gw2", "rtb-b")+`, `+s3Interface("vpce-if", "")+`,
		{"action": "delete-vpc-endpoints", "vpcEndpointIds": ["vpce-gw1", "vpce-gw2"]},
		{"action": "modify-vpc-endpoint", "vpcEndpointId": "vpce-if", "privateDnsOnlyForInboundResolverEndpoint": false},
		{"action": "delete-vpc-endpoints", "vpcEndpointIds": ["vpce-gw2"]}]`)
	wantRefused(t, events, "GW-14")
	if endpoint(out, "vpce-gw1") != nil || endpoint(out, "vpce-gw2") != nil {
		t.Error("want both gateway endpoints deleted once the option is off")
	}
}

func TestRule_GW11_ApplyResetsAffectedSubnets(t *testing.T) {
	s := lifecycle(t)
	subnetsReset := func(events []Event) []string {
		var out []string
		for _, e := range eventsOf(events, KindReset) {
			if e.Rule != "GW-11" {
				t.Errorf("reset %+v names rule %s", e, e.Rule)
			}
			out = append(out, e.Resource)
		}
		return out
	}
	out, events := apply(t, s, `[`+s3Gateway("vpce-gw", "rtb-b")+`]`)
	if got := subnetsReset(events); !slices.Equal(got, []string{"subnet-b"}) {
		t.Errorf("create resets %v, want [subnet-b]", got)
	}
	out, events = apply(t, out, `[{"action": "modify-vpc-endpoint", "vpcEndpointId": "vpce-gw", "addRouteTableIds": ["rtb-main"], "removeRouteTableIds": ["rtb-b"]}]`)
	if got := subnetsReset(events); !slices.Equal(got, []string{"subnet-b", "subnet-c"}) {
		t.Errorf("modify resets %v, want [subnet-b subnet-c] (subnet-c uses the main table)", got)
	}
	wantState(t, out, "vpce-gw", StateAvailable)
	_, events = apply(t, out, `[{"action": "delete-vpc-endpoints", "vpcEndpointIds": ["vpce-gw"]}]`)
	if got := subnetsReset(events); !slices.Equal(got, []string{"subnet-c"}) {
		t.Errorf("delete resets %v, want [subnet-c]", got)
	}
	_, events = apply(t, out, `[{"action": "modify-vpc-endpoint", "vpcEndpointId": "vpce-gw", "addSubnetIds": ["subnet-a"]},
		{"action": "modify-vpc-endpoint", "vpcEndpointId": "vpce-gw", "addRouteTableIds": ["rtb-main"]}]`)
	wantRefused(t, events, "VAL-04", "GW-01")
}

func TestRule_GW12_ApplyGatewayEndpointQuota(t *testing.T) {
	s := lifecycle(t)
	s.Quotas = &Quotas{GatewayEndpointsPerRegion: new(1)}
	ddb := `{"action": "create-vpc-endpoint", "vpcId": "vpc-consumer", "serviceName": "com.amazonaws.us-east-1.dynamodb", "routeTableIds": ["rtb-a"], "vpcEndpointId": "vpce-ddb"}`
	_, events := apply(t, s, `[`+s3Gateway("vpce-gw", "rtb-a")+`, `+ddb+`]`)
	wantRefused(t, events, "GW-12")
	s.Quotas = &Quotas{GatewayEndpointsPerRegion: new(2)}
	_, events = apply(t, s, `[`+s3Gateway("vpce-gw", "rtb-a")+`, `+ddb+`]`)
	wantRefused(t, events)
	s.Quotas = &Quotas{GatewayEndpointsPerVPC: new(1)}
	_, events = apply(t, s, `[`+s3Gateway("vpce-gw", "rtb-a")+`, `+ddb+`]`)
	wantRefused(t, events, "GW-12")
}

func TestRule_GWLB03_ApplyOneSubnetAndRoutes(t *testing.T) {
	s := lifecycle(t)
	out, events := apply(t, s, `[{"action": "create-vpc-endpoint", "vpcId": "vpc-consumer", "vpcEndpointType": "GatewayLoadBalancer",
		"serviceName": "com.amazonaws.vpce.us-east-1.vpce-svc-fw", "subnetIds": ["subnet-a"], "vpcEndpointId": "vpce-fw"},
		{"action": "create-vpc-endpoint", "vpcId": "vpc-consumer", "vpcEndpointType": "GatewayLoadBalancer",
		"serviceName": "com.amazonaws.vpce.us-east-1.vpce-svc-fw", "subnetIds": ["subnet-a", "subnet-a2"], "vpcEndpointId": "vpce-fw2"},
		{"action": "modify-vpc-endpoint", "vpcEndpointId": "vpce-fw", "addSubnetIds": ["subnet-a2"]}]`)
	wantRefused(t, events, "GWLB-03", "GWLB-03")
	out.VPCs[0].RouteTables[2].Routes = []Route{{DestinationCIDRBlock: "0.0.0.0/0", Target: "vpce-fw"}}
	out, events = apply(t, out, `[{"action": "delete-vpc-endpoints", "vpcEndpointIds": ["vpce-fw"]}]`)
	wantRefused(t, events, "GWLB-03")
	out.VPCs[0].RouteTables[2].Routes = []Route{}
	out, events = apply(t, out, `[{"action": "delete-vpc-endpoints", "vpcEndpointIds": ["vpce-fw"]}]`)
	wantRefused(t, events)
	if endpoint(out, "vpce-fw") != nil {
		t.Error("the unrouted GWLB endpoint was not deleted")
	}
}

func TestApply_CreateEndpointRefusals(t *testing.T) {
	s := lifecycle(t)
	_, events := apply(t, s, `[
		{"action": "create-vpc-endpoint", "vpcId": "vpc-nowhere", "serviceName": "com.amazonaws.us-east-1.s3"},
		{"action": "create-vpc-endpoint", "vpcId": "vpc-consumer", "serviceName": "com.amazonaws.us-east-1.nosuch", "vpcEndpointType": "Interface", "subnetIds": ["subnet-a"]},
		{"action": "create-vpc-endpoint", "vpcId": "vpc-consumer", "serviceName": "com.amazonaws.vpce.us-east-1.vpce-svc-nowhere", "vpcEndpointType": "Interface", "subnetIds": ["subnet-a"]},
		{"action": "create-vpc-endpoint", "vpcId": "vpc-consumer", "serviceName": "com.amazonaws.us-east-1.sqs", "vpcEndpointType": "Interface", "subnetIds": ["subnet-a"], "privateDnsEnabled": false, "policyDocument": {"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}},
		{"action": "create-vpc-endpoint", "vpcId": "vpc-consumer", "serviceName": "com.amazonaws.us-east-1.sqs", "vpcEndpointType": "Interface", "subnetIds": ["subnet-a"], "privateDnsEnabled": false, "account": "444455556666"},
		{"action": "create-vpc-endpoint", "vpcId": "vpc-consumer", "serviceName": "com.amazonaws.us-east-1.sqs", "vpcEndpointType": "Interface", "subnetIds": ["subnet-a"], "privateDnsEnabled": false, "account": "444455556666", "principal": "arn:aws:iam::111122223333:root"},
		{"action": "create-vpc-endpoint", "vpcId": "vpc-consumer", "serviceName": "com.amazonaws.us-east-1.sqs", "vpcEndpointType": "Interface", "subnetIds": ["subnet-a"], "privateDnsEnabled": false, "vpcEndpointId": "subnet-b"},
		{"action": "modify-vpc-endpoint", "vpcEndpointId": "vpce-nowhere", "resetPolicy": true}]`)
	wantRefused(t, events, "VAL-01", "VAL-01", "VAL-01", "POL-06", "VAL-01", "VAL-04", "VAL-01", "VAL-01")
}

func TestApply_GeneratedIDsAreDeterministicAndUnique(t *testing.T) {
	s := lifecycle(t)
	act := `{"action": "create-vpc-endpoint", "vpcId": "vpc-consumer", "serviceName": "com.amazonaws.us-east-1.sqs", "vpcEndpointType": "Interface", "subnetIds": ["subnet-a"], "privateDnsEnabled": false}`
	out1, _ := apply(t, s, `[`+act+`, `+act+`]`)
	out2, _ := apply(t, s, `[`+act+`, `+act+`]`)
	ids := func(s *Scenario) []string {
		var out []string
		for _, e := range s.VPCs[0].Endpoints {
			out = append(out, e.ID)
		}
		return out
	}
	a, b := ids(out1), ids(out2)
	if len(a) != 2 || a[0] == a[1] || !slices.Equal(a, b) || !strings.HasPrefix(a[0], "vpce-") || len(a[0]) != len("vpce-")+17 {
		t.Errorf("generated IDs %v and %v", a, b)
	}
	out3, _ := apply(t, out1, `[`+act+`]`) // a resumed run: index 0 and clock 0 again
	if got := ids(out3); len(got) != 3 || slices.Contains(a, got[2]) {
		t.Errorf("resumed run reused an ID: %v", got)
	}
}
