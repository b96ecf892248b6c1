package diagram

// fontName is the only font a diagram names: one Graphviz has metrics for
// (a list of families is sized with Times' narrower metrics, and Graphviz
// formats a warning for every label it sizes), drawn in the browser with
// Arial or a font of the same metrics (web/app.css).
const fontName = "Arial"

// Resource kinds drawn as nodes; each is also a CSS class "res-<kind>".
const (
	kindInstance          = "instance"
	kindEndpointGateway   = "endpoint-gateway"
	kindEndpointInterface = "endpoint-interface"
	kindEndpointGWLB      = "endpoint-gwlb"
	kindENI               = "eni"
	kindRouteTable        = "route-table"
	kindIGW               = "igw"
	kindNAT               = "nat"
	kindVGW               = "vgw"
	kindTGW               = "tgw"
	kindPeering           = "pcx"
	kindService           = "service"
	kindLoadBalancer      = "load-balancer"
	kindEndpointService   = "endpoint-service"
	kindHost              = "host"
	kindDNSServer         = "dns-server"
	kindResolver          = "resolver"
	kindZone              = "zone"
	kindBucket            = "bucket"
	kindTable             = "table"
	kindMissing           = "missing"
)

// Cluster kinds; each is also a CSS class "cl-<kind>".
const (
	clusterAccount = "account"
	clusterVPC     = "vpc"
	clusterAZ      = "az"
	clusterSubnet  = "subnet"
	clusterOnPrem  = "onprem"
)

// Edge kinds; each is also a CSS class "rel-<kind>".
const (
	relAssociation = "association"
	relRoute       = "route"
	relService     = "service"
	relInterface   = "eni"
	relTarget      = "target"
	relPeering     = "peering"
	relAttachment  = "attachment"
	relConnection  = "connection"
	relDNS         = "dns"
	relData        = "data"
)

// graphDefaults are the graph-wide attributes of a diagram. A diagram has
// no graph label, so the label attributes here are those every cluster
// inherits (clusterStyle leaves them out).
func graphDefaults(g *graph, rankdir string) {
	g.attrs = []attr{
		{"rankdir", rankdir}, {"compound", "true"}, {"fontname", fontName},
		{"fontsize", "10"}, {"labeljust", "l"}, {"labelloc", "t"},
		{"nodesep", "0.25"}, {"ranksep", "0.45"},
		{"pad", "0.2"}, {"bgcolor", "white"}, {"splines", "true"},
		{"outputorder", "edgesfirst"},
	}
	g.nodeDefaults = []attr{
		{"shape", "box"}, {"style", "rounded,filled"}, {"fontname", fontName},
		{"fontsize", "10"}, {"color", "#64748b"}, {"fillcolor", "#f8fafc"},
		{"fontcolor", "#0f172a"}, {"penwidth", "1"}, {"margin", "0.12,0.05"},
		{"height", "0.3"},
	}
	g.edgeDefaults = []attr{
		{"fontname", fontName}, {"fontsize", "9"}, {"color", "#64748b"},
		{"fontcolor", "#334155"}, {"arrowsize", "0.6"}, {"penwidth", "1"},
	}
}

// nodeStyle returns the shape and colours of a node kind.
func nodeStyle(kind string) []attr {
	shape, style, fill, line := "box", "rounded,filled", "#f8fafc", "#64748b"
	switch kind {
	case kindInstance:
		fill, line = "#ffedd5", "#ea580c"
	case kindEndpointGateway:
		fill, line = "#dcfce7", "#16a34a"
	case kindEndpointInterface:
		fill, line = "#d1fae5", "#059669"
	case kindEndpointGWLB:
		fill, line = "#ccfbf1", "#0d9488"
	case kindENI:
		fill, line = "#ecfdf5", "#10b981"
	case kindRouteTable:
		fill, line = "#f1f5f9", "#475569"
	case kindIGW:
		fill, line = "#e0f2fe", "#0284c7"
	case kindNAT:
		fill, line = "#ede9fe", "#7c3aed"
	case kindVGW:
		fill, line = "#fce7f3", "#db2777"
	case kindTGW:
		shape, style, fill, line = "hexagon", "filled", "#fef3c7", "#d97706"
	case kindPeering:
		shape, style, fill, line = "hexagon", "filled", "#fef9c3", "#ca8a04"
	case kindService:
		shape, style, fill, line = "ellipse", "filled", "#fff7ed", "#c2410c"
	case kindLoadBalancer:
		fill, line = "#e0e7ff", "#4f46e5"
	case kindEndpointService:
		fill, line = "#f3e8ff", "#9333ea"
	case kindHost:
		fill, line = "#fefce8", "#a16207"
	case kindDNSServer, kindResolver:
		fill, line = "#cffafe", "#0891b2"
	case kindZone:
		shape, style, fill, line = "note", "filled", "#f0f9ff", "#0369a1"
	case kindBucket, kindTable:
		shape, style, fill, line = "cylinder", "filled", "#fef2f2", "#b91c1c"
	case kindMissing:
		style, fill, line = "rounded,dashed,filled", "#fff1f2", "#e11d48"
	}
	return []attr{{"shape", shape}, {"style", style}, {"fillcolor", fill}, {"color", line}}
}

// clusterStyle returns the look of a cluster kind (its label font and
// placement come from graphDefaults).
func clusterStyle(kind string, public bool) []attr {
	style, fill, line := "rounded,filled", "#f8fafc", "#94a3b8"
	switch kind {
	case clusterAccount:
		style, fill, line = "rounded,dashed", "white", "#94a3b8"
	case clusterVPC:
		fill, line = "#eff6ff", "#3b82f6"
	case clusterAZ:
		style, fill, line = "rounded,dashed,filled", "#f8fafc", "#cbd5e1"
	case clusterSubnet:
		fill, line = "#e0f2fe", "#0ea5e9"
		if public {
			fill, line = "#ecfccb", "#65a30d"
		}
	case clusterOnPrem:
		fill, line = "#fefce8", "#a16207"
	}
	return []attr{{"style", style}, {"fillcolor", fill}, {"color", line}}
}

// edgeStyle returns the look of an edge kind.
func edgeStyle(kind string) []attr {
	switch kind {
	case relAssociation:
		return []attr{{"style", "dashed"}, {"color", "#94a3b8"}, {"arrowhead", "none"}}
	case relRoute:
		return []attr{{"color", "#475569"}}
	case relService:
		return []attr{{"color", "#c2410c"}}
	case relInterface:
		return []attr{{"style", "dotted"}, {"color", "#10b981"}, {"arrowhead", "none"}}
	case relTarget:
		return []attr{{"color", "#4f46e5"}}
	case relPeering:
		return []attr{{"color", "#ca8a04"}, {"dir", "none"}, {"penwidth", "1.5"}}
	case relAttachment:
		return []attr{{"color", "#d97706"}, {"dir", "none"}, {"penwidth", "1.5"}}
	case relConnection:
		return []attr{{"color", "#a16207"}, {"style", "bold"}}
	case relDNS, relData:
		return []attr{{"style", "dotted"}, {"color", "#0891b2"}}
	}
	return nil
}

// Decision classes of a trace hop; each is also a CSS class "hop-<class>".
const (
	hopOK      = "ok"      // the hop let the request on
	hopDenied  = "denied"  // a policy or filter refused it
	hopStopped = "stopped" // no route, no answer, not reachable
	hopInfo    = "info"    // a decision this diagram does not know
)

// hopStyle returns the colours of a hop's decision class.
func hopStyle(class string) []attr {
	fill, line := "#f1f5f9", "#64748b"
	switch class {
	case hopOK:
		fill, line = "#dcfce7", "#16a34a"
	case hopDenied:
		fill, line = "#fee2e2", "#dc2626"
	case hopStopped:
		fill, line = "#e5e7eb", "#6b7280"
	}
	return []attr{{"fillcolor", fill}, {"color", line}}
}
