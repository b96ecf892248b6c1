package app

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"privatelink-playground/engine/lessons"
)

func TestParseField(t *testing.T) {
	for _, tc := range []struct {
		kind       fieldKind
		text       string
		want       any
		wantRemove bool
		wantErr    bool
	}{
		{kind: fieldText, text: "rtb-private", want: "rtb-private"},
		{kind: fieldText, text: "  10.0.1.0/24 ", want: "10.0.1.0/24"},
		{kind: fieldText, text: "", wantRemove: true},
		{kind: fieldText, text: "   ", wantRemove: true},
		{kind: fieldList, text: "subnet-a, subnet-b", want: []any{"subnet-a", "subnet-b"}},
		{kind: fieldList, text: " a ,, b ,", want: []any{"a", "b"}},
		{kind: fieldList, text: "only", want: []any{"only"}},
		{kind: fieldList, text: "", want: []any{}},
		{kind: fieldList, text: " , ", want: []any{}},
		{kind: fieldBool, text: "true", want: true},
		{kind: fieldBool, text: "false", want: false},
		{kind: fieldBool, text: "", want: false},
		{kind: fieldBool, text: "yes", wantErr: true},
		{kind: fieldOptBool, text: "true", want: true},
		{kind: fieldOptBool, text: "false", want: false},
		{kind: fieldOptBool, text: "default", wantRemove: true},
		{kind: fieldOptBool, text: "", wantRemove: true},
		{kind: fieldOptBool, text: "maybe", wantErr: true},
		{kind: fieldNumber, text: "42", want: json.Number("42")},
		{kind: fieldNumber, text: " -1.5 ", want: json.Number("-1.5")},
		{kind: fieldNumber, text: "", wantRemove: true},
		{kind: fieldNumber, text: "abc", wantErr: true},
		{kind: fieldNumber, text: "NaN", wantErr: true},
		{kind: fieldNumber, text: "0x10", wantErr: true},
		{kind: fieldNested, text: "{}", wantErr: true},
	} {
		name := fmt.Sprintf("%s/%q", tc.kind, tc.text)
		v, remove, err := parseField(tc.kind, tc.text)
		if (err != nil) != tc.wantErr {
			t.Errorf("%s: error %v, want error %v", name, err, tc.wantErr)
			continue
		}
		if remove != tc.wantRemove {
			t.Errorf("%s: remove %v, want %v", name, remove, tc.wantRemove)
		}
		if !tc.wantErr && !reflect.DeepEqual(v, tc.want) {
			t.Errorf("%s: got %#v, want %#v", name, v, tc.want)
		}
	}
}

func TestTextOf(t *testing.T) {
	for _, tc := range []struct {
		kind fieldKind
		v    any
		want string
	}{
		{fieldText, "10.0.0.0/24", "10.0.0.0/24"},
		{fieldText, nil, ""},
		{fieldList, []any{"a", "b", "c"}, "a, b, c"},
		{fieldList, []any{}, ""},
		{fieldList, nil, ""},
		{fieldBool, true, "true"},
		{fieldBool, nil, "false"},
		{fieldOptBool, true, "true"},
		{fieldOptBool, false, "false"},
		{fieldOptBool, nil, "default"},
		{fieldNumber, json.Number("443"), "443"},
		{fieldNumber, nil, ""},
	} {
		if got := textOf(tc.kind, tc.v); got != tc.want {
			t.Errorf("textOf(%s, %#v) = %q, want %q", tc.kind, tc.v, got, tc.want)
		}
	}
	// What an input shows converts back to the value it came from.
	for _, tc := range []struct {
		kind fieldKind
		v    any
	}{
		{fieldList, []any{"subnet-a", "subnet-b"}},
		{fieldOptBool, false},
		{fieldBool, true},
		{fieldNumber, json.Number("8")},
		{fieldText, "ipv4"},
	} {
		back, remove, err := parseField(tc.kind, textOf(tc.kind, tc.v))
		if err != nil || remove || !reflect.DeepEqual(back, tc.v) {
			t.Errorf("%s %#v: round trip gave %#v (remove %v, error %v)", tc.kind, tc.v, back, remove, err)
		}
	}
}

func TestKindOfType(t *testing.T) {
	for _, tc := range []struct {
		kind, field string
		want        fieldKind
	}{
		{"vpc", "cidrBlocks", fieldList},
		{"vpc", "enableDnsSupport", fieldOptBool},
		{"vpc", "internetGateway", fieldText},
		{"vpc", "subnets", fieldNested},
		{"route-table", "main", fieldBool},
		{"route-table", "routes", fieldNested},
		{"endpoint", "privateDnsEnabled", fieldOptBool},
		{"endpoint", "subnetIds", fieldList},
		{"endpoint", "policyDocument", fieldNested},
		{"endpoint", "ipAddresses", fieldNested},
		{"endpoint", "tags", fieldNested},
		{"endpoint", "stateSince", fieldNumber},
		{"load-balancer", "subnets", fieldList},
		{"load-balancer", "listeners", fieldNested},
		{"bucket", "policy", fieldNested},
	} {
		got, found := fieldNested, false
		for _, mf := range modelFields(kindTypes[tc.kind]) {
			if mf.name == tc.field {
				got, found = mf.kind, true
			}
		}
		if !found || got != tc.want {
			t.Errorf("%s.%s: %s (found %v), want %s", tc.kind, tc.field, got, found, tc.want)
		}
	}
}

func TestKindOfValue(t *testing.T) {
	for _, tc := range []struct {
		v    any
		want fieldKind
	}{
		{"x", fieldText},
		{true, fieldBool},
		{json.Number("1"), fieldNumber},
		{[]any{"a"}, fieldList},
		{[]any{}, fieldNested},
		{[]any{map[string]any{}}, fieldNested},
		{map[string]any{}, fieldNested},
		{nil, fieldNested},
	} {
		if got := kindOfValue(tc.v); got != tc.want {
			t.Errorf("kindOfValue(%#v) = %s, want %s", tc.v, got, tc.want)
		}
	}
}

// fieldsOf returns the form's fields of resource id of the store's document.
func fieldsOf(t *testing.T, s *Store, id string) (Resource, []formField) {
	t.Helper()
	for _, r := range s.Resources() {
		if r.ID == id {
			doc, err := decodeDocument(s.Document())
			if err != nil {
				t.Fatal(err)
			}
			v, err := docGet(doc, r.Path)
			if err != nil {
				t.Fatal(err)
			}
			return r, formFields(r.Kind, v)
		}
	}
	t.Fatalf("no resource %s", id)
	return Resource{}, nil
}

func field(t *testing.T, fields []formField, name string) formField {
	t.Helper()
	for _, f := range fields {
		if f.Name == name {
			return f
		}
	}
	t.Fatalf("no field %s in %v", name, fields)
	return formField{}
}

func describe(fields []formField) string {
	var parts []string
	for _, f := range fields {
		s := f.Name + ":" + f.Kind.String()
		if !f.Present {
			s += "(absent)"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " ")
}

func TestFormFieldsOfTheDefaultLesson(t *testing.T) {
	s := NewStore(lessons.Default())
	for _, tc := range []struct {
		id, want string
	}{
		{"subnet-private", "id:text availabilityZone:text cidrBlock:text routeTable:text networkAcl:text(absent)"},
		{"vpc-0a1b2c3d", "id:text account:text cidrBlocks:list enableDnsSupport:optional-bool enableDnsHostnames:optional-bool " +
			"internetGateway:text virtualPrivateGateway:text(absent) subnets:nested routeTables:nested securityGroups:nested instances:nested endpoints:nested"},
		{"vpce-1a2b3c4d", "id:text vpcEndpointType:text serviceName:text routeTableIds:list " +
			"privateDnsEnabled:optional-bool(absent) privateDnsOnlyForInboundResolverEndpoint:optional-bool(absent) ipAddressType:text(absent) state:text(absent)"},
		{"rtb-public", "id:text main:bool(absent) routes:nested"},
		{"app-reports", "name:text account:text policy:nested"},
	} {
		_, fields := fieldsOf(t, s, tc.id)
		if got := describe(fields); got != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.id, got, tc.want)
		}
	}
	vpc, fields := fieldsOf(t, s, "vpc-0a1b2c3d")
	if got := field(t, fields, "cidrBlocks").Text(); got != "10.0.0.0/16" {
		t.Errorf("cidrBlocks shows %q", got)
	}
	if got := field(t, fields, "enableDnsHostnames").Text(); got != "true" {
		t.Errorf("enableDnsHostnames shows %q", got)
	}
	if editable(vpc, field(t, fields, "id")) {
		t.Errorf("the VPC's id is editable in the form")
	}
	bucket, fields := fieldsOf(t, s, "app-reports")
	if editable(bucket, field(t, fields, "name")) || !editable(bucket, field(t, fields, "account")) {
		t.Errorf("a bucket's name is its ID: not editable in the form; its account is")
	}
	// An internet gateway is a string of its VPC: nothing to show.
	if _, fields := fieldsOf(t, s, "igw-01"); fields != nil {
		t.Errorf("internet gateway fields: %v", fields)
	}
}

func TestApplyFieldEditsThroughTheStore(t *testing.T) {
	s := NewStore(lessons.Default())
	r, fields := fieldsOf(t, s, "subnet-private")

	// A CIDR outside the VPC: applied, and its problem is the field's.
	if err := applyField(s, r, field(t, fields, "cidrBlock"), "10.99.1.0/24"); err != nil {
		t.Fatal(err)
	}
	ps := s.ProblemsUnder(r.Path + ".cidrBlock")
	if len(ps) != 1 || ps[0].Rule != "VAL-02" {
		t.Errorf("problems of cidrBlock = %v, want one VAL-02", ps)
	}
	if !s.Undo() || len(s.Problems) != 0 {
		t.Fatalf("undo left problems %v", s.Problems)
	}

	// A required field emptied does not decode: refused, nothing changes.
	rev, before, undo := s.Revision, string(s.Document()), s.CanUndo()
	err := applyField(s, r, field(t, fields, "availabilityZone"), "")
	if err == nil || !strings.Contains(err.Error(), "availabilityZone") {
		t.Errorf("emptying availabilityZone: error %v, want one naming it", err)
	}
	if s.Revision != rev || string(s.Document()) != before || s.CanUndo() != undo || !s.CanRedo() {
		t.Errorf("a refused change changed the store")
	}

	// An optional boolean: false, then back to its default (left out).
	vpc, fields := fieldsOf(t, s, "vpc-0a1b2c3d")
	if err := applyField(s, vpc, field(t, fields, "enableDnsSupport"), "false"); err != nil {
		t.Fatal(err)
	}
	if got := s.Scenario.VPCs[0].EnableDNSSupport; got == nil || *got {
		t.Errorf("enableDnsSupport = %v, want false", got)
	}
	if ps := s.ProblemsUnder(vpc.Path + ".enableDnsHostnames"); len(ps) == 0 || ps[0].Rule != "DNS-01" {
		t.Errorf("problems of enableDnsHostnames = %v, want DNS-01", ps)
	}
	if err := applyField(s, vpc, field(t, fields, "enableDnsSupport"), "default"); err != nil {
		t.Fatal(err)
	}
	if got := s.Scenario.VPCs[0].EnableDNSSupport; got != nil {
		t.Errorf("enableDnsSupport = %v after default, want absent", *got)
	}
	if len(s.Problems) != 0 || len(s.Saved) != 3 {
		t.Errorf("back to the default: problems %v, %d saved traces", s.Problems, len(s.Saved))
	}

	// A list of strings, from comma-separated text.
	ep, fields := fieldsOf(t, s, "vpce-1a2b3c4d")
	if err := applyField(s, ep, field(t, fields, "routeTableIds"), "rtb-private, rtb-public"); err != nil {
		t.Fatal(err)
	}
	if got := s.Scenario.VPCs[0].Endpoints[0].RouteTableIDs; fmt.Sprint(got) != "[rtb-private rtb-public]" {
		t.Errorf("routeTableIds = %v", got)
	}

	// A checkbox, and an absent optional text set from the form.
	rtb, fields := fieldsOf(t, s, "rtb-public")
	if err := applyField(s, rtb, field(t, fields, "main"), "true"); err != nil {
		t.Fatal(err)
	}
	if !s.Scenario.VPCs[0].RouteTables[0].Main {
		t.Errorf("rtb-public is not main after checking the box")
	}
	sub, fields := fieldsOf(t, s, "subnet-public")
	if err := applyField(s, sub, field(t, fields, "networkAcl"), "acl-nowhere"); err != nil {
		t.Fatal(err)
	}
	if len(s.ProblemsUnder(sub.Path+".networkAcl")) == 0 {
		t.Errorf("an unknown network ACL shows no problem next to networkAcl")
	}
	if err := applyField(s, sub, field(t, fields, "networkAcl"), ""); err != nil {
		t.Fatal(err)
	}
	if got := s.Scenario.VPCs[0].Subnets[0].NetworkACL; got != "" {
		t.Errorf("networkAcl = %q after emptying it", got)
	}

	// A number that is not one is refused before the store sees it.
	if err := applyField(s, ep, formField{Name: "stateSince", Kind: fieldNumber}, "soon"); err == nil {
		t.Errorf("a number field took %q", "soon")
	}
}
