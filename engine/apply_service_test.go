package engine

import (
	"testing"
)

func TestRule_SVC05_AcceptThenAvailable(t *testing.T) {
	s := lifecycle(t)
	out, events := apply(t, s, `[`+connect("vpce-x", "vpce-svc-accept")+`]`)
	wantRefused(t, events)
	wantState(t, out, "vpce-x", StatePendingAcceptance)
	if EndpointCarriesTraffic(out, 0, 0) {
		t.Error("a PendingAcceptance endpoint carries traffic")
	}
	out, events = apply(t, out, `[
		{"action": "accept-vpc-endpoint-connections", "serviceId": "vpce-svc-accept", "vpcEndpointIds": ["vpce-x"]},
		{"action": "advance-time", "seconds": 59}]`)
	wantRefused(t, events)
	wantState(t, out, "vpce-x", StatePending)
	if EndpointCarriesTraffic(out, 0, 0) {
		t.Error("an accepted, still Pending endpoint carries traffic")
	}
	out, events = apply(t, out, `[{"action": "advance-time", "seconds": 1}]`)
	wantState(t, out, "vpce-x", StateAvailable)
	st := eventsOf(events, KindState)
	if len(st) != 1 || st[0].Time != 60 || st[0].Rule != "SVC-05" || st[0].From != StatePending {
		t.Errorf("state events %+v, want Pending → Available at 60 s", st)
	}
	if !EndpointCarriesTraffic(out, 0, 0) {
		t.Error("an Available endpoint carries no traffic")
	}
}

func TestRule_SVC05_AcceptOnlyPendingAcceptance(t *testing.T) {
	s := lifecycle(t)
	_, events := apply(t, s, `[`+connect("vpce-x", "vpce-svc-open")+`,
		{"action": "accept-vpc-endpoint-connections", "serviceId": "vpce-svc-open", "vpcEndpointIds": ["vpce-x"]}]`)
	wantRefused(t, events, "SVC-05")
}

func TestRule_SVC05_NoAcceptancePendingThenAvailable(t *testing.T) {
	s := lifecycle(t)
	s.Timing = &Timing{PendingSeconds: new(10)}
	out, events := apply(t, s, `[`+connect("vpce-x", "vpce-svc-open")+`]`)
	if c := eventsOf(events, KindCreated); len(c) != 1 || c[0].To != StatePending {
		t.Fatalf("created events %+v, want one Pending", c)
	}
	out, _ = apply(t, out, `[{"action": "advance-time", "seconds": 9}]`)
	wantState(t, out, "vpce-x", StatePending)
	out, _ = apply(t, out, `[{"action": "advance-time", "seconds": 1}]`)
	wantState(t, out, "vpce-x", StateAvailable)
}

func TestRule_SVC05_RejectPendingAcceptance(t *testing.T) {
	s := lifecycle(t)
	out, events := apply(t, s, `[`+connect("vpce-x", "vpce-svc-accept")+`,
		{"action": "reject-vpc-endpoint-connections", "serviceId": "vpce-svc-accept", "vpcEndpointIds": ["vpce-x"]},
		{"action": "accept-vpc-endpoint-connections", "serviceId": "vpce-svc-accept", "vpcEndpointIds": ["vpce-x"]},
		{"action": "advance-time", "seconds": 1000000}]`)
	wantState(t, out, "vpce-x", StateRejected)
	wantRefused(t, events, "SVC-05") // a Rejected request cannot be accepted
}

func TestRule_SVC05_RejectAvailableLater(t *testing.T) {
	s := lifecycle(t)
	out, events := apply(t, s, `[`+connect("vpce-x", "vpce-svc-open")+`,
		{"action": "advance-time", "seconds": 60},
		{"action": "reject-vpc-endpoint-connections", "serviceId": "vpce-svc-open", "vpcEndpointIds": ["vpce-x"]}]`)
	wantRefused(t, events)
	wantState(t, out, "vpce-x", StateRejected)
	last := events[len(events)-1]
	if last.From != StateAvailable || last.To != StateRejected {
		t.Errorf("last event %+v, want Available → Rejected", last)
	}
}

func TestRule_SVC05_ExpiresUnanswered(t *testing.T) {
	s := lifecycle(t)
	s.Timing = &Timing{AcceptanceExpirySeconds: new(3600)}
	out, _ := apply(t, s, `[`+connect("vpce-x", "vpce-svc-accept")+`, {"action": "advance-time", "seconds": 3599}]`)
	wantState(t, out, "vpce-x", StatePendingAcceptance)
	out, events := apply(t, out, `[{"action": "advance-time", "seconds": 7200}]`)
	wantState(t, out, "vpce-x", StateExpired)
	st := eventsOf(events, KindState)
	if len(st) != 1 || st[0].Time != 3600 || st[0].To != StateExpired {
		t.Errorf("state events %+v, want one → Expired at 3600 s", st)
	}
	if out.Clock != 3599+7200 {
		t.Errorf("clock %d, want %d", out.Clock, 3599+7200)
	}
}

func TestRule_SVC05_StaticEndpointExpiresByDefault(t *testing.T) {
	s := applyFixture(t, "endpoint-service-acceptance.json")
	out, _ := apply(t, s, `[{"action": "advance-time", "seconds": 604799}]`)
	wantState(t, out, "vpce-partner", StatePendingAcceptance)
	out, _ = apply(t, out, `[{"action": "advance-time", "seconds": 1}]`)
	wantState(t, out, "vpce-partner", StateExpired)
}

func TestRule_SVC03_OnlyAvailableServiceAcceptsEndpoints(t *testing.T) {
	for _, st := range []string{"Pending", "Failed", "Deleted"} {
		s := lifecycle(t)
		s.EndpointServices[1].State = st
		_, events := apply(t, s, `[`+connect("vpce-x", "vpce-svc-open")+`]`)
		wantRefused(t, events, "SVC-03")
	}
	s := lifecycle(t)
	s.EndpointServices[1].State = "Available"
	_, events := apply(t, s, `[`+connect("vpce-x", "vpce-svc-open")+`]`)
	wantRefused(t, events)
}

func TestRule_SVC03_CreateAndDeleteService(t *testing.T) {
	s := lifecycle(t)
	out, events := apply(t, s, `[
		{"action": "create-vpc-endpoint-service-configuration", "networkLoadBalancerArns": ["arn:aws:elasticloadbalancing:us-east-1:444455556666:loadbalancer/net/nlb-spare/0123456789abcdef"], "serviceId": "vpce-svc-new"},
		{"action": "modify-vpc-endpoint-service-permissions", "serviceId": "vpce-svc-new", "addAllowedPrincipals": ["arn:aws:iam::111122223333:root"]},
		`+connect("vpce-x", "vpce-svc-new")+`,
		{"action": "delete-vpc-endpoint-service-configurations", "serviceIds": ["vpce-svc-new"]},
		{"action": "reject-vpc-endpoint-connections", "serviceId": "vpce-svc-new", "vpcEndpointIds": ["vpce-x"]},
		{"action": "delete-vpc-endpoint-service-configurations", "serviceIds": ["vpce-svc-new"]},
		`+connect("vpce-y", "vpce-svc-new")+`]`)
	wantRefused(t, events, "SVC-03", "SVC-03")
	es := endpointServiceByID(out, "vpce-svc-new")
	if es == nil || es.State != StateDeleted || es.Account != "444455556666" {
		t.Fatalf("service %+v, want Deleted of the provider", es)
	}
	if c := eventsOf(events, KindCreated); len(c) != 2 || c[0].Resource != "vpce-svc-new" {
		t.Errorf("created %+v", c)
	}
}

func TestRule_SVC03_CreateServiceRefusals(t *testing.T) {
	s := lifecycle(t)
	_, events := apply(t, s, `[
		{"action": "create-vpc-endpoint-service-configuration", "networkLoadBalancerArns": ["gwlb-fw"]},
		{"action": "create-vpc-endpoint-service-configuration", "loadBalancers": ["nlb-nowhere"]},
		{"action": "create-vpc-endpoint-service-configuration"},
		{"action": "create-vpc-endpoint-service-configuration", "loadBalancers": ["nlb-spare"], "account": "111122223333"},
		{"action": "create-vpc-endpoint-service-configuration", "gatewayLoadBalancerArns": ["gwlb-fw"]}]`)
	wantRefused(t, events, "VAL-01", "VAL-01", "SVC-01", "VAL-01")
}

func TestRule_SVC04_AllowedPrincipals(t *testing.T) {
	cases := []struct {
		name      string
		allowed   []string
		principal string
		want      []string
	}{
		{"default no one", nil, "", []string{"SVC-04"}},
		{"star", []string{"*"}, "", nil},
		{"account root allows any principal of the account", []string{"arn:aws:iam::111122223333:root"}, "arn:aws:iam::111122223333:role/deployer", nil},
		{"another account's root", []string{"arn:aws:iam::999999999999:root"}, "", []string{"SVC-04"}},
		{"the role itself", []string{"arn:aws:iam::111122223333:role/deployer"}, "arn:aws:iam::111122223333:role/deployer", nil},
		{"another role", []string{"arn:aws:iam::111122223333:role/deployer"}, "arn:aws:iam::111122223333:role/other", []string{"SVC-04"}},
		{"a role entry does not allow the root", []string{"arn:aws:iam::111122223333:role/deployer"}, "", []string{"SVC-04"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := lifecycle(t)
			s.EndpointServices[2].AllowedPrincipals = c.allowed
			act := `{"action": "create-vpc-endpoint", "vpcId": "vpc-consumer", "vpcEndpointType": "Interface", "serviceName": "com.amazonaws.vpce.us-east-1.vpce-svc-closed", "subnetIds": ["subnet-a"], "privateDnsEnabled": false`
			if c.principal != "" {
				act += `, "principal": "` + c.principal + `"`
			}
			_, events := apply(t, s, `[`+act+`}]`)
			wantRefused(t, events, c.want...)
		})
	}
}

func TestRule_SVC04_ModifyPermissions(t *testing.T) {
	s := lifecycle(t)
	out, events := apply(t, s, `[
		`+connect("vpce-x", "vpce-svc-closed")+`,
		{"action": "modify-vpc-endpoint-service-permissions", "serviceId": "vpce-svc-closed", "addAllowedPrincipals": ["arn:aws:iam::111122223333:root"]},
		`+connect("vpce-x", "vpce-svc-closed")+`,
		{"action": "modify-vpc-endpoint-service-permissions", "serviceId": "vpce-svc-closed", "removeAllowedPrincipals": ["arn:aws:iam::111122223333:root"]},
		{"action": "modify-vpc-endpoint-service-permissions", "serviceId": "vpce-svc-closed", "addAllowedPrincipals": ["111122223333"]},
		{"action": "modify-vpc-endpoint-service-permissions", "serviceId": "vpce-svc-closed", "addAllowedPrincipals": ["*"], "account": "111122223333"}]`)
	wantRefused(t, events, "SVC-04", "SVC-04", "VAL-01")
	if endpoint(out, "vpce-x") == nil {
		t.Error("the endpoint created with permission is gone")
	}
	if got := endpointServiceByID(out, "vpce-svc-closed").AllowedPrincipals; len(got) != 0 {
		t.Errorf("allowed principals %v, want none", got)
	}
}

func TestRule_SVC09_ServiceRegion(t *testing.T) {
	west := func(service, region string) string {
		return `{"action": "create-vpc-endpoint", "vpcId": "vpc-west", "vpcEndpointType": "Interface", "privateDnsEnabled": false,
			"serviceName": "com.amazonaws.vpce.us-east-1.` + service + `", "subnetIds": ["subnet-west"], "serviceRegion": "` + region + `"}`
	}
	s := lifecycle(t)
	_, events := apply(t, s, `[`+west("vpce-svc-accept", "us-east-1")+`]`)
	wantRefused(t, events)
	_, events = apply(t, s, `[`+west("vpce-svc-open", "us-east-1")+`]`)
	wantRefused(t, events, "SVC-09")
	_, events = apply(t, s, `[`+west("vpce-svc-accept", "")+`]`)
	wantRefused(t, events, "SVC-09")
	_, events = apply(t, s, `[{"action": "create-vpc-endpoint", "vpcId": "vpc-west", "serviceName": "com.amazonaws.us-east-1.s3", "routeTableIds": ["rtb-west"], "serviceRegion": "us-east-1"}]`)
	wantRefused(t, events, "SVC-09")
}

func TestRule_SVC10_SubnetZones(t *testing.T) {
	s := lifecycle(t)
	act := func(id, subnet string) string {
		return `{"action": "create-vpc-endpoint", "vpcId": "vpc-consumer", "vpcEndpointType": "Interface", "privateDnsEnabled": false,
			"serviceName": "com.amazonaws.vpce.us-east-1.vpce-svc-open", "subnetIds": ["` + subnet + `"], "vpcEndpointId": "` + id + `"}`
	}
	// nlb-spare is in us-east-1a only.
	out, events := apply(t, s, `[`+act("vpce-b", "subnet-b")+`, `+act("vpce-a", "subnet-a")+`,
		{"action": "modify-vpc-endpoint", "vpcEndpointId": "vpce-a", "addSubnetIds": ["subnet-b"]}]`)
	wantRefused(t, events, "SVC-10", "SVC-10")
	if endpoint(out, "vpce-a") == nil || endpoint(out, "vpce-b") != nil {
		t.Error("want vpce-a created and vpce-b refused")
	}
}
