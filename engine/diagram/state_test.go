package diagram

import (
	"strings"
	"testing"
)

// nodeLine returns the DOT line of the node with the element ID id.
func nodeLine(t *testing.T, dot, id string) string {
	t.Helper()
	for _, l := range strings.Split(dot, "\n") {
		if strings.Contains(l, `[id="`+id+`"`) {
			return l
		}
	}
	t.Fatalf("no node %s in\n%s", id, dot)
	return ""
}

func TestRule_SVC05_SVC07_SVC03_StateBadges(t *testing.T) {
	cases := []struct {
		name         string
		acceptance   bool
		state        string // the endpoint's explicit state
		serviceState string
		endpoint     string // badge line of the endpoint, "" for none
		class        string // state class of the endpoint, "" for none
		service      string // badge line of the endpoint service
		serviceClass string
	}{
		{"acceptance required: PendingAcceptance", true, "", "", "◷ PendingAcceptance", "state-pendingacceptance", "", ""},
		{"no acceptance: Available, no badge", false, "", "", "", "", "", ""},
		{"explicit Available wins over acceptance", true, "Available", "", "", "", "", ""},
		{"rejected", true, "Rejected", "", "✖ Rejected", "state-rejected", "", ""},
		{"pending after acceptance", true, "Pending", "", "◷ Pending", "state-pending", "", ""},
		{"service failed", false, "", "Failed", "", "", "✖ Failed", "state-failed"},
		{"unknown state: text only, no class", false, `Odd" onload="x`, "", `state Odd\" onload=\"x`, "", "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := example(t, "endpoint-service-acceptance.json")
			s.EndpointServices[0].AcceptanceRequired = c.acceptance
			s.EndpointServices[0].State = c.serviceState
			found := false
			for i := range s.VPCs {
				for j := range s.VPCs[i].Endpoints {
					if s.VPCs[i].Endpoints[j].ID == "vpce-partner" {
						s.VPCs[i].Endpoints[j].State = c.state
						found = true
					}
				}
			}
			if !found {
				t.Fatal("the example has no vpce-partner")
			}
			dot := Topology(s)
			checkDOT(t, dot)
			check := func(id, badge, class string) {
				t.Helper()
				l := nodeLine(t, dot, id)
				for _, st := range []string{"PendingAcceptance", "Pending", "Rejected", "Failed", "Odd"} {
					if badge == "" && strings.Contains(l, st) {
						t.Errorf("%s shows a state it is not in: %s", id, l)
					}
				}
				if badge != "" && !strings.Contains(l, `\n`+badge+`"`) {
					t.Errorf("%s lacks the badge %q: %s", id, badge, l)
				}
				if got := strings.Contains(l, "state-"); got != (class != "") || (class != "" && !strings.Contains(l, " "+class+`"`)) {
					t.Errorf("%s: want state class %q: %s", id, class, l)
				}
			}
			check("r-vpce-partner", c.endpoint, c.class)
			check("r-vpce-svc-0partner", c.service, c.serviceClass)
		})
	}
}
