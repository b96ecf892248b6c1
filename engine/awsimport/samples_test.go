package awsimport

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// Each capture imports into a scenario that decodes strictly and validates
// with no problem.
func TestSamplesValidate(t *testing.T) {
	for _, name := range samples {
		t.Run(name, func(t *testing.T) {
			r := importSample(t, name)
			assertValid(t, r.Scenario)
			if r.Scenario.Region != "us-east-2" {
				t.Errorf("region %q, want us-east-2 (from the zones us-east-2b, …)", r.Scenario.Region)
			}
			if len(r.Scenario.Accounts) != 1 || r.Scenario.Accounts[0].ID != "554773406868" {
				t.Errorf("accounts %+v, want the one owner 554773406868", r.Scenario.Accounts)
			}
		})
	}
}

// Every VPC, subnet, route, instance, security group, rule and ACL entry of
// the input is in the scenario, or is a note: nothing is dropped silently.
// The implied local routes and AWS's final deny (rule 32767) are the only
// items skipped without a note, as the scenario format implies them.
func TestSamplesKeepEverything(t *testing.T) {
	for _, name := range samples {
		t.Run(name, func(t *testing.T) {
			r := importSample(t, name)
			s := r.Scenario

			var vpcs DescribeVpcsOutput
			readSample(t, name, "Vpcs.json", &vpcs)
			if len(s.VPCs) != len(vpcs.Vpcs) {
				t.Errorf("%d VPCs, want %d", len(s.VPCs), len(vpcs.Vpcs))
			}

			var subnets DescribeSubnetsOutput
			readSample(t, name, "Subnets.json", &subnets)
			n := 0
			for _, v := range s.VPCs {
				n += len(v.Subnets)
			}
			if n != len(subnets.Subnets) {
				t.Errorf("%d subnets, want %d", n, len(subnets.Subnets))
			}

			var tables DescribeRouteTablesOutput
			readSample(t, name, "RouteTables.json", &tables)
			wantTables, wantRoutes := len(tables.RouteTables), 0
			for _, rt := range tables.RouteTables {
				for _, route := range rt.Routes {
					if route.GatewayID != "local" {
						wantRoutes++
					}
				}
			}
			gotTables, gotRoutes := 0, len(notesAbout(r, "RouteTables["))-countNotes(r, ".PropagatingVgws[")
			for _, v := range s.VPCs {
				gotTables += len(v.RouteTables)
				for _, rt := range v.RouteTables {
					gotRoutes += len(rt.Routes)
				}
			}
			if gotTables != wantTables || gotRoutes != wantRoutes {
				t.Errorf("%d tables and %d routes (mapped or noted), want %d and %d", gotTables, gotRoutes, wantTables, wantRoutes)
			}

			var groups DescribeSecurityGroupsOutput
			readSample(t, name, "SecurityGroups.json", &groups)
			wantRules, gotGroups, gotRules := 0, 0, 0
			for _, g := range groups.SecurityGroups {
				for _, p := range append(append([]IPPermission{}, g.IPPermissions...), g.IPPermissionsEgress...) {
					wantRules += len(p.IPRanges) + len(p.Ipv6Ranges) + len(p.PrefixListIDs) + len(p.UserIDGroupPairs)
				}
			}
			for _, v := range s.VPCs {
				gotGroups += len(v.SecurityGroups)
				for _, g := range v.SecurityGroups {
					gotRules += len(g.Ingress) + len(g.Egress)
				}
			}
			if gotGroups != len(groups.SecurityGroups) || gotRules != wantRules {
				t.Errorf("%d groups and %d rules, want %d and %d", gotGroups, gotRules, len(groups.SecurityGroups), wantRules)
			}

			var acls DescribeNetworkAclsOutput
			readSample(t, name, "NetworkAcls.json", &acls)
			wantEntries, gotACLs, gotEntries := 0, 0, 0
			for _, a := range acls.NetworkAcls {
				for _, e := range a.Entries {
					if e.RuleNumber != impliedDenyRule {
						wantEntries++
					}
				}
			}
			for _, v := range s.VPCs {
				gotACLs += len(v.NetworkACLs)
				for _, a := range v.NetworkACLs {
					gotEntries += len(a.Entries)
				}
			}
			if gotACLs != len(acls.NetworkAcls) || gotEntries != wantEntries {
				t.Errorf("%d ACLs and %d entries, want %d and %d", gotACLs, gotEntries, len(acls.NetworkAcls), wantEntries)
			}

			var reservations DescribeInstancesOutput
			readSample(t, name, "Reservations.json", &reservations)
			wantInstances, gotInstances := 0, 0
			for _, res := range reservations.Reservations {
				wantInstances += len(res.Instances)
			}
			for _, v := range s.VPCs {
				gotInstances += len(v.Instances)
			}
			if gotInstances != wantInstances {
				t.Errorf("%d instances, want %d", gotInstances, wantInstances)
			}
		})
	}
}

// countNotes counts the notes whose path holds part.
func countNotes(r *Result, part string) int {
	n := 0
	for _, note := range r.Unmapped {
		if strings.Contains(note.Path, part) {
			n++
		}
	}
	return n
}

// The notes of each capture, exactly: what it holds that the scenario
// format cannot.
func TestSampleNotes(t *testing.T) {
	want := map[string][]string{
		"public-private-subnet": {
			"RouteTables.json RouteTables[0].PropagatingVgws[0]: route propagation from vgw-070087240d6fa2989 is not modelled",
			"VpnConnections.json VpnConnections[0]: VPN connection vpn-05044757278685fd3 to cgw-0e0d620a3ae284684 (1.1.1.1) mapped as on-premises network vpn-05044757278685fd3 with the CIDRs of its static routes (19.168.0.0/16)",
		},
		"nat-gateway": nil,
		"vpc-peering": {
			"Vpcs.json Vpcs[0].CidrBlockAssociationSet[1]: not mapped: CIDR 192.169.0.0/16 is disassociated",
			"Vpcs.json Vpcs[1].CidrBlockAssociationSet[1]: not mapped: CIDR 192.169.0.0/16 is disassociated",
			"Vpcs.json Vpcs[2].CidrBlockAssociationSet[1]: not mapped: CIDR 10.11.0.0/16 is disassociated",
			"RouteTables.json RouteTables[0].Routes[2]: not mapped: route 0.0.0.0/0 → igw-0a2c9ae201b441bff: a blackhole route",
		},
	}
	for _, name := range samples {
		r := importSample(t, name)
		var got []string
		for _, n := range r.Unmapped {
			got = append(got, n.String())
		}
		if len(got) != len(want[name]) {
			t.Errorf("%s: %d notes, want %d:\n%s", name, len(got), len(want[name]), strings.Join(got, "\n"))
			continue
		}
		for i, w := range want[name] {
			if !strings.HasPrefix(got[i], w) {
				t.Errorf("%s: note %d = %q, want it to start with %q", name, i, got[i], w)
			}
		}
	}
}

// The kind of a document comes from its top-level key: renamed files give
// the same scenario, and the result does not depend on map order.
func TestImportIgnoresFileNames(t *testing.T) {
	for _, name := range append(slices.Clone(samples), tgwSample) {
		dir := filepath.Join("testdata", name)
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		plain, renamed := map[string][]byte{}, map[string][]byte{}
		for i, e := range entries {
			data, err := os.ReadFile(filepath.Join(dir, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			plain[e.Name()] = data
			renamed[fmt.Sprintf("capture-%02d.txt", len(entries)-i)] = data
		}
		a, err := Import(plain)
		if err != nil {
			t.Fatal(err)
		}
		b, err := Import(renamed)
		if err != nil {
			t.Fatal(err)
		}
		ja, _ := json.Marshal(a.Scenario)
		jb, _ := json.Marshal(b.Scenario)
		if string(ja) != string(jb) {
			t.Errorf("%s: renaming the files changed the scenario", name)
		}
		if len(a.Unmapped) != len(b.Unmapped) {
			t.Errorf("%s: renaming the files changed the notes", name)
		}
		for range 5 {
			again, _ := Import(plain)
			if !reflect.DeepEqual(again, a) {
				t.Fatalf("%s: two imports of the same files differ", name)
			}
		}
	}
}
