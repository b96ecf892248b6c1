package diagram

import (
	"strconv"
	"strings"
)

// attr is one Graphviz attribute. Keys are constants of this package and
// pass allowedAttr on output; values are plain text, escaped on output.
type attr struct{ key, val string }

// node is a DOT node with a generated name (n0, n1 …, h0 …). An anchor is
// the invisible node edges to or from its cluster end at: it is written
// only when an edge uses it or its cluster would be empty without it.
type node struct {
	name   string
	attrs  []attr
	anchor bool
}

// cluster is a DOT subgraph named cluster_<n>, or the graph's top level.
type cluster struct {
	name     string
	attrs    []attr
	nodes    []*node
	clusters []*cluster
}

// edge is a DOT edge between two generated node names.
type edge struct {
	from, to string
	attrs    []attr
}

// graph collects a diagram before writing it as DOT text. It writes the
// graph, node and edge defaults, then the clusters and nodes depth first in
// insertion order, then the edges in insertion order: the output depends
// only on the order of the calls that built it.
type graph struct {
	name                  string
	attrs, nodeDefaults   []attr
	edgeDefaults          []attr
	root                  cluster
	edges                 []edge
	nextNode, nextCluster int
	usedIDs               map[string]int
}

// newGraph returns an empty graph with the given DOT name (a constant).
func newGraph(name string) *graph {
	return &graph{name: name, usedIDs: map[string]int{}}
}

// uniqueID returns id, or id with a "--<n>" suffix when an earlier element
// already took it, so the SVG keeps its ids unique even for a scenario with
// duplicate resource IDs (the first element keeps the plain id).
func (g *graph) uniqueID(id string) string {
	n := g.usedIDs[id]
	g.usedIDs[id] = n + 1
	if n == 0 {
		return id
	}
	return id + "--" + strconv.Itoa(n+1)
}

// addNode adds a node named n<k> to parent (nil: the top level).
func (g *graph) addNode(parent *cluster, attrs ...attr) *node {
	n := &node{name: "n" + strconv.Itoa(g.nextNode), attrs: attrs}
	g.nextNode++
	g.place(parent, n)
	return n
}

// place appends n to parent (nil: the top level).
func (g *graph) place(parent *cluster, n *node) {
	if parent == nil {
		parent = &g.root
	}
	parent.nodes = append(parent.nodes, n)
}

// addCluster adds a subgraph named cluster_<k> to parent (nil: top level).
func (g *graph) addCluster(parent *cluster, attrs ...attr) *cluster {
	if parent == nil {
		parent = &g.root
	}
	c := &cluster{name: "cluster_" + strconv.Itoa(g.nextCluster), attrs: attrs}
	g.nextCluster++
	parent.clusters = append(parent.clusters, c)
	return c
}

// addEdge adds an edge between two node names.
func (g *graph) addEdge(from, to string, attrs ...attr) {
	g.edges = append(g.edges, edge{from: from, to: to, attrs: attrs})
}

// String writes the graph as DOT text, one statement a line. A node or
// edge attribute equal to the default of its kind is left out: Graphviz
// draws the same without it, and reads less.
func (g *graph) String() string {
	w := dotWriter{
		nodeDefaults: defaultsOf(g.nodeDefaults),
		edgeDefaults: defaultsOf(g.edgeDefaults),
		used:         map[string]bool{},
	}
	for _, e := range g.edges {
		w.used[e.from], w.used[e.to] = true, true
	}
	b := &w.b
	b.WriteString("digraph " + g.name + " {\n")
	writeStmt(b, 1, "graph", g.attrs, nil)
	writeStmt(b, 1, "node", g.nodeDefaults, nil)
	writeStmt(b, 1, "edge", g.edgeDefaults, nil)
	w.cluster(1, &g.root)
	for _, e := range g.edges {
		writeStmt(b, 1, e.from+" -> "+e.to, e.attrs, w.edgeDefaults)
	}
	b.WriteString("}\n")
	return b.String()
}

// dotWriter writes one graph: its defaults by key and the node names the
// edges use.
type dotWriter struct {
	b                          strings.Builder
	nodeDefaults, edgeDefaults map[string]string
	used                       map[string]bool
}

// defaultsOf returns attributes by key.
func defaultsOf(attrs []attr) map[string]string {
	m := make(map[string]string, len(attrs))
	for _, a := range attrs {
		m[a.key] = a.val
	}
	return m
}

// cluster writes the nodes and sub-clusters of c at the given depth.
func (w *dotWriter) cluster(depth int, c *cluster) {
	b := &w.b
	keepAnchors := !w.drawsWithoutAnchors(c)
	for _, n := range c.nodes {
		if n.anchor && !w.used[n.name] && !keepAnchors {
			continue
		}
		writeStmt(b, depth, n.name, n.attrs, w.nodeDefaults)
	}
	for _, sub := range c.clusters {
		indent(b, depth)
		b.WriteString("subgraph " + sub.name + " {\n")
		writeStmt(b, depth+1, "graph", sub.attrs, nil)
		w.cluster(depth+1, sub)
		indent(b, depth)
		b.WriteString("}\n")
	}
}

// drawsWithoutAnchors reports whether c holds a node once its unused
// anchors are left out: Graphviz does not draw an empty cluster.
func (w *dotWriter) drawsWithoutAnchors(c *cluster) bool {
	for _, n := range c.nodes {
		if !n.anchor || w.used[n.name] {
			return true
		}
	}
	for _, sub := range c.clusters {
		if w.drawsWithoutAnchors(sub) || hasAnchor(sub) {
			return true
		}
	}
	return false
}

// hasAnchor reports whether c has an anchor node of its own.
func hasAnchor(c *cluster) bool {
	for _, n := range c.nodes {
		if n.anchor {
			return true
		}
	}
	return false
}

// writeStmt writes `head [k="v", …];` keeping only allow-listed keys and
// leaving out those whose value equals their entry in defaults. The label
// of a graph statement (a cluster's) has left-justified lines.
func writeStmt(b *strings.Builder, depth int, head string, attrs []attr, defaults map[string]string) {
	indent(b, depth)
	b.WriteString(head)
	b.WriteString(" [")
	n := 0
	for _, a := range attrs {
		if !allowedAttr(a.key) {
			continue
		}
		if v, ok := defaults[a.key]; ok && v == a.val {
			continue
		}
		if n > 0 {
			b.WriteString(", ")
		}
		n++
		b.WriteString(a.key)
		b.WriteByte('=')
		if head == "graph" && a.key == "label" && a.val != "" {
			// A cluster's label: each line left-justified (DOT's "\l").
			b.WriteByte('"')
			for _, line := range strings.Split(a.val, "\n") {
				b.WriteString(escapeDOT(line) + `\l`)
			}
			b.WriteByte('"')
			continue
		}
		b.WriteString(quote(a.val))
	}
	b.WriteString("];\n")
}

// indent writes depth tabs.
func indent(b *strings.Builder, depth int) {
	for range depth {
		b.WriteByte('\t')
	}
}

// allowedAttr is the fixed list of Graphviz attributes a diagram may carry.
// Attributes that make Graphviz write links, load files or fonts, or copy
// text unescaped (URL, href, tooltip, image, stylesheet, HTML labels) are
// not on it; fontname is, with the constant value of graphDefaults only.
func allowedAttr(key string) bool {
	switch key {
	case "id", "class", "label", "shape", "style", "color", "fillcolor",
		"fontcolor", "fontname", "fontsize", "penwidth", "margin",
		"rankdir", "compound", "nodesep", "ranksep", "pad", "bgcolor",
		"labeljust", "labelloc", "ltail", "lhead", "dir", "arrowhead",
		"arrowsize", "width", "height", "splines", "outputorder":
		return true
	}
	return false
}
