package engine

import (
	"encoding/json"
	"strings"
	"testing"
)

// egressScenario is the base scenario with i-pub's group sg-app given the
// egress field as written (raw JSON, "" for omitted).
func egressScenario(t *testing.T, egress string) []byte {
	t.Helper()
	field := ""
	if egress != "" {
		field = `, "egress": ` + egress
	}
	doc := strings.Replace(baseScenario,
		`{"id": "sg-app", "groupName": "app", "ingress": [{"ipProtocol": "-1", "cidrIp": "10.0.0.0/8"}]}`,
		`{"id": "sg-app", "groupName": "app", "ingress": [{"ipProtocol": "-1", "cidrIp": "10.0.0.0/8"}]`+field+`}`, 1)
	if doc == baseScenario && egress != "" {
		t.Fatal("the base scenario's sg-app changed: update egressScenario")
	}
	return []byte(doc)
}

func TestRule_NET02_EmptyEgressSurvivesRoundTrip(t *testing.T) {
	cases := []struct {
		name, egress string
		wantNil      bool   // the decoded group's Egress is nil (omitted)
		verdict      string // of a trace from i-priv (sg-app) to i-priv2
		decision     string
	}{
		{"omitted: allow all", "", true, VerdictAllowed, DecisionAllowed},
		{"null: omitted, allow all", "null", true, VerdictAllowed, DecisionAllowed},
		{"empty list: nothing out", "[]", false, VerdictUnreachable, DecisionDenied},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, err := Decode(egressScenario(t, c.egress))
			if err != nil {
				t.Fatalf("decode: %v", err)
			}
			// Encode and decode again: the difference must survive.
			doc, err := json.Marshal(s)
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Contains(string(doc), `"egress":[]`); got == c.wantNil {
				t.Errorf("encoded %s: contains \"egress\":[] = %t, want %t", doc, got, !c.wantNil)
			}
			again, ps := Load(doc)
			if len(ps) > 0 {
				t.Fatalf("the encoded scenario does not load: %v", ps)
			}
			g := vpc(again, "vpc-a").SecurityGroups[0]
			if (g.Egress == nil) != c.wantNil || len(g.Egress) != 0 {
				t.Fatalf("egress after the round trip = %#v, want nil %t and no rules", g.Egress, c.wantNil)
			}
			tr := trace(t, compileScenario(t, again), TraceRequest{From: "i-priv", To: "10.0.2.10", Port: 22})
			expect(t, tr, c.verdict, "NET-02", c.decision)
			if c.verdict == VerdictUnreachable && (lastHop(tr).Kind != HopSecurityGroup || lastHop(tr).At != "sg-app") {
				t.Errorf("should stop at sg-app's egress, got %+v\n%s", lastHop(tr), tr.Text())
			}
			// Normalize makes the default explicit and keeps the empty list.
			n := Normalize(again)
			if got := len(vpc(n, "vpc-a").SecurityGroups[0].Egress); (got == 0) != !c.wantNil {
				t.Errorf("normalized egress has %d rules, want allow-all rules only when omitted", got)
			}
		})
	}
}
