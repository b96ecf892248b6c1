package awsimport

import (
	"reflect"
	"strings"
	"testing"

	"privatelink-playground/engine"
)

func TestTargets(t *testing.T) {
	r := importJSON(t, elbFiles())
	assertValid(t, r.Scenario)
	yes, no := true, false
	want := []engine.Target{
		{Instance: "i-1", Port: 8443, Healthy: &no},
		{Instance: "i-2", Port: 8443, Healthy: &yes},
		{Instance: "i-3", Port: 8443, Healthy: &no},
		{Instance: "i-1", Port: 8080, Healthy: &yes},
	}
	if got := lbByID(t, r.Scenario, "nlb-1").Targets; !reflect.DeepEqual(got, want) {
		t.Errorf("nlb-1 targets\n%s\nwant\n%s", asJSON(got), asJSON(want))
	}
	if got := lbByID(t, r.Scenario, "gwlb-1").Targets; !reflect.DeepEqual(got, []engine.Target{{Instance: "i-3", Port: 6081, Healthy: &yes}}) {
		t.Errorf("gwlb-1 targets %s", asJSON(got))
	}
	if got := lbByID(t, r.Scenario, "nlb-1-7777dddd7777dddd").Targets; len(got) != 0 {
		t.Errorf("no group serves the second nlb-1, yet it has targets %s", asJSON(got))
	}
	for path, words := range map[string][]string{
		"LoadBalancers[0]": {"forward to 2 target groups (app, web)", "one list of targets per load balancer"},
		"TargetGroups[3]":  {"not mapped", "ips", "of type ip", "instances only"},
		"TargetGroups[4]":  {"not mapped", "orphan", "serves none of the imported load balancers"},
		"TargetGroups[5]":  {"not mapped", "appears twice"},
	} {
		assertNote(t, r, path, words...)
	}
	for _, c := range []struct {
		file, path string
		words      []string
	}{
		{"health-app.json", "TargetHealthDescriptions[2].TargetHealth", []string{"i-3 is initial (Elb.InitialHealthChecking)", "mapped as unhealthy"}},
		{"health-app.json", "TargetHealthDescriptions[3]", []string{"not mapped", `"i-404"`, "not an imported instance"}},
		{"health-web.json", "TargetHealthDescriptions[1].TargetHealth", []string{"not mapped", "i-2 is draining", "deregistered"}},
		{"health-web.json", "TargetHealthDescriptions[2].TargetHealth", []string{"not mapped", "i-3 is unused (Target.NotRegistered)"}},
		{"health-app.json", "TargetHealthDescriptions", []string{"tied to target group app", "only imported group", "the output's 4 targets"}},
		{"health-web.json", "TargetHealthDescriptions", []string{"tied to target group web"}},
		{"health-gw.json", "TargetHealthDescriptions", []string{"tied to target group appliances"}},
		{"health-ambiguous.json", "TargetHealthDescriptions", []string{"not mapped", "does not name its target group", "imported groups fit its targets (app, web, appliances, orphan)", "no load balancer gets its 1 target", "health is not used"}},
		{"health-ip.json", "TargetHealthDescriptions", []string{"not mapped", "its 1 target, of target group ips, which is not mapped"}},
		{"health-none.json", "TargetHealthDescriptions", []string{"not mapped", "none of the 5 imported groups fits"}},
	} {
		assertFileNote(t, r, c.file, c.path, c.words...)
	}
}

// assertFileNote fails unless a note of file at path holds every one of
// words.
func assertFileNote(t *testing.T, r *Result, file, path string, words ...string) {
	t.Helper()
	for _, n := range r.Unmapped {
		if n.File != file || n.Path != path {
			continue
		}
		ok := true
		for _, w := range words {
			ok = ok && strings.Contains(n.What, w)
		}
		if ok {
			return
		}
	}
	t.Errorf("no note of %s at %s saying %q; notes: %v", file, path, words, r.Unmapped)
}

// With one target group, describe-target-health is its own; targets
// outside the load balancer's VPC, and health states the playground does
// not hold, are noted.
func TestTargetHealthOfTheOnlyGroup(t *testing.T) {
	files := providerFiles()
	files["lbs.json"] = `{"LoadBalancers": [{"LoadBalancerArn": "` + nlbARN + `", "LoadBalancerName": "nlb-1", "Type": "network", "VpcId": "vpc-1",
		"AvailabilityZones": [{"ZoneName": "eu-west-1a", "SubnetId": "subnet-a"}]}]}`
	files["tg.json"] = `{"TargetGroups": [{"TargetGroupArn": "` + tgAppARN + `", "TargetGroupName": "app", "Port": 8443, "VpcId": "vpc-1", "LoadBalancerArns": ["` + nlbARN + `"]}]}`
	files["health.json"] = `{"TargetHealthDescriptions": [
		{"Target": {"Id": "i-9", "Port": 8443}, "TargetHealth": {"State": "healthy"}},
		{"Target": {"Id": "i-1", "Port": 8443}},
		{"Target": {"Id": "i-2"}, "TargetHealth": {"State": "unavailable", "Reason": "Target.HealthCheckDisabled"}},
		{"Target": {"Id": "i-3", "Port": 9000}, "TargetHealth": {"State": "sleepy"}}]}`
	r := importJSON(t, files)
	assertValid(t, r.Scenario)
	want := []engine.Target{{Instance: "i-1", Port: 8443}, {Instance: "i-2", Port: 8443}, {Instance: "i-3", Port: 9000}}
	if got := lbByID(t, r.Scenario, "nlb-1").Targets; !reflect.DeepEqual(got, want) {
		t.Errorf("targets %s, want %s (health unset)", asJSON(got), asJSON(want))
	}
	assertNote(t, r, "TargetHealthDescriptions[0]", "not mapped", "i-9 is in vpc-2, not in vpc-1 of nlb-1")
	assertNote(t, r, "TargetHealthDescriptions[1]", "no TargetHealth", "healthy by default")
	assertNote(t, r, "TargetHealthDescriptions[2].TargetHealth", "unavailable (Target.HealthCheckDisabled)", "healthy by default")
	assertNote(t, r, "TargetHealthDescriptions[3].TargetHealth", `"sleepy"`, "healthy by default")
	if hasPathNote(r.Unmapped, "TargetHealthDescriptions") {
		t.Errorf("the output of the only group needs no note on its tie: %v", r.Unmapped)
	}
	// Without describe-target-groups, the output's group is unknown.
	delete(files, "tg.json")
	r = importJSON(t, files)
	assertNote(t, r, "TargetHealthDescriptions", "not mapped", "no describe-target-groups output", "gets its 4 targets")
	if got := lbByID(t, r.Scenario, "nlb-1").Targets; len(got) != 0 {
		t.Errorf("targets %s without a target group", asJSON(got))
	}
	assertValid(t, r.Scenario)
}

// hasPathNote reports whether a note is at exactly path.
func hasPathNote(notes []Note, path string) bool {
	for _, n := range notes {
		if n.Path == path {
			return true
		}
	}
	return false
}
