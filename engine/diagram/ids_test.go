package diagram

import (
	"regexp"
	"slices"
	"testing"

	"privatelink-playground/engine"
)

func TestElementID(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"vpc-0a1b2c3d", "r-vpc-0a1b2c3d"},
		{"", "r-"},
		{"a_b", "r-a_5fb"},
		{"a/b", "r-a_2fb"},
		{"com.amazonaws.us-east-1.s3", "r-com_2eamazonaws_2eus-east-1_2es3"},
		{`"><script>`, "r-_22_3e_3cscript_3e"},
		{"é", "r-_c3_a9"},
		{"a b", "r-a_20b"},
	} {
		if got := ElementID(tc.in); got != tc.want {
			t.Errorf("ElementID(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	safe := regexp.MustCompile(`^r-[A-Za-z0-9_-]*$`)
	seen := map[string]string{}
	for _, in := range []string{"a_2f", "a/", "a_", "a__", "_", "-", "a-b", "a_2db", "\x00", "\xff", "日本"} {
		id := ElementID(in)
		if !safe.MatchString(id) {
			t.Errorf("ElementID(%q) = %q has unsafe characters", in, id)
		}
		if other, ok := seen[id]; ok {
			t.Errorf("ElementID(%q) = ElementID(%q) = %q", in, other, id)
		}
		seen[id] = in
	}
}

func TestHighlightIDs(t *testing.T) {
	got := HighlightIDs(allowedTrace())
	want := []string{"r-vpc-0a1b2c3d", "r-sg-app", "r-rtb-private", "r-vpce-1a2b3c4d", "r-app-reports"}
	if !slices.Equal(got, want) {
		t.Errorf("HighlightIDs = %q, want %q", got, want)
	}
	if got := HighlightIDs(engine.Trace{}); len(got) != 0 {
		t.Errorf("HighlightIDs(empty) = %q", got)
	}
	got = HighlightIDs(engine.Trace{Hops: []engine.Hop{{At: ""}, {At: "a b"}, {At: "a b"}}})
	if !slices.Equal(got, []string{"r-a_20b"}) {
		t.Errorf("HighlightIDs = %q", got)
	}
}

// TestHighlightIDsMatchTopology checks that the elements a trace passes
// through carry the ids HighlightIDs returns.
func TestHighlightIDsMatchTopology(t *testing.T) {
	dot := Topology(loadScenario(t, "testdata/s3-gateway-endpoint.json"))
	for _, id := range HighlightIDs(allowedTrace()) {
		if id == "r-sg-app" { // security groups are not drawn
			continue
		}
		if !regexp.MustCompile(`id="` + id + `"`).MatchString(dot) {
			t.Errorf("topology has no element %s", id)
		}
	}
}
