package engine

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestApplyDecodeActions_Strict(t *testing.T) {
	cases := []struct {
		name, doc, path, msg string
	}{
		{"not an array", `{"action": "advance-time"}`, "$", "want a JSON array"},
		{"not an object", `[42]`, "$[0]", "want an action object"},
		{"unknown field", `[{"action": "advance-time", "seconds": 1}, {"action": "advance-time", "sconds": 1}]`, "$[1].sconds", "unknown field"},
		{"field of another action", `[{"action": "advance-time", "seconds": 1, "vpcId": "vpc-1"}]`, "$[0].vpcId", "takes no vpcId"},
		{"missing action", `[{"seconds": 1}]`, "$[0].action", "missing"},
		{"unknown action", `[{"action": "create-vpc"}]`, "$[0].action", "unknown action"},
		{"missing required", `[{"action": "accept-vpc-endpoint-connections", "serviceId": "vpce-svc-1"}]`, "$[0].vpcEndpointIds", "missing"},
		{"wrong type", `[{"action": "advance-time", "seconds": "60"}]`, "$[0].seconds", "want an integer"},
		{"negative", `[{"action": "advance-time", "seconds": -1}]`, "$[0].seconds", "0 or more"},
		{"trailing data", `[] []`, "$", "unexpected data"},
		{"syntax", `[{"action": }]`, "$[0].action", "invalid JSON"},
		{"duplicate", `[{"action": "advance-time", "seconds": 1, "seconds": 2}]`, "$[0].seconds", "duplicate"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := DecodeActions([]byte(c.doc))
			var ps Problems
			if !errors.As(err, &ps) || len(ps) == 0 {
				t.Fatalf("error %v, want Problems", err)
			}
			if ps[0].Path != c.path || !strings.Contains(ps[0].Message, c.msg) {
				t.Errorf("first problem %v, want %s: …%s…", ps[0], c.path, c.msg)
			}
		})
	}
}

func TestApplyDecodeActions_AllFields(t *testing.T) {
	acts, err := DecodeActions([]byte(`[
		{"action": "create-vpc-endpoint", "vpcId": "vpc-1", "serviceName": "com.amazonaws.us-east-1.s3", "vpcEndpointType": "Interface",
		 "subnetIds": ["subnet-1"], "securityGroupIds": ["sg-1"], "privateDnsEnabled": true, "privateDnsOnlyForInboundResolverEndpoint": false,
		 "ipAddressType": "ipv4", "serviceRegion": "us-east-1", "policyDocument": {"Statement": []}, "vpcEndpointId": "vpce-1",
		 "ipAddresses": {"subnet-1": "10.0.0.9"}, "account": "111122223333", "principal": "arn:aws:iam::111122223333:role/r"},
		{"action": "modify-vpc-endpoint", "vpcEndpointId": "vpce-1", "addSubnetIds": ["subnet-2"], "removeSubnetIds": [], "resetPolicy": true},
		{"action": "advance-time", "seconds": 0}]`))
	if err != nil {
		t.Fatal(err)
	}
	if len(acts) != 3 || acts[0].IPAddresses["subnet-1"] != "10.0.0.9" || !*acts[0].PrivateDNSEnabled || string(acts[0].PolicyDocument) != `{"Statement": []}` || !acts[1].ResetPolicy {
		t.Errorf("decoded %+v", acts)
	}
	if acts, err := DecodeActions([]byte(` [] `)); err != nil || acts == nil || len(acts) != 0 {
		t.Errorf("empty list: %v, %v", acts, err)
	}
	tags := map[string]bool{}
	for f := range reflect.TypeFor[Action]().Fields() {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		tags[name] = true
	}
	for _, name := range ActionNames() {
		fields, ok := actionFields(name)
		if !ok {
			t.Errorf("%s has no field list", name)
		}
		for _, f := range fields {
			if !tags[strings.TrimPrefix(f, "!")] {
				t.Errorf("%s takes %s, which Action has no field for", name, f)
			}
		}
	}
}

// FuzzApply feeds random actions to Apply on the lifecycle fixture: it
// never panics, and whatever it accepts leaves a valid scenario.
func FuzzApply(f *testing.F) {
	for _, seed := range []string{
		lifecycleActions,
		`[` + connect("vpce-x", "vpce-svc-accept") + `, {"action": "accept-vpc-endpoint-connections", "serviceId": "vpce-svc-accept", "vpcEndpointIds": ["vpce-x"]}, {"action": "advance-time", "seconds": 61}]`,
		`[{"action": "modify-vpc-endpoint", "vpcEndpointId": "vpce-x", "addSubnetIds": ["subnet-b"], "ipAddresses": {"subnet-b": "10.0.2.9"}}]`,
		`[{"action": "delete-vpc-endpoint-service-configurations", "serviceIds": ["vpce-svc-open", "vpce-svc-accept"]}]`,
		`[{"action": "advance-time", "seconds": 9223372036854775807}, {"action": "advance-time", "seconds": 9223372036854775807}]`,
		`[{"action": "create-vpc-endpoint", "vpcId": "vpc-consumer", "serviceName": "com.amazonaws.us-east-1.s3", "policyDocument": {"Statement": {"Effect": "Allow"}}}]`,
		`[{"action": "modify-vpc-endpoint-service-permissions", "serviceId": "vpce-svc-closed", "addAllowedPrincipals": ["*"], "removeAllowedPrincipals": ["x"]}]`,
	} {
		f.Add([]byte(seed))
	}
	data, err := jsonFixture("lifecycle.json")
	if err != nil {
		f.Fatal(err)
	}
	base, ps := Load(data)
	if len(ps) > 0 {
		f.Fatal(ps)
	}
	f.Fuzz(func(t *testing.T, doc []byte) {
		acts, err := DecodeActions(doc)
		if err != nil {
			return
		}
		out, events, err := Apply(base, acts)
		if err != nil {
			return
		}
		if ps := Validate(out); len(ps) > 0 {
			t.Fatalf("invalid result %v for %s", ps, doc)
		}
		if _, err := json.Marshal(events); err != nil {
			t.Fatal(err)
		}
	})
}
