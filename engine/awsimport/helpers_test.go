package awsimport

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"privatelink-playground/engine"
)

// samples are the captures of testdata, each a folder of describe output.
var samples = []string{"public-private-subnet", "nat-gateway", "vpc-peering"}

// importSample imports one capture of testdata.
func importSample(t *testing.T, name string) *Result {
	t.Helper()
	r, err := ImportDir(filepath.Join("testdata", name))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return r
}

// readSample decodes one file of a capture into v.
func readSample(t *testing.T, sample, file string, v any) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", sample, file))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatal(err)
	}
}

// importJSON imports files given as JSON text.
func importJSON(t *testing.T, files map[string]string) *Result {
	t.Helper()
	in := map[string][]byte{}
	for k, v := range files {
		in[k] = []byte(v)
	}
	r, err := Import(in)
	if err != nil {
		t.Fatalf("Import: %v", err)
	}
	return r
}

// notesAbout returns the notes whose path starts with prefix.
func notesAbout(r *Result, prefix string) []Note {
	var out []Note
	for _, n := range r.Unmapped {
		if strings.HasPrefix(n.Path, prefix) {
			out = append(out, n)
		}
	}
	return out
}

// assertNote fails unless a note at path holds every one of words.
func assertNote(t *testing.T, r *Result, path string, words ...string) {
	t.Helper()
	for _, n := range r.Unmapped {
		if n.Path != path {
			continue
		}
		ok := true
		for _, w := range words {
			if !strings.Contains(n.What, w) {
				ok = false
			}
		}
		if ok {
			return
		}
	}
	t.Errorf("no note at %s saying %q; notes: %v", path, words, r.Unmapped)
}

// assertValid fails unless the scenario, written as JSON, decodes strictly
// and validates with no problem.
func assertValid(t *testing.T, s *engine.Scenario) {
	t.Helper()
	data, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	decoded, problems := engine.Load(data)
	if decoded == nil || len(problems) > 0 {
		t.Errorf("imported scenario is not valid:\n%v\n%s", problems, data)
	}
}

// vpcByID returns a VPC of the scenario.
func vpcByID(t *testing.T, s *engine.Scenario, id string) *engine.VPC {
	t.Helper()
	return byID(t, "VPC", s.VPCs, id, func(v *engine.VPC) string { return v.ID })
}

// byID returns the item of list whose ID is id, failing the test when there
// is none; what names the kind of item.
func byID[T any](t *testing.T, what string, list []T, id string, idOf func(*T) string) *T {
	t.Helper()
	for i := range list {
		if idOf(&list[i]) == id {
			return &list[i]
		}
	}
	t.Fatalf("no %s %s among %s", what, id, asJSON(list))
	return nil
}

// assertNotesStartWith checks that the import noted exactly as many items as
// want, each starting with its want, in order.
func assertNotesStartWith(t *testing.T, r *Result, want []string) {
	t.Helper()
	if len(r.Unmapped) != len(want) {
		t.Fatalf("%d notes, want %d:\n%v", len(r.Unmapped), len(want), r.Unmapped)
	}
	for i, w := range want {
		if got := r.Unmapped[i].String(); !strings.HasPrefix(got, w) {
			t.Errorf("note %d = %q, want it to start with %q", i, got, w)
		}
	}
}

// asJSON writes v compactly, for comparisons.
func asJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
