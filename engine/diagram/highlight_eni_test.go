package diagram

import (
	"slices"
	"strings"
	"testing"

	"privatelink-playground/engine"
)

// A trace through an interface endpoint with interfaces in two subnets
// highlights the one that took the request (the subnet holding the address
// the name resolved to), an element the topology draws, and not the other.
func TestHighlightIDsInMarksTheEndpointInterfaceUsed(t *testing.T) {
	s := example(t, "interface-endpoint-private-dns")
	w, err := engine.Compile(s)
	if err != nil {
		t.Fatal(err)
	}
	tr := w.TraceAll()[0] // i-worker → SQS through vpce-0sqs
	if tr.Resolved == nil || tr.Resolved.Addresses[0] != "10.1.1.100" {
		t.Fatalf("the trace resolved %+v, want vpce-0sqs's interface in subnet-a first", tr.Resolved)
	}
	used, other := partID("vpce-0sqs", "subnet-a"), partID("vpce-0sqs", "subnet-b")
	ids := HighlightIDsIn(s, tr)
	if !slices.Contains(ids, used) || slices.Contains(ids, other) {
		t.Errorf("highlighted %v: want %s, not %s", ids, used, other)
	}
	if slices.Contains(HighlightIDs(tr), used) {
		t.Errorf("HighlightIDs without the scenario named an interface")
	}
	if dot := Topology(s); !strings.Contains(dot, `id="`+used+`"`) {
		t.Errorf("the topology has no element %s", used)
	}
	// A trace that names an address in subnet-b goes through that interface.
	tr.Request.To, tr.Resolved = "10.1.2.5", nil
	if ids := HighlightIDsIn(s, tr); !slices.Contains(ids, other) || slices.Contains(ids, used) {
		t.Errorf("to 10.1.2.5: highlighted %v, want %s only", ids, other)
	}
}
