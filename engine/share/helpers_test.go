package share

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"testing"

	"privatelink-playground/engine"
)

// example is one scenario of testdata/examples with its strict decode.
type example struct {
	name     string
	data     []byte
	scenario *engine.Scenario
}

// examples decodes every scenario of testdata/examples, in name order.
func examples(t testing.TB) []example {
	t.Helper()
	names, err := filepath.Glob(filepath.Join("testdata", "examples", "*.json"))
	if err != nil || len(names) == 0 {
		t.Fatalf("no examples in testdata/examples: %v", err)
	}
	sort.Strings(names)
	var out []example
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		s, err := engine.Decode(data)
		if err != nil {
			t.Fatalf("%s: %v", n, err)
		}
		out = append(out, example{name: filepath.Base(n), data: data, scenario: s})
	}
	return out
}

// canonical is what a link carries of s, decoded again: s itself, up to
// the whitespace of free-form JSON (policies, layout) and empty optional
// arrays, which canonical JSON omits (except a security group's egress,
// where an empty list means nothing out and is kept).
func canonical(t testing.TB, s *engine.Scenario) *engine.Scenario {
	t.Helper()
	doc, err := CanonicalJSON(s)
	if err != nil {
		t.Fatal(err)
	}
	c, err := engine.Decode(doc)
	if err != nil {
		t.Fatalf("canonical JSON does not decode: %v", err)
	}
	return c
}

// assertSameScenario fails unless got is want as a link carries it: equal
// to want's canonical decode, and with the same canonical JSON.
func assertSameScenario(t testing.TB, got, want *engine.Scenario) {
	t.Helper()
	if got == nil {
		t.Fatal("got no scenario")
	}
	if c := canonical(t, want); !reflect.DeepEqual(got, c) {
		t.Errorf("decoded scenario differs from the original's canonical decode")
	}
	a, _ := CanonicalJSON(got)
	b, _ := CanonicalJSON(want)
	if !bytes.Equal(a, b) {
		t.Errorf("canonical JSON differs:\ngot  %s\nwant %s", a, b)
	}
}

// mustJSON marshals v or fails.
func mustJSON(t testing.TB, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
