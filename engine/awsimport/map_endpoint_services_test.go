package awsimport

import (
	"reflect"
	"slices"
	"testing"

	"privatelink-playground/engine"
)

// svcFiles, with providerFiles, is a Network and a Gateway Load Balancer,
// service configurations that map and that cannot, their permissions, and
// endpoints and a consumer's view of the services.
func svcFiles() map[string]string {
	files := providerFiles()
	for k, v := range map[string]string{
		"lbs.json": `{"LoadBalancers": [
			{"LoadBalancerArn": "` + nlbARN + `", "LoadBalancerName": "nlb-1", "Type": "network", "VpcId": "vpc-1", "State": {"Code": "active"},
			 "AvailabilityZones": [{"ZoneName": "eu-west-1a", "SubnetId": "subnet-a"}]},
			{"LoadBalancerArn": "` + gwlbARN + `", "LoadBalancerName": "gwlb-1", "Type": "gateway", "VpcId": "vpc-1", "State": {"Code": "active"},
			 "AvailabilityZones": [{"ZoneName": "eu-west-1b", "SubnetId": "subnet-b"}]}]}`,
		"listeners.json": `{"Listeners": [{"ListenerArn": "l-443", "LoadBalancerArn": "` + nlbARN + `", "Port": 443, "Protocol": "TCP", "DefaultActions": []}]}`,
		"services.json": `{"ServiceConfigurations": [
			{"ServiceType": [{"ServiceType": "Interface"}], "ServiceId": "vpce-svc-1", "ServiceName": "com.amazonaws.vpce.eu-west-1.vpce-svc-1", "ServiceState": "Available",
			 "AcceptanceRequired": true, "ManagesVpcEndpoints": false, "NetworkLoadBalancerArns": ["` + nlbARN + `", "` + albARN + `"],
			 "SupportedIpAddressTypes": ["ipv4", "dualstack"], "PrivateDnsName": "api.example.com", "PrivateDnsNameConfiguration": {"State": "verified", "Type": "TXT"},
			 "SupportedRegions": [{"Region": "eu-west-1", "ServiceState": "Available"}, {"Region": "us-east-1", "ServiceState": "Available"}, {"Region": "us-west-2", "ServiceState": "Closed"}],
			 "PayerResponsibility": "ServiceOwner"},
			{"ServiceType": [{"ServiceType": "GatewayLoadBalancer"}], "ServiceId": "vpce-svc-2", "ServiceName": "com.amazonaws.vpce.us-east-1.vpce-svc-2", "ServiceState": "Pending",
			 "AcceptanceRequired": false, "ManagesVpcEndpoints": true, "NetworkLoadBalancerArns": ["` + gwlbARN + `"], "GatewayLoadBalancerArns": ["` + gwlbARN + `"],
			 "PrivateDnsName": "gw.example.com", "PrivateDnsNameConfiguration": {"State": "pendingVerification"}},
			{"ServiceId": "svc-bad", "ServiceName": "com.amazonaws.vpce.eu-west-1.svc-bad", "NetworkLoadBalancerArns": ["` + nlbARN + `"]},
			{"ServiceId": "vpce-svc-1", "NetworkLoadBalancerArns": ["` + nlbARN + `"]},
			{"ServiceId": "vpce-svc-3", "ServiceState": "Paused", "NetworkLoadBalancerArns": ["` + nlbARN + `"]},
			{"ServiceId": "vpce-svc-4", "ServiceState": "Available", "NetworkLoadBalancerArns": ["` + albARN + `"]}], "NextToken": "t"}`,
		"permissions.json": `{"AllowedPrincipals": [
			{"PrincipalType": "Account", "Principal": "arn:aws:iam::222233334444:root", "ServicePermissionId": "vpce-svc-perm-1", "ServiceId": "vpce-svc-1"},
			{"PrincipalType": "All", "Principal": "*", "ServicePermissionId": "vpce-svc-perm-2", "ServiceId": "vpce-svc-2"},
			{"PrincipalType": "OrganizationUnit", "Principal": "arn:aws:organizations::111122223333:ou/o-abc/ou-def", "ServiceId": "vpce-svc-1"},
			{"PrincipalType": "Role", "Principal": "arn:aws:iam::222233334444:role/app", "ServiceId": "vpce-svc-404"},
			{"PrincipalType": "Account", "Principal": "arn:aws:iam::222233334444:root", "ServiceId": "vpce-svc-1"}]}`,
		"permissions-unnamed.json": `{"AllowedPrincipals": [{"PrincipalType": "Account", "Principal": "arn:aws:iam::333344445555:root"}]}`,
		"endpoints.json": `{"VpcEndpoints": [
			{"VpcEndpointId": "vpce-a", "VpcEndpointType": "Interface", "VpcId": "vpc-1", "ServiceName": "com.amazonaws.vpce.eu-west-1.vpce-svc-1", "State": "available", "SubnetIds": ["subnet-a"], "PrivateDnsEnabled": true},
			{"VpcEndpointId": "vpce-b", "VpcEndpointType": "Interface", "VpcId": "vpc-1", "ServiceName": "com.amazonaws.vpce.eu-west-1.vpce-svc-1", "State": "pendingAcceptance", "SubnetIds": ["subnet-b"], "PrivateDnsEnabled": false},
			{"VpcEndpointId": "vpce-c", "VpcEndpointType": "Interface", "VpcId": "vpc-1", "ServiceName": "com.amazonaws.vpce.us-east-1.vpce-svc-1", "State": "available", "SubnetIds": ["subnet-a"]},
			{"VpcEndpointId": "vpce-d", "VpcEndpointType": "GatewayLoadBalancer", "VpcId": "vpc-1", "ServiceName": "com.amazonaws.vpce.eu-west-1.vpce-svc-2", "State": "available", "SubnetIds": ["subnet-b"]}]}`,
		"service-details.json": `{"ServiceNames": [], "ServiceDetails": [
			{"ServiceName": "com.amazonaws.vpce.eu-west-1.vpce-svc-1", "ServiceId": "vpce-svc-1", "Owner": "111122223333"},
			{"ServiceName": "com.amazonaws.vpce.eu-west-1.vpce-svc-999", "ServiceId": "vpce-svc-999", "Owner": "444455556666"}]}`,
	} {
		files[k] = v
	}
	return files
}

func TestEndpointServices(t *testing.T) {
	r := importJSON(t, svcFiles())
	assertValid(t, r.Scenario)
	want := []engine.EndpointService{
		{ID: "vpce-svc-1", Account: "111122223333", LoadBalancers: []string{"nlb-1"}, AcceptanceRequired: true,
			AllowedPrincipals: []string{"arn:aws:iam::222233334444:root"}, PrivateDNSName: "api.example.com",
			SupportedIPAddressTypes: []string{"ipv4"}, SupportedRegions: []string{"us-east-1"}},
		{ID: "vpce-svc-2", Account: "111122223333", LoadBalancers: []string{"gwlb-1"}, AllowedPrincipals: []string{"*"}, State: "Pending"},
	}
	if got := r.Scenario.EndpointServices; !reflect.DeepEqual(got, want) {
		t.Errorf("endpoint services\n%s\nwant\n%s", asJSON(got), asJSON(want))
	}
	for _, c := range []struct {
		path  string
		words []string
	}{
		{"ServiceConfigurations[0].NetworkLoadBalancerArns[1]", []string{"not mapped", "alb-1", "not one of the imported load balancers"}},
		{"ServiceConfigurations[0].SupportedIpAddressTypes[1]", []string{"not mapped", `"dualstack"`}},
		{"ServiceConfigurations[0].SupportedRegions[2]", []string{"not mapped", "us-west-2 is Closed"}},
		{"ServiceConfigurations[0]", []string{"not mapped", "PayerResponsibility ServiceOwner"}},
		{"ServiceConfigurations[1].NetworkLoadBalancerArns[0]", []string{"not mapped", "gwlb-1 is a gateway load balancer, not a network one"}},
		{"ServiceConfigurations[1].PrivateDnsNameConfiguration", []string{"not mapped", "gw.example.com is pendingVerification, not verified"}},
		{"ServiceConfigurations[1]", []string{"named com.amazonaws.vpce.us-east-1.vpce-svc-2", "derives", "com.amazonaws.vpce.eu-west-1.vpce-svc-2", "SVC-02"}},
		{"ServiceConfigurations[1]", []string{"manages its own VPC endpoints"}},
		{"ServiceConfigurations[2]", []string{"not mapped", `"svc-bad"`, "vpce-svc-"}},
		{"ServiceConfigurations[3]", []string{"not mapped", "vpce-svc-1 appears twice"}},
		{"ServiceConfigurations[4]", []string{"not mapped", "vpce-svc-3 is Paused"}},
		{"ServiceConfigurations[5]", []string{"not mapped", "none of the load balancers of endpoint service vpce-svc-4 is imported"}},
		{"ServiceConfigurations[5].NetworkLoadBalancerArns[0]", []string{"not mapped", "alb-1"}},
		{"AllowedPrincipals[2]", []string{"not mapped", "OrganizationUnit", "SVC-04"}},
		{"AllowedPrincipals[3]", []string{"not mapped", "vpce-svc-404", "not one of the imported endpoint services"}},
		{"ServiceDetails[1]", []string{"not mapped", "vpce-svc-999"}},
		{"VpcEndpoints[2]", []string{"not mapped", "vpce-c", "com.amazonaws.vpce.us-east-1.vpce-svc-1", "is named com.amazonaws.vpce.eu-west-1.vpce-svc-1 in the scenario"}},
	} {
		assertNote(t, r, c.path, c.words...)
	}
	assertFileNote(t, r, "permissions-unnamed.json", "AllowedPrincipals[0]", "not mapped", "names no ServiceId", "5 service configurations in the input (vpce-svc-1, vpce-svc-2, svc-bad, vpce-svc-3, vpce-svc-4)", "ambiguous")
	if n := notesAbout(r, "ServiceDetails[0]"); len(n) != 0 {
		t.Errorf("an imported service was noted in describe-vpc-endpoint-services: %v", n)
	}
	assertNote(t, r, "NextToken", "more items follow", "--max-items")
	for _, path := range []string{"ServiceConfigurations[1].GatewayLoadBalancerArns[0]"} {
		if hasPathNote(r.Unmapped, path) {
			t.Errorf("note at %s: %v", path, notesAbout(r, path))
		}
	}
}

// An available endpoint of a service that requires acceptance was
// accepted: it is mapped Available, not left to the lifecycle's
// PendingAcceptance (SVC-05); other states map as given.
func TestEndpointsToImportedServices(t *testing.T) {
	r := importJSON(t, svcFiles())
	vpc := vpcByID(t, r.Scenario, "vpc-1")
	states := map[string]string{}
	for _, e := range vpc.Endpoints {
		states[e.ID] = e.State
	}
	want := map[string]string{"vpce-a": engine.StateAvailable, "vpce-b": engine.StatePendingAcceptance, "vpce-d": ""}
	if !reflect.DeepEqual(states, want) {
		t.Errorf("endpoint states %v, want %v", states, want)
	}
	v := slices.IndexFunc(r.Scenario.VPCs, func(x engine.VPC) bool { return x.ID == "vpc-1" })
	effective := map[string]string{"vpce-a": engine.StateAvailable, "vpce-b": engine.StatePendingAcceptance, "vpce-d": engine.StateAvailable}
	for i, e := range vpc.Endpoints {
		if st := engine.EffectiveEndpointState(r.Scenario, v, i); st != effective[e.ID] {
			t.Errorf("%s is %s, want %s", e.ID, st, effective[e.ID])
		}
	}
}

// A permission without a ServiceId belongs to the only service
// configuration of the input.
func TestPermissionOfTheOnlyService(t *testing.T) {
	files := svcFiles()
	files["services.json"] = `{"ServiceConfigurations": [{"ServiceId": "vpce-svc-1", "ServiceState": "Available", "NetworkLoadBalancerArns": ["` + nlbARN + `"]}]}`
	delete(files, "permissions.json")
	r := importJSON(t, files)
	if got := r.Scenario.EndpointServices[0].AllowedPrincipals; !reflect.DeepEqual(got, []string{"arn:aws:iam::333344445555:root"}) {
		t.Errorf("allowed principals %v", got)
	}
	if hasPathNote(r.Unmapped, "AllowedPrincipals[0]") {
		t.Errorf("a permission of the only service was noted: %v", notesAbout(r, "AllowedPrincipals"))
	}
	delete(files, "services.json")
	r = importJSON(t, files)
	assertNote(t, r, "AllowedPrincipals[0]", "not mapped", "names no ServiceId", "no service configuration is in the input")
	assertValid(t, r.Scenario)
}

// The service's account is that of its load balancer's ARN, which the
// scenario's account list holds even when no VPC of the input is the
// account's.
func TestEndpointServiceAccount(t *testing.T) {
	files := svcFiles()
	other := "arn:aws:elasticloadbalancing:eu-west-1:444455556666:loadbalancer/net/nlb-9/9999"
	files["lbs.json"] = `{"LoadBalancers": [{"LoadBalancerArn": "` + other + `", "LoadBalancerName": "nlb-9", "Type": "network", "VpcId": "vpc-1",
		"AvailabilityZones": [{"ZoneName": "eu-west-1a", "SubnetId": "subnet-a"}]}]}`
	files["services.json"] = `{"ServiceConfigurations": [{"ServiceId": "vpce-svc-9", "NetworkLoadBalancerArns": ["` + other + `"]}]}`
	for _, k := range []string{"listeners.json", "permissions.json", "permissions-unnamed.json", "endpoints.json"} {
		delete(files, k)
	}
	r := importJSON(t, files)
	assertValid(t, r.Scenario)
	if es := r.Scenario.EndpointServices; len(es) != 1 || es[0].Account != "444455556666" {
		t.Fatalf("endpoint services %s", asJSON(es))
	}
	var accounts []string
	for _, a := range r.Scenario.Accounts {
		accounts = append(accounts, a.ID)
	}
	if !reflect.DeepEqual(accounts, []string{"111122223333", "444455556666"}) {
		t.Errorf("accounts %v", accounts)
	}
}
