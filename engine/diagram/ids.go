package diagram

import (
	"strings"

	"privatelink-playground/engine"
)

// ElementID returns the id the diagram gives the SVG element drawn for a
// resource: "r-" followed by the resource ID with every byte outside
// [A-Za-z0-9-] written as "_" and two lower-case hex digits ("_" itself
// becomes "_5f"), so distinct resource IDs get distinct element IDs and the
// result is safe in an id attribute, a CSS selector and a class name.
func ElementID(resourceID string) string {
	const hex = "0123456789abcdef"
	var b strings.Builder
	b.Grow(2 + len(resourceID))
	b.WriteString("r-")
	for i := 0; i < len(resourceID); i++ {
		c := resourceID[i]
		if isIDByte(c) {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('_')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&0x0f])
	}
	return b.String()
}

// isIDByte reports whether c is kept as is by ElementID.
func isIDByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-'
}

// partID is the element ID of a part of a resource that has no ID of its own
// (an endpoint's network interface in a subnet, a VPC's Availability Zone).
func partID(owner, part string) string {
	return ElementID(owner + "/" + part)
}

// HighlightIDs returns the element IDs of the topology elements a trace
// passed through, one per distinct hop location (Hop.At) in hop order, for
// the UI to mark with a CSS class on the laid-out diagram.
func HighlightIDs(t engine.Trace) []string {
	ids := make([]string, 0, len(t.Hops))
	seen := make(map[string]bool, len(t.Hops))
	for _, h := range t.Hops {
		if h.At == "" || seen[h.At] {
			continue
		}
		seen[h.At] = true
		ids = append(ids, ElementID(h.At))
	}
	return ids
}
