package engine

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// valFixture loads testdata/valid-full.json, a scenario with one of
// everything that must validate cleanly.
func valFixture(t *testing.T) *Scenario {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "valid-full.json"))
	if err != nil {
		t.Fatal(err)
	}
	s, ps := Load(data)
	if s == nil || len(ps) > 0 {
		t.Fatalf("fixture does not load cleanly:\n%v", ps)
	}
	return s
}

// valJSON decodes a JSON fragment into a model value, failing the test on
// error; it keeps mutations in the table short.
func valJSON[T any](t *testing.T, s string) T {
	t.Helper()
	var v T
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		t.Fatalf("bad test JSON %s: %v", s, err)
	}
	return v
}

// valWant is one expected problem: its rule and path.
type valWant struct{ rule, path string }

// valCase is one row of a rule table: a mutation of the fixture and the
// problems it must produce (none for a case the rule allows).
type valCase struct {
	rule   string
	name   string
	mutate func(t *testing.T, s *Scenario)
	want   []valWant
}

// runValCases runs a rule table: each row's problems must be exactly want.
func runValCases(t *testing.T, cases []valCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.rule+"/"+c.name, func(t *testing.T) {
			s := valFixture(t)
			c.mutate(t, s)
			got := Validate(s)
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

func TestValidateExamples(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "shared", "examples", "*.json"))
	files = append(files, filepath.Join("testdata", "valid-full.json"))
	n := 0
	for _, f := range files {
		if strings.HasSuffix(f, ".actions.json") {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		s, ps := Load(data)
		if s == nil || len(ps) > 0 {
			t.Errorf("%s: want valid, got:\n%v", f, ps)
		}
		n++
	}
	if n == 0 {
		t.Fatal("no scenario to validate")
	}
}

func TestValidateNilAndEmpty(t *testing.T) {
	if ps := Validate(nil); len(ps) != 1 || ps[0].Rule != "VAL-04" {
		t.Errorf("Validate(nil) = %v", ps)
	}
	if ps := Validate(&Scenario{Version: 1}); len(ps) != 0 {
		t.Errorf("empty scenario: %v", ps)
	}
}

func TestValidateDoesNotMutate(t *testing.T) {
	s := valFixture(t)
	before, _ := json.Marshal(s)
	Validate(s)
	after, _ := json.Marshal(s)
	if string(before) != string(after) {
		t.Error("Validate changed its input")
	}
}

func TestValidateDocumentOrder(t *testing.T) {
	s := valFixture(t)
	s.Traces[0].From = "i-nope"
	s.VPCs[1].EnableDNSSupport = new(false)
	s.VPCs[1].EnableDNSHostnames = new(true)
	s.Accounts = append(s.Accounts, Account{ID: "12"})
	s.VPCs[0].Subnets = append(s.VPCs[0].Subnets, Subnet{ID: "subnet-x", AvailabilityZone: "us-east-1a", CIDRBlock: "10.9.0.0/24"})
	got := Validate(s)
	want := []string{"accounts[2].id", "vpcs[0].subnets[4].cidrBlock", "vpcs[1].enableDnsHostnames", "traces[0].from"}
	if len(got) != len(want) {
		t.Fatalf("got %v", got)
	}
	for i := range want {
		if got[i].Path != want[i] {
			t.Errorf("problem %d at %s, want %s", i, got[i].Path, want[i])
		}
	}
	if msg := got[1].String(); msg != "VAL-02 vpcs[0].subnets[4].cidrBlock: 10.9.0.0/24 is not inside the VPC's CIDRs 10.0.0.0/16" {
		t.Errorf("message %q", msg)
	}
}

func TestDocOrderKey(t *testing.T) {
	ordered := []string{"", "version", "accounts[2].id", "vpcs[0]", "vpcs[0].id", "vpcs[0].subnets[2].cidrBlock",
		"vpcs[0].subnets[10]", "vpcs[0].endpoints[1].ipAddresses.subnet-a", "vpcs[2]", "vpcs[10]", "traces[0].from", "layout", "zzz"}
	for i := 1; i < len(ordered); i++ {
		if c := compareSteps(docOrderKey(ordered[i-1]), docOrderKey(ordered[i])); c >= 0 {
			t.Errorf("%s should sort before %s", ordered[i-1], ordered[i])
		}
	}
}

func TestProblemString(t *testing.T) {
	p := Problem{Rule: "VAL-02", Path: "vpcs[0].subnets[2].cidrBlock", Message: "bad"}
	if p.String() != "VAL-02 vpcs[0].subnets[2].cidrBlock: bad" {
		t.Error(p.String())
	}
	ps := Problems{p, {Rule: "VAL-04", Message: "x"}}
	if ps.Error() != "VAL-02 vpcs[0].subnets[2].cidrBlock: bad\nVAL-04 $: x" {
		t.Error(ps.Error())
	}
	if r := ps.Rules(); len(r) != 2 || r[0] != "VAL-02" {
		t.Error(r)
	}
}
