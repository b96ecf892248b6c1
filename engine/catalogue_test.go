package engine

import (
	"net/netip"
	"testing"
)

func TestCatalogue_SVC02_ServiceNamesAndTypes(t *testing.T) {
	for _, short := range []string{"s3", "dynamodb", "sqs", "sns", "sts", "kms", "ec2", "ssm", "logs", "secretsmanager", "execute-api"} {
		s, ok := LookupService("com.amazonaws.us-east-1." + short)
		if !ok || s.Name != short || s.Port != 443 || !s.Interface {
			t.Errorf("%s: %+v %v", short, s, ok)
		}
		wantGateway := short == "s3" || short == "dynamodb"
		if s.Gateway != wantGateway || s.Supports(EndpointGateway) != wantGateway {
			t.Errorf("%s: gateway %v", short, s.Gateway)
		}
		if s.ServiceName("eu-west-1") != "com.amazonaws.eu-west-1."+short {
			t.Errorf("%s: name %s", short, s.ServiceName("eu-west-1"))
		}
	}
	for _, bad := range []string{"com.amazonaws.us-east-1.nope", "com.amazonaws.mars-1.s3", "com.amazonaws.vpce.us-east-1.vpce-svc-1", "s3"} {
		if _, ok := LookupService(bad); ok {
			t.Errorf("%s should not be found", bad)
		}
	}
}

func TestCatalogue_ServiceByDNSName(t *testing.T) {
	cases := []struct {
		name, service, region, bucket string
		dual, ok                      bool
	}{
		{"sqs.us-east-1.amazonaws.com", "sqs", "us-east-1", "", false, true},
		{"App-Reports.S3.us-east-1.amazonaws.com.", "s3", "us-east-1", "app-reports", false, true},
		{"my.dotted.bucket.s3.eu-west-1.amazonaws.com", "s3", "eu-west-1", "my.dotted.bucket", false, true},
		{"s3.dualstack.us-west-2.amazonaws.com", "s3", "us-west-2", "", true, true},
		{"b.s3.amazonaws.com", "s3", "us-east-1", "b", false, true},
		{"abc123.execute-api.us-east-1.amazonaws.com", "execute-api", "us-east-1", "abc123", false, true},
		{"dynamodb.ap-northeast-1.amazonaws.com", "dynamodb", "ap-northeast-1", "", false, true},
		{"x.sqs.us-east-1.amazonaws.com", "", "", "", false, false},
		{"sqs.mars-1.amazonaws.com", "", "", "", false, false},
		{"example.com", "", "", "", false, false},
	}
	for _, c := range cases {
		m, ok := ServiceByDNSName(c.name)
		if ok != c.ok || (ok && (m.Service.Name != c.service || m.Region != c.region || m.Bucket != c.bucket || m.DualStack != c.dual)) {
			t.Errorf("%s: %+v %v", c.name, m, ok)
		}
	}
}

func TestCatalogue_GW03_PrefixListsPerRegion(t *testing.T) {
	s3, ok := PrefixListFor("s3", "us-east-1")
	if !ok || s3.ID != "pl-63a5400a" || len(s3.CIDRs) != 4 || s3.CIDRs[1] != netip.MustParsePrefix("52.216.0.0/15") {
		t.Errorf("S3 us-east-1: %+v", s3)
	}
	ddb, ok := PrefixListFor("dynamodb", "us-east-1")
	if !ok || ddb.ID != "pl-02cd2c6b" || len(ddb.CIDRs) != 2 {
		t.Errorf("DynamoDB us-east-1: %+v", ddb)
	}
	if _, ok := PrefixListV6For("dynamodb", "us-east-1"); ok {
		t.Error("DynamoDB has no IPv6 prefix list (GW-07)")
	}
	ids := map[string]bool{}
	lists := PrefixLists()
	for i, p := range lists {
		if ids[p.ID] {
			t.Errorf("duplicate ID %s", p.ID)
		}
		ids[p.ID] = true
		if got, ok := PrefixListByID(p.ID); !ok || got.Region != p.Region {
			t.Errorf("PrefixListByID(%s)", p.ID)
		}
		for _, q := range lists[i+1:] {
			for _, a := range p.CIDRs {
				for _, b := range q.CIDRs {
					if a.Overlaps(b) {
						t.Errorf("%s %s overlaps %s %s", p.ID, a, q.ID, b)
					}
				}
			}
		}
	}
	for _, r := range Regions() {
		for _, svc := range []string{"s3", "dynamodb"} {
			p, ok := PrefixListFor(svc, r)
			if !ok {
				t.Errorf("%s %s: no prefix list", svc, r)
				continue
			}
			s, _ := LookupService("com.amazonaws." + r + "." + svc)
			a, ok := s.PublicAddress(r, false)
			if !ok || !p.Contains(a) {
				t.Errorf("%s %s: public address %s outside %s", svc, r, a, p.ID)
			}
			got, region, ok := ServiceAt(a)
			if !ok || got.Name != svc || region != r {
				t.Errorf("ServiceAt(%s) = %s %s", a, got.Name, region)
			}
		}
		if _, ok := PrefixListV6For("s3", r); !ok {
			t.Errorf("s3 %s: no IPv6 prefix list", r)
		}
	}
	// An S3 address of another Region is outside us-east-1's list.
	west, _ := LookupService("com.amazonaws.us-west-2.s3")
	a, _ := west.PublicAddress("us-west-2", false)
	if s3.Contains(a) {
		t.Errorf("%s should not be in pl-63a5400a", a)
	}
	if a, ok := (Service{Name: "sqs"}).PublicAddress("us-east-1", false); ok {
		if s, r, ok := ServiceAt(a); !ok || s.Name != "sqs" || r != "us-east-1" {
			t.Errorf("sqs public address %s maps back to %s %s", a, s.Name, r)
		}
	}
}

func TestRoutingTrieLongestMatchIPv4AndIPv6(t *testing.T) {
	tr := newRouteTrie()
	tr.insert(route{Dest: netip.MustParsePrefix("0.0.0.0/0"), Target: "igw", Origin: originStatic})
	tr.insert(route{Dest: netip.MustParsePrefix("10.0.0.0/16"), Target: "local", Origin: originLocal})
	tr.insert(route{Dest: netip.MustParsePrefix("::/0"), Target: "igw6", Origin: originStatic})
	tr.insert(route{Dest: netip.MustParsePrefix("2600::/16"), Target: "x6", Origin: originStatic})
	for addr, want := range map[string]string{"10.0.5.5": "local", "8.8.8.8": "igw", "2600:1::1": "x6", "2001:db8::1": "igw6"} {
		if r, _, ok := tr.lookup(netip.MustParseAddr(addr)); !ok || r.Target != want {
			t.Errorf("%s → %s, want %s", addr, r.Target, want)
		}
	}
	empty := newRouteTrie()
	if _, _, ok := empty.lookup(netip.MustParseAddr("10.0.0.1")); ok {
		t.Error("empty trie matched")
	}
}
