package engine

import (
	"cmp"
	"slices"
	"strings"
)

// Kinds of MatrixTarget.
const (
	TargetAWSService      = "aws-service"
	TargetEndpointService = "endpoint-service"
	TargetBucket          = "bucket"
	TargetTable           = "table"
)

// Matrix is a reachability matrix: one row a source (every instance, then
// every on-premises host, in document order), one column a target (every
// service the scenario's sources might call), and in each cell the outcome
// of tracing that source's request to that target.
type Matrix struct {
	Sources []string       `json:"sources"`
	Targets []MatrixTarget `json:"targets"`
	// Cells[i][j] is the trace of Sources[i] calling Targets[j].
	Cells [][]MatrixCell `json:"cells"`
}

// MatrixTarget is one column of a Matrix: what is called and the request
// that calls it.
type MatrixTarget struct {
	// Name is the service name (com.amazonaws.REGION.NAME), the endpoint
	// service ID (followed by " via vpce-…" when it is reached by one
	// endpoint's own name), the bucket or the table.
	Name string `json:"name"`
	// Kind is one of the Target* constants.
	Kind string `json:"kind"`
	// To is the DNS name traced.
	To   string `json:"to"`
	Port int    `json:"port"`
	// Action and Resource drive the policy checks of buckets (s3:GetObject
	// on any object) and tables (dynamodb:GetItem); empty for services,
	// whose requests name no action.
	Action   string `json:"action,omitempty"`
	Resource string `json:"resource,omitempty"`
}

// Request is the trace request of a source calling the target.
func (tg MatrixTarget) Request(from string) TraceRequest {
	return TraceRequest{From: from, To: tg.To, Port: tg.Port, Action: tg.Action, Resource: tg.Resource}
}

// MatrixCell is the outcome of one source calling one target.
type MatrixCell struct {
	Verdict string `json:"verdict"`
	// Rule is the rule of the hop that settled the verdict (the last).
	Rule string `json:"rule,omitempty"`
	// Via is the last endpoint that carried or stopped the request, else
	// the first NAT or internet gateway it left through (the NAT gateway
	// when it took both); empty when it used none.
	Via string `json:"via,omitempty"`
}

// Matrix traces every source of the world to every target (see the Matrix
// and MatrixTarget types). It is deterministic and, like Trace, never fails: a cell
// whose request cannot be traced is unreachable with the reason as rule.
func (w *World) Matrix() Matrix {
	m := w.MatrixPlan()
	for i := range m.Sources {
		w.TraceMatrixRow(&m, i)
	}
	return m
}

// MatrixPlan returns the matrix's sources and targets with every row still
// to trace (nil), so a caller can trace the rows one by one — the page does,
// to show progress and keep each piece of work short.
func (w *World) MatrixPlan() Matrix {
	if w == nil || w.s == nil {
		return Matrix{Sources: []string{}, Targets: []MatrixTarget{}, Cells: [][]MatrixCell{}}
	}
	m := Matrix{Sources: w.matrixSources(), Targets: w.matrixTargets()}
	m.Cells = make([][]MatrixCell, len(m.Sources))
	return m
}

// TraceMatrixRow traces row i of a planned matrix: its source to every
// target. An index out of range does nothing.
func (w *World) TraceMatrixRow(m *Matrix, i int) {
	if w == nil || m == nil || i < 0 || i >= len(m.Sources) || i >= len(m.Cells) {
		return
	}
	row := make([]MatrixCell, len(m.Targets))
	for j, tg := range m.Targets {
		t := w.trace(tg.Request(m.Sources[i]), true)
		row[j] = t.sum.cell(t.verdict)
	}
	m.Cells[i] = row
}

// cellOf sums a trace up as a cell.
func cellOf(tr Trace) MatrixCell {
	var sum cellSum
	for _, h := range tr.Hops {
		sum.add(h)
	}
	return sum.cell(tr.Verdict)
}

// cellSum sums a trace's hops up as they come: the rule of the last hop
// decides, the way is the endpoint the request went through, else the first
// internet or NAT gateway that forwarded it.
type cellSum struct {
	rule, endpoint, gateway string
}

// add takes the next hop in.
func (s *cellSum) add(h Hop) {
	s.rule = h.Rule
	switch {
	case h.Kind == HopEndpoint:
		s.endpoint = h.At
	case h.Kind == HopGateway && h.Decision == DecisionForwarded,
		h.Kind == HopNAT && h.Decision == DecisionTranslated:
		if s.gateway == "" {
			s.gateway = h.At
		}
	}
}

// cell is the sum as a matrix cell of a trace with that verdict.
func (s cellSum) cell(verdict string) MatrixCell {
	c := MatrixCell{Verdict: verdict, Rule: s.rule, Via: s.endpoint}
	if c.Via == "" {
		c.Via = s.gateway
	}
	return c
}

// matrixSources lists every instance, then every on-premises host, in
// document order.
func (w *World) matrixSources() []string {
	out := []string{}
	for i := range w.s.VPCs {
		for _, in := range w.s.VPCs[i].Instances {
			out = append(out, in.ID)
		}
	}
	for i := range w.s.Networks {
		for _, h := range w.s.Networks[i].Hosts {
			out = append(out, h.ID)
		}
	}
	return out
}

// matrixTargets lists the targets, each once, in a fixed order: the AWS
// services the endpoints name (in the catalogue's order), the endpoint services
// (in document order), the buckets, then the tables.
func (w *World) matrixTargets() []MatrixTarget {
	out := []MatrixTarget{}
	seen := map[string]bool{}
	add := func(tg MatrixTarget) {
		key := tg.Kind + "|" + tg.Name + "|" + tg.To
		if tg.To == "" || seen[key] {
			return
		}
		seen[key] = true
		out = append(out, tg)
	}
	for _, tg := range w.awsServiceTargets() {
		add(tg)
	}
	for i := range w.s.EndpointServices {
		for _, tg := range w.endpointServiceTargets(w.services[w.s.EndpointServices[i].ID]) {
			add(tg)
		}
	}
	for i := range w.s.Buckets {
		b := &w.s.Buckets[i]
		region := orDefault(b.Region, w.region)
		add(MatrixTarget{Name: b.Name, Kind: TargetBucket, To: canonicalName(b.Name) + ".s3." + region + ".amazonaws.com", Port: DefaultPort, Action: "s3:GetObject", Resource: "arn:aws:s3:::" + b.Name + "/*"})
	}
	for i := range w.s.Tables {
		tb := &w.s.Tables[i]
		region := orDefault(tb.Region, w.region)
		add(MatrixTarget{Name: tb.Name, Kind: TargetTable, To: "dynamodb." + region + ".amazonaws.com", Port: DefaultPort, Action: "dynamodb:GetItem", Resource: "arn:aws:dynamodb:" + region + ":" + tb.Account + ":table/" + tb.Name})
	}
	return out
}

// awsServiceTargets are the AWS services the endpoints name, at their
// regional DNS names, in the catalogue's order, then by Region.
func (w *World) awsServiceTargets() []MatrixTarget {
	type named struct {
		rank   int
		region string
		tg     MatrixTarget
	}
	var list []named
	for _, vn := range w.vpcList {
		for i := range vn.v.Endpoints {
			en := w.endpoints[vn.v.Endpoints[i].ID]
			if en == nil || en.aws == nil || en.e.VPCEndpointType == EndpointGatewayLoadBalancer {
				continue
			}
			rank := slices.IndexFunc(catalogue, func(s Service) bool { return s.Name == en.aws.Name })
			list = append(list, named{rank, en.region, MatrixTarget{Name: en.aws.ServiceName(en.region), Kind: TargetAWSService, To: en.aws.DNSName(en.region), Port: en.aws.Port}})
		}
	}
	slices.SortStableFunc(list, func(a, b named) int {
		return cmp.Or(cmp.Compare(a.rank, b.rank), cmp.Compare(a.region, b.region))
	})
	out := make([]MatrixTarget, len(list))
	for i, n := range list {
		out[i] = n.tg
	}
	return out
}

// endpointServiceTargets are the names a consumer calls an endpoint service
// by: its private DNS name when it has one ("*.example.com" called at
// example.com), else the regional endpoint-specific name of each interface
// endpoint to it (DNS-03). A service fronted only by Gateway Load
// Balancers is a route target, not something called (GWLB-01): none.
func (w *World) endpointServiceTargets(sn *serviceNode) []MatrixTarget {
	if sn == nil || !sn.hasNetworkLB() {
		return nil
	}
	port := sn.port()
	if name := canonicalName(sn.s.PrivateDNSName); name != "" {
		name = strings.TrimPrefix(name, "*.")
		return []MatrixTarget{{Name: sn.s.ID, Kind: TargetEndpointService, To: name, Port: port}}
	}
	var out []MatrixTarget
	for _, vn := range w.vpcList {
		for i := range vn.v.Endpoints {
			en := w.endpoints[vn.v.Endpoints[i].ID]
			if en == nil || en.svc != sn || en.e.VPCEndpointType != EndpointInterface {
				continue
			}
			if names := en.names(); len(names) > 0 {
				out = append(out, MatrixTarget{Name: sn.s.ID + " via " + en.e.ID, Kind: TargetEndpointService, To: names[0].name, Port: port})
			}
		}
	}
	return out
}

// hasNetworkLB reports whether the service has a load balancer that is not
// a Gateway Load Balancer (a service without any counts: tracing it says
// why nothing answers).
func (sn *serviceNode) hasNetworkLB() bool {
	for _, ln := range sn.lbs {
		if ln.lb.Type != "gateway" {
			return true
		}
	}
	return len(sn.lbs) == 0
}

// port is the port a consumer calls the service on: the first listener of
// its first Network Load Balancer, else 443.
func (sn *serviceNode) port() int {
	for _, ln := range sn.lbs {
		if ln.lb.Type == "network" && len(ln.lb.Listeners) > 0 && ln.lb.Listeners[0].Port > 0 {
			return ln.lb.Listeners[0].Port
		}
	}
	return DefaultPort
}

// orDefault returns s, or def when s is empty.
func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
