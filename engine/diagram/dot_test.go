package diagram

import (
	"strings"
	"testing"

	"privatelink-playground/engine"
)

// anchorCluster is a scenario of one VPC: subnet-a holds an instance,
// subnet-empty holds nothing, subnet-routed holds an instance and is
// associated with a route table (an edge from its anchor).
func anchorCluster() *engine.Scenario {
	return &engine.Scenario{
		Version: 1, Region: "us-east-1",
		Accounts: []engine.Account{{ID: "111122223333"}},
		VPCs: []engine.VPC{{
			ID: "vpc-a", Account: "111122223333", CIDRBlocks: []string{"10.0.0.0/16"},
			Subnets: []engine.Subnet{
				{ID: "subnet-a", AvailabilityZone: "us-east-1a", CIDRBlock: "10.0.0.0/24"},
				{ID: "subnet-empty", AvailabilityZone: "us-east-1a", CIDRBlock: "10.0.1.0/24"},
				{ID: "subnet-routed", AvailabilityZone: "us-east-1a", CIDRBlock: "10.0.2.0/24", RouteTable: "rtb-x"},
			},
			RouteTables: []engine.RouteTable{{ID: "rtb-x"}},
			Instances: []engine.Instance{
				{ID: "i-a", Subnet: "subnet-a", PrivateIPAddress: "10.0.0.10"},
				{ID: "i-routed", Subnet: "subnet-routed", PrivateIPAddress: "10.0.2.10"},
			},
		}},
	}
}

// clusterBody returns the statements of the cluster whose graph statement
// carries id, up to its closing brace.
func clusterBody(t *testing.T, dot, id string) string {
	t.Helper()
	i := strings.Index(dot, `graph [id="`+id+`"`)
	if i < 0 {
		t.Fatalf("no cluster %s in:\n%s", id, dot)
	}
	rest := dot[i:]
	depth := 1
	for j, r := range rest {
		switch r {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return rest[:j]
			}
		}
	}
	t.Fatalf("cluster %s does not end", id)
	return ""
}

func TestDOTLeavesOutUnusedAnchorsOnly(t *testing.T) {
	dot := Topology(anchorCluster())
	cases := []struct {
		id         string
		wantAnchor bool
		why        string
	}{
		{ElementID("subnet-a"), false, "no edge uses its anchor and the instance keeps it drawn"},
		{ElementID("subnet-empty"), true, "without its anchor the empty subnet would not be drawn"},
		{ElementID("subnet-routed"), true, "the route table association starts at its anchor"},
	}
	for _, c := range cases {
		body := clusterBody(t, dot, c.id)
		// The anchors of nested clusters are inside their own bodies; the
		// subnets here have none, so a count of the body is the subnet's.
		got := strings.Contains(body, `class="anchor"`)
		if got != c.wantAnchor {
			t.Errorf("%s: anchor written = %v, want %v (%s):\n%s", c.id, got, c.wantAnchor, c.why, body)
		}
	}
	// Every edge still ends at a node the DOT text declares.
	for _, line := range strings.Split(dot, "\n") {
		line = strings.TrimSpace(line)
		from, rest, ok := strings.Cut(line, " -> ")
		if !ok {
			continue
		}
		to, _, _ := strings.Cut(rest, " ")
		for _, name := range []string{from, to} {
			if !strings.Contains(dot, "\t"+name+" [") {
				t.Errorf("edge %q uses %s, which the DOT text does not declare", line, name)
			}
		}
	}
}

func TestDOTLeavesOutAttributesEqualToTheDefaults(t *testing.T) {
	g := newGraph("g")
	graphDefaults(g, "LR")
	g.addNode(nil, attr{"id", "plain"}, attr{"shape", "box"}, attr{"style", "rounded,filled"}, attr{"color", "#123456"})
	g.addNode(nil, attr{"id", "other"}, attr{"shape", "ellipse"})
	g.addEdge("n0", "n1", attr{"color", "#64748b"}, attr{"style", "dashed"})
	dot := g.String()
	for _, want := range []string{
		`n0 [id="plain", color="#123456"];`, // shape and style equal the node defaults
		`n1 [id="other", shape="ellipse"];`, // a different shape stays
		`n0 -> n1 [style="dashed"];`,        // the edge colour equals the edge default
		`node [shape="box", style="rounded,filled"`,
	} {
		if !strings.Contains(dot, want) {
			t.Errorf("DOT lacks %s:\n%s", want, dot)
		}
	}
}

func TestClustersInheritTheirLabelLookFromTheGraph(t *testing.T) {
	dot := Topology(anchorCluster())
	head, _, _ := strings.Cut(dot, "\n\tnode [")
	for _, want := range []string{`fontsize="10"`, `labeljust="l"`, `labelloc="t"`} {
		if !strings.Contains(head, want) {
			t.Errorf("graph statement lacks %s: %s", want, head)
		}
		for _, line := range strings.Split(dot, "\n") {
			if strings.Contains(line, `graph [id=`) && strings.Contains(line, want) {
				t.Errorf("a cluster repeats %s, which it inherits from the graph: %s", want, line)
			}
		}
	}
}
