package awsimport

import (
	"reflect"
	"strconv"
	"strings"
	"testing"

	"privatelink-playground/engine"
)

// ARNs of elbFiles.
const (
	elbARNPrefix = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:"
	nlbARN       = elbARNPrefix + "loadbalancer/net/nlb-1/1111aaaa1111aaaa"
	gwlbARN      = elbARNPrefix + "loadbalancer/gwy/gwlb-1/2222bbbb2222bbbb"
	albARN       = elbARNPrefix + "loadbalancer/app/alb-1/3333cccc3333cccc"
	tgAppARN     = elbARNPrefix + "targetgroup/app/aaaa0001"
	tgWebARN     = elbARNPrefix + "targetgroup/web/aaaa0002"
	tgGwARN      = elbARNPrefix + "targetgroup/appliances/aaaa0003"
	tgIPARN      = elbARNPrefix + "targetgroup/ips/aaaa0004"
	tgOrphanARN  = elbARNPrefix + "targetgroup/orphan/aaaa0005"
	tgMissingARN = elbARNPrefix + "targetgroup/missing/aaaa0006"
)

// providerFiles, with baseFiles, is a second VPC and instances in both: what
// load balancers and their targets need.
func providerFiles() map[string]string {
	return with(map[string]string{
		"vpcs-2.json":    `{"Vpcs": [{"VpcId": "vpc-2", "OwnerId": "111122223333", "CidrBlock": "10.1.0.0/16"}]}`,
		"subnets-2.json": `{"Subnets": [{"SubnetId": "subnet-c", "VpcId": "vpc-2", "AvailabilityZone": "eu-west-1a", "CidrBlock": "10.1.1.0/24"}]}`,
		"instances.json": `{"Reservations": [{"OwnerId": "111122223333", "Instances": [
			{"InstanceId": "i-1", "SubnetId": "subnet-a", "PrivateIpAddress": "10.0.1.10", "State": {"Name": "running"}, "SecurityGroups": [{"GroupId": "sg-app"}]},
			{"InstanceId": "i-2", "SubnetId": "subnet-b", "PrivateIpAddress": "10.0.2.10", "State": {"Name": "running"}, "SecurityGroups": [{"GroupId": "sg-app"}]},
			{"InstanceId": "i-3", "SubnetId": "subnet-a", "PrivateIpAddress": "10.0.1.11", "State": {"Name": "running"}, "SecurityGroups": [{"GroupId": "sg-app"}]},
			{"InstanceId": "i-9", "SubnetId": "subnet-c", "PrivateIpAddress": "10.1.1.10", "State": {"Name": "running"}}]}]}`,
	})
}

// elbFiles, with providerFiles, is load balancers of every kind, listeners,
// target groups and describe-target-health outputs that map and that
// cannot.
func elbFiles() map[string]string {
	lb := func(arn, name, kind, vpc, extra string) string {
		return `{"LoadBalancerArn": "` + arn + `", "LoadBalancerName": "` + name + `", "Type": "` + kind + `", "Scheme": "internal", "VpcId": "` + vpc + `", "IpAddressType": "ipv4"` + extra + `}`
	}
	active := `, "State": {"Code": "active"}`
	zoneA := `, "AvailabilityZones": [{"ZoneName": "eu-west-1a", "SubnetId": "subnet-a", "LoadBalancerAddresses": []}]`
	forward := func(tg string) string { return `[{"Type": "forward", "TargetGroupArn": "` + tg + `"}]` }
	health := func(id string, port int, state, reason string) string {
		p := ""
		if port != 0 {
			p = `, "Port": ` + strconv.Itoa(port)
		}
		return `{"Target": {"Id": "` + id + `"` + p + `}, "TargetHealth": {"State": "` + state + `", "Reason": "` + reason + `"}}`
	}
	files := providerFiles()
	for k, v := range map[string]string{
		"lbs.json": `{"LoadBalancers": [` + strings.Join([]string{
			lb(nlbARN, "nlb-1", "network", "vpc-1", active+`, "AvailabilityZones": [
				{"ZoneName": "eu-west-1a", "SubnetId": "subnet-a", "LoadBalancerAddresses": [{"PrivateIPv4Address": "10.0.1.5"}]},
				{"ZoneName": "eu-west-1c", "SubnetId": "subnet-zzz", "LoadBalancerAddresses": []}]`),
			lb(gwlbARN, "gwlb-1", "gateway", "vpc-1", active+`, "AvailabilityZones": [{"ZoneName": "eu-west-1b", "SubnetId": "subnet-b"}]`),
			lb(albARN, "alb-1", "application", "vpc-1", active+zoneA),
			lb(elbARNPrefix+"loadbalancer/net/nlb-failed/4444", "nlb-failed", "network", "vpc-1", `, "State": {"Code": "failed"}`+zoneA),
			lb(elbARNPrefix+"loadbalancer/net/nlb-far/5555", "nlb-far", "network", "vpc-9", active+zoneA),
			lb(elbARNPrefix+"loadbalancer/net/nlb-nosub/6666", "nlb-nosub", "network", "vpc-1", active+`, "AvailabilityZones": [{"ZoneName": "eu-west-1c", "SubnetId": "subnet-zzz"}]`),
			lb(nlbARN, "nlb-1", "network", "vpc-1", active+zoneA),
			lb("arn:aws:elasticloadbalancing:eu-west-1:444455556666:loadbalancer/net/nlb-1/7777dddd7777dddd", "nlb-1", "network", "vpc-1",
				`, "State": {"Code": "provisioning"}, "Scheme": "internet-facing", "SecurityGroups": ["sg-app"], "IpAddressType": "dualstack"`+zoneA),
		}, ",\n") + `], "NextMarker": "abc"}`,
		"listeners.json": `{"Listeners": [
			{"ListenerArn": "l-443", "LoadBalancerArn": "` + nlbARN + `", "Port": 443, "Protocol": "TCP", "DefaultActions": ` + forward(tgAppARN) + `},
			{"ListenerArn": "l-80", "LoadBalancerArn": "` + nlbARN + `", "Port": 80, "Protocol": "TCP", "DefaultActions": [{"Type": "forward",
				"ForwardConfig": {"TargetGroups": [{"TargetGroupArn": "` + tgAppARN + `", "Weight": 1}, {"TargetGroupArn": "` + tgWebARN + `", "Weight": 1}]}}]},
			{"ListenerArn": "l-443-again", "LoadBalancerArn": "` + nlbARN + `", "Port": 443, "Protocol": "TLS", "DefaultActions": ` + forward(tgWebARN) + `},
			{"ListenerArn": "l-gw", "LoadBalancerArn": "` + gwlbARN + `", "DefaultActions": ` + forward(tgGwARN) + `},
			{"ListenerArn": "l-alb", "LoadBalancerArn": "` + albARN + `", "Port": 80, "Protocol": "HTTP", "DefaultActions": ` + forward(tgOrphanARN) + `},
			{"ListenerArn": "l-8080", "LoadBalancerArn": "` + nlbARN + `", "Port": 8080, "Protocol": "TCP", "DefaultActions": [{"Type": "redirect"}, {"Type": "forward", "TargetGroupArn": "` + tgMissingARN + `"}]}]}`,
		"target-groups.json": `{"TargetGroups": [
			{"TargetGroupArn": "` + tgAppARN + `", "TargetGroupName": "app", "Protocol": "TCP", "Port": 8443, "VpcId": "vpc-1", "TargetType": "instance", "LoadBalancerArns": ["` + nlbARN + `"]},
			{"TargetGroupArn": "` + tgWebARN + `", "TargetGroupName": "web", "Protocol": "TCP", "Port": 8080, "VpcId": "vpc-1", "TargetType": "instance", "LoadBalancerArns": ["` + nlbARN + `"]},
			{"TargetGroupArn": "` + tgGwARN + `", "TargetGroupName": "appliances", "Protocol": "GENEVE", "Port": 6081, "VpcId": "vpc-1", "TargetType": "instance", "LoadBalancerArns": ["` + gwlbARN + `"]},
			{"TargetGroupArn": "` + tgIPARN + `", "TargetGroupName": "ips", "Protocol": "TCP", "Port": 443, "VpcId": "vpc-1", "TargetType": "ip", "LoadBalancerArns": ["` + nlbARN + `"]},
			{"TargetGroupArn": "` + tgOrphanARN + `", "TargetGroupName": "orphan", "Protocol": "HTTP", "Port": 9000, "VpcId": "vpc-1", "TargetType": "instance", "LoadBalancerArns": ["` + albARN + `"]},
			{"TargetGroupArn": "` + tgAppARN + `", "TargetGroupName": "app"}], "NextMarker": "x"}`,
		"health-app.json": `{"TargetHealthDescriptions": [` + health("i-1", 8443, "unhealthy", "Target.FailedHealthChecks") + `, ` +
			health("i-2", 8443, "healthy", "") + `, ` + health("i-3", 8443, "initial", "Elb.InitialHealthChecking") + `, ` + health("i-404", 8443, "healthy", "") + `]}`,
		"health-web.json": `{"TargetHealthDescriptions": [` + health("i-1", 8080, "healthy", "") + `, ` + health("i-2", 8080, "draining", "Target.DeregistrationInProgress") + `, ` +
			health("i-3", 8080, "unused", "Target.NotRegistered") + `]}`,
		"health-gw.json":        `{"TargetHealthDescriptions": [` + health("i-3", 6081, "healthy", "") + `]}`,
		"health-ambiguous.json": `{"TargetHealthDescriptions": [` + health("i-2", 0, "healthy", "") + `]}`,
		"health-ip.json":        `{"TargetHealthDescriptions": [` + health("10.0.1.20", 443, "healthy", "") + `]}`,
		"health-none.json":      `{"TargetHealthDescriptions": [` + health("i-1", 7000, "healthy", "") + `]}`,
	} {
		files[k] = v
	}
	return files
}

// lbByID returns a load balancer of the scenario.
func lbByID(t *testing.T, s *engine.Scenario, id string) *engine.LoadBalancer {
	t.Helper()
	return byID(t, "load balancer", s.LoadBalancers, id, func(lb *engine.LoadBalancer) string { return lb.ID })
}

func TestLoadBalancers(t *testing.T) {
	r := importJSON(t, elbFiles())
	assertValid(t, r.Scenario)
	var ids []string
	for _, lb := range r.Scenario.LoadBalancers {
		ids = append(ids, lb.ID)
	}
	if want := []string{"nlb-1", "gwlb-1", "nlb-1-7777dddd7777dddd"}; !reflect.DeepEqual(ids, want) {
		t.Fatalf("load balancers %v, want %v", ids, want)
	}
	nlb := lbByID(t, r.Scenario, "nlb-1")
	if nlb.Type != "network" || nlb.VPC != "vpc-1" || !reflect.DeepEqual(nlb.Subnets, []string{"subnet-a"}) {
		t.Errorf("nlb-1 = %s", asJSON(nlb))
	}
	if gw := lbByID(t, r.Scenario, "gwlb-1"); gw.Type != "gateway" || !reflect.DeepEqual(gw.Subnets, []string{"subnet-b"}) {
		t.Errorf("gwlb-1 = %s", asJSON(gw))
	}
	for path, words := range map[string][]string{
		"LoadBalancers[0].AvailabilityZones[0].LoadBalancerAddresses[0]": {"not mapped", "node address 10.0.1.5"},
		"LoadBalancers[0].AvailabilityZones[1]":                          {"not mapped", "subnet-zzz", "not an imported subnet of vpc-1"},
		"LoadBalancers[2]":                                               {"not mapped", "alb-1", "Application Load Balancer"},
		"LoadBalancers[3]":                                               {"not mapped", "nlb-failed is failed"},
		"LoadBalancers[4]":                                               {"not mapped", "nlb-far", "vpc-9"},
		"LoadBalancers[5]":                                               {"not mapped", "nlb-nosub has no imported subnet"},
		"LoadBalancers[6]":                                               {"not mapped", "appears twice"},
		"LoadBalancers[7].SecurityGroups":                                {"not mapped", "sg-app", "none on load balancers"},
	} {
		assertNote(t, r, path, words...)
	}
	for _, words := range [][]string{
		{"mapped as nlb-1-7777dddd7777dddd", "already has the ID nlb-1"},
		{"is provisioning: mapped as if active"},
		{"internet-facing", "mapped as an internal one"},
		{"IpAddressType dualstack", "IPv4 nodes only"},
	} {
		assertNote(t, r, "LoadBalancers[7]", words...)
	}
	assertNote(t, r, "NextMarker", "more items follow", "--max-items")
}

func TestListeners(t *testing.T) {
	r := importJSON(t, elbFiles())
	want := []engine.Listener{{Port: 443, Protocol: "TCP"}, {Port: 80, Protocol: "TCP"}, {Port: 8080, Protocol: "TCP"}}
	if got := lbByID(t, r.Scenario, "nlb-1").Listeners; !reflect.DeepEqual(got, want) {
		t.Errorf("nlb-1 listeners %s, want %s", asJSON(got), asJSON(want))
	}
	if got := lbByID(t, r.Scenario, "gwlb-1").Listeners; !reflect.DeepEqual(got, []engine.Listener{{Port: 6081, Protocol: "GENEVE"}}) {
		t.Errorf("gwlb-1 listeners %s, want 6081/GENEVE", asJSON(got))
	}
	for path, words := range map[string][]string{
		"Listeners[1].DefaultActions[0]": {"splits traffic between 2 target groups", "no weights"},
		"Listeners[2]":                   {"not mapped", "already has a listener on port 443"},
		"Listeners[3]":                   {"prints no port", "6081/GENEVE"},
		"Listeners[4]":                   {"not mapped", "l-alb", "not one of the imported load balancers"},
		"Listeners[5].DefaultActions[0]": {"not mapped", "a redirect action of nlb-1"},
		"Listeners[5].DefaultActions[1]": {"not mapped", "missing", "not in the imported describe-target-groups output"},
	} {
		assertNote(t, r, path, words...)
	}
}

func TestParseELBARN(t *testing.T) {
	a, ok := parseELBARN("arn:aws:elasticloadbalancing:us-east-2:444455556666:loadbalancer/net/api-nlb/5f2c9e1a7b3d4c6e")
	if !ok || a != (elbARN{region: "us-east-2", account: "444455556666", name: "api-nlb", id: "5f2c9e1a7b3d4c6e"}) {
		t.Errorf("parseELBARN = %+v, %v", a, ok)
	}
	for _, bad := range []string{"", "arn:aws:ec2:us-east-2:444455556666:vpc/vpc-1", elbARNPrefix + "targetgroup/app/1", elbARNPrefix + "loadbalancer/net//1"} {
		if _, ok := parseELBARN(bad); ok {
			t.Errorf("parseELBARN(%q) ok", bad)
		}
	}
}
