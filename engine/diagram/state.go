package diagram

import (
	"strings"

	"privatelink-playground/engine"
)

// stateBadges are the badges of the endpoint and endpoint service states
// of SVC-03 and SVC-07 other than Available, which shows none. Only these
// states become a CSS class "state-<lowercase state>": a state the scenario
// spells otherwise never reaches an attribute other than the label.
var stateBadges = map[string]string{
	engine.StatePendingAcceptance: "◷",
	engine.StatePending:           "◷",
	engine.StateRejected:          "✖",
	engine.StateExpired:           "✖",
	engine.StateFailed:            "✖",
	engine.StateDeleting:          "◷",
	engine.StateDeleted:           "✖",
}

// stateBadge returns the label line and the extra CSS class that show an
// effective state: none for Available or no state, a badge and the class
// "state-<lowercase state>" for a known state, and the text alone (no
// class) for an unknown one.
func stateBadge(state string) (line, class string) {
	if state == "" || state == engine.StateAvailable {
		return "", ""
	}
	badge, known := stateBadges[state]
	if !known {
		return "state " + state, ""
	}
	return badge + " " + state, "state-" + strings.ToLower(state)
}

// withClass appends a CSS class to the class attribute of a node's
// attributes; an empty class changes nothing.
func withClass(attrs []attr, class string) []attr {
	if class == "" {
		return attrs
	}
	for i := range attrs {
		if attrs[i].key == "class" {
			attrs[i].val += " " + class
		}
	}
	return attrs
}
