package engine

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// decVPC wraps VPC fields in a minimal document: one VPC with the required
// fields, then extra (a JSON fragment starting with a comma, or "").
func decVPC(extra string) string {
	return `{"version": 1, "vpcs": [{"id": "vpc-1", "account": "111122223333", "cidrBlocks": ["10.0.0.0/16"]` + extra + `}]}`
}

func TestRule_VAL04_Decode(t *testing.T) {
	long := strings.Repeat("x", MaxNameLength+1)
	deep := strings.Repeat("[", MaxDepth+5) + strings.Repeat("]", MaxDepth+5)
	many := "[" + strings.Repeat(`"a",`, MaxArrayItems) + `"a"]`
	bigPolicy := `{"Statement": [{"Sid": "` + strings.Repeat("p", MaxPolicyLength) + `"}]}`
	cases := []struct {
		rule, name, in string
		want           []valWant
	}{
		{"VAL-04", "minimal", `{"version": 1}`, nil},
		{"VAL-04", "one VPC", decVPC(""), nil},
		{"VAL-04", "unknown nested field", decVPC(`, "subnets": [{"id": "s1", "availabilityZone": "a"}, {"id": "s2", "availabilityZone": "a", "cidrBlok": "10.0.0.0/24"}]`),
			[]valWant{{"VAL-04", "vpcs[0].subnets[1].cidrBlok"}}},
		{"VAL-04", "field names are case-sensitive", `{"version": 1, "VPCs": []}`, []valWant{{"VAL-04", "VPCs"}}},
		{"VAL-04", "boolean wanted", decVPC(`, "enableDnsSupport": "yes"`), []valWant{{"VAL-04", "vpcs[0].enableDnsSupport"}}},
		{"VAL-04", "integer wanted", `{"version": 1, "traces": [{"from": "i-1", "to": "x", "port": 1.5}]}`, []valWant{{"VAL-04", "traces[0].port"}}},
		{"VAL-04", "array wanted", decVPC(`, "subnets": {}`), []valWant{{"VAL-04", "vpcs[0].subnets"}}},
		{"VAL-04", "string wanted", `{"version": 1, "region": 5}`, []valWant{{"VAL-04", "region"}}},
		{"VAL-04", "null for an optional pointer", decVPC(`, "enableDnsSupport": null`), nil},
		{"VAL-04", "map of strings", decVPC(`, "endpoints": [{"id": "e", "vpcEndpointType": "Interface", "serviceName": "x", "tags": {"Name": 1, "a b": "c"}}]`),
			[]valWant{{"VAL-04", "vpcs[0].endpoints[0].tags.Name"}}},
		{"VAL-04", "missing required field", `{"version": 1, "vpcs": [{"id": "vpc-1", "cidrBlocks": []}]}`, []valWant{{"VAL-04", "vpcs[0].account"}}},
		{"VAL-04", "duplicate field", `{"version": 1, "region": "us-east-1", "region": "eu-west-1"}`, []valWant{{"VAL-04", "region"}}},
		{"VAL-04", "missing version", `{}`, []valWant{{"VAL-04", "version"}}},
		{"VAL-04", "version 2", `{"version": 2}`, []valWant{{"VAL-04", "version"}}},
		{"VAL-04", "version as a string", `{"version": "1"}`, []valWant{{"VAL-04", "version"}, {"VAL-04", "version"}}},
		{"VAL-04", "trailing data", `{"version": 1} {}`, []valWant{{"VAL-04", ""}}},
		{"VAL-04", "trailing garbage", `{"version": 1} x`, []valWant{{"VAL-04", ""}}},
		{"VAL-04", "not an object", `[1]`, []valWant{{"VAL-04", ""}}},
		{"VAL-04", "empty input", ``, []valWant{{"VAL-04", ""}}},
		{"VAL-04", "truncated", `{"version": 1, "vpcs": [`, []valWant{{"VAL-04", "vpcs[0]"}}},
		{"VAL-04", "syntax error", `{"version": 1, "title": tru}`, []valWant{{"VAL-04", "title"}}},
		{"VAL-04", "ID too long", `{"version": 1, "accounts": [{"id": "` + long + `"}]}`, []valWant{{"VAL-04", "accounts[0].id"}}},
		{"VAL-04", "long description allowed", `{"version": 1, "description": "` + long + long + `"}`, nil},
		{"VAL-04", "too many items", `{"version": 1, "vpcs": [{"id": "v", "account": "a", "cidrBlocks": ` + many + `}]}`, []valWant{{"VAL-04", "vpcs[0].cidrBlocks"}}},
		{"VAL-04", "nested too deep in layout", `{"version": 1, "layout": ` + deep + `}`, []valWant{{"VAL-04", "layout"}}},
		{"VAL-04", "nested too deep in an unknown field", `{"version": 1, "x": ` + deep + `}`, []valWant{{"VAL-04", "x"}, {"VAL-04", "x"}}},
		{"VAL-04", "layout is free-form", `{"version": 1, "layout": {"anything": [1, {"goes": null}]}}`, nil},
		{"VAL-04", "policies are free-form", `{"version": 1, "buckets": [{"name": "b", "account": "1", "policy": {"Statment": 1}}]}`, nil},
		{"POL-06", "policy too long", decVPC(`, "endpoints": [{"id": "e", "vpcEndpointType": "Gateway", "serviceName": "x", "policyDocument": ` + bigPolicy + `}]`),
			[]valWant{{"POL-06", "vpcs[0].endpoints[0].policyDocument"}}},
		{"POL-06", "identity policy too long", `{"version": 1, "principals": [{"arn": "a", "policies": [{}, ` + bigPolicy + `]}]}`,
			[]valWant{{"POL-06", "principals[0].policies[1]"}}},
	}
	for _, c := range cases {
		t.Run(c.rule+"/"+c.name, func(t *testing.T) {
			s, err := Decode([]byte(c.in))
			var got Problems
			if err != nil && !errors.As(err, &got) {
				t.Fatalf("error is not Problems: %v", err)
			}
			if (s == nil) != (err != nil) {
				t.Errorf("scenario %v with error %v", s != nil, err)
			}
			ok := len(got) == len(c.want)
			for i := 0; ok && i < len(got); i++ {
				ok = got[i].Rule == c.want[i].rule && got[i].Path == c.want[i].path
			}
			if !ok {
				t.Errorf("got problems:\n%v\nwant %v", got, c.want)
			}
		})
	}
}

func TestDecodeMessages(t *testing.T) {
	_, err := Decode([]byte(decVPC(`, "enableDnsSupport": "yes", "subnets": [{"id": "s", "availabilityZone": "a", "cidrBlok": "x"}]`)))
	want := "VAL-04 vpcs[0].enableDnsSupport: want a boolean, got a string\nVAL-04 vpcs[0].subnets[0].cidrBlok: unknown field"
	if err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
}

func TestDecodeDocumentTooLarge(t *testing.T) {
	in := []byte(`{"version": 1, "description": "` + strings.Repeat(" ", MaxDocumentBytes) + `"}`)
	_, err := Decode(in)
	var ps Problems
	if !errors.As(err, &ps) || len(ps) != 1 || ps[0].Rule != "VAL-04" || ps[0].Path != "" {
		t.Errorf("got %v", err)
	}
}

func TestDecodeKeepsRawPolicies(t *testing.T) {
	policy := `{ "Version": "2012-10-17",
	  "Statement": [ {"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"} ] }`
	s, err := Decode([]byte(`{"version": 1, "buckets": [{"name": "b", "account": "1", "policy": ` + policy + `}], "layout": [1, 2]}`))
	if err != nil {
		t.Fatal(err)
	}
	if string(s.Buckets[0].Policy) != policy {
		t.Errorf("policy %q, want %q", s.Buckets[0].Policy, policy)
	}
	if string(s.Layout) != "[1, 2]" {
		t.Errorf("layout %q", s.Layout)
	}
	s, err = Decode([]byte(`{"version": 1, "buckets": [{"name": "b", "account": "1", "policy": null}]}`))
	if err != nil || s.Buckets[0].Policy != nil {
		t.Errorf("null policy: %v %q", err, s.Buckets[0].Policy)
	}
}

func TestDecodeEmptyVersusOmitted(t *testing.T) {
	s, err := Decode([]byte(decVPC(`, "securityGroups": [{"id": "sg-1", "ingress": [], "egress": []}, {"id": "sg-2", "ingress": []}]`)))
	if err != nil {
		t.Fatal(err)
	}
	g := s.VPCs[0].SecurityGroups
	if g[0].Egress == nil || len(g[0].Egress) != 0 || g[1].Egress != nil {
		t.Errorf("egress: %#v %#v", g[0].Egress, g[1].Egress)
	}
}

// TestDecodeExamplesRoundTrip decodes each example, encodes it with
// encoding/json and decodes it again: the model survives unchanged.
func TestDecodeExamplesRoundTrip(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "shared", "examples", "*.json"))
	files = append(files, filepath.Join("testdata", "valid-full.json"))
	for _, f := range files {
		if strings.HasSuffix(f, ".actions.json") {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		s, err := Decode(data)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		out, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		s2, err := Decode(out)
		if err != nil {
			t.Fatalf("%s: re-decode: %v", f, err)
		}
		out2, _ := json.Marshal(s2)
		if !bytes.Equal(out, out2) {
			t.Errorf("%s: round trip changed the scenario", f)
		}
	}
}
