package diagram

import (
	"strconv"
	"strings"

	"privatelink-playground/engine"
)

// TracePath returns a trace as a small DOT digraph named trace: a left to
// right chain with one node per hop (its number and kind, where it was
// decided, the decision and the rule), coloured by the decision, ending in
// a verdict node with a word and an icon. Hop nodes are named h0, h1 … and
// carry the ids "hop-0", "hop-1" …; the verdict node is named verdict with
// the id "verdict". The scenario, which may be nil, names on-premises
// networks and accounts where a hop was decided.
func TracePath(s *engine.Scenario, t engine.Trace) string {
	g := newGraph("trace")
	graphDefaults(g, "LR")
	prev := ""
	for i, h := range t.Hops {
		name := "h" + strconv.Itoa(i)
		class := hopClass(h.Decision)
		decision := h.Decision
		if h.Rule != "" {
			decision += " · " + h.Rule
		}
		a := []attr{
			{"id", g.uniqueID("hop-" + strconv.Itoa(i))},
			{"class", "hop hop-" + class},
			{"label", labelText(hopNumber(i)+" "+h.Kind, placeName(s, h.At), decision)},
		}
		g.place(nil, &node{name: name, attrs: append(a, hopStyle(class)...)})
		if prev != "" {
			g.addEdge(prev, name)
		}
		prev = name
	}
	word, icon, class := verdictLook(t.Verdict)
	a := []attr{
		{"id", g.uniqueID("verdict")},
		{"class", "verdict verdict-" + class},
		{"label", labelText(icon + " " + word)},
		{"fontsize", "12"}, {"penwidth", "2"},
	}
	g.place(nil, &node{name: "verdict", attrs: append(a, verdictStyle(class)...)})
	if prev != "" {
		g.addEdge(prev, "verdict")
	}
	return g.String()
}

// hopNumber writes a hop's 1-based position, circled up to 20.
func hopNumber(i int) string {
	if i < 20 {
		return string(rune('①' + i))
	}
	return strconv.Itoa(i+1) + "."
}

// placeName names where a hop was decided: the resource ID, with the name
// of an on-premises network or an account when the scenario gives one.
func placeName(s *engine.Scenario, at string) string {
	if s == nil || at == "" {
		return at
	}
	for _, n := range s.Networks {
		if n.ID == at && n.Name != "" {
			return n.Name + " (" + at + ")"
		}
	}
	for _, a := range s.Accounts {
		if a.ID == at && a.Name != "" {
			return a.Name + " (" + at + ")"
		}
	}
	return at
}

// hopClass sorts a hop's decision into ok, denied, stopped or info.
func hopClass(decision string) string {
	d := strings.ToLower(decision)
	switch d {
	case "allowed", "forwarded", "matched", "resolved", "accepted", "delivered",
		"reached", "translated", "passed", "permitted", "available":
		return hopOK
	case "unreachable", "unresolved", "nxdomain", "no-route", "blackhole",
		"no-answer", "unhealthy", "not-found", "pending", "dropped":
		return hopStopped
	}
	switch {
	case strings.Contains(d, "deny"), strings.Contains(d, "denied"),
		strings.Contains(d, "reject"), strings.Contains(d, "refuse"):
		return hopDenied
	case strings.HasPrefix(d, "no-"), strings.HasPrefix(d, "not-"),
		strings.Contains(d, "unreach"), strings.Contains(d, "unresol"):
		return hopStopped
	}
	return hopInfo
}

// verdictLook returns the word, icon and class of a verdict.
func verdictLook(v string) (word, icon, class string) {
	if icon := engine.VerdictIcon(v); icon != "" {
		return v, icon, v
	}
	if v == "" {
		v = "no verdict"
	}
	return v, "?", "unknown"
}

// verdictStyle returns the colours of a verdict class.
func verdictStyle(class string) []attr {
	switch class {
	case "allowed":
		return []attr{{"fillcolor", "#bbf7d0"}, {"color", "#15803d"}}
	case "denied":
		return []attr{{"fillcolor", "#fecaca"}, {"color", "#b91c1c"}}
	case "unreachable":
		return []attr{{"fillcolor", "#e5e7eb"}, {"color", "#4b5563"}}
	case "unresolved":
		return []attr{{"fillcolor", "#fef3c7"}, {"color", "#b45309"}}
	}
	return []attr{{"fillcolor", "#f1f5f9"}, {"color", "#64748b"}}
}
