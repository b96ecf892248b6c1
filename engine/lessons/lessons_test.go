package lessons

import (
	"encoding/json"
	"testing"
)

func TestDefaultLessonIsTheS3GatewayEndpoint(t *testing.T) {
	l := Default()
	if l.ID != "s3-gateway-endpoint" {
		t.Fatalf("default lesson = %q, want s3-gateway-endpoint", l.ID)
	}
	var doc struct {
		Version int    `json:"version"`
		Title   string `json:"title"`
	}
	if err := json.Unmarshal(l.Scenario, &doc); err != nil {
		t.Fatalf("default lesson is not JSON: %v", err)
	}
	if doc.Version != 1 || doc.Title == "" {
		t.Fatalf("default lesson: version %d title %q", doc.Version, doc.Title)
	}
}

func TestAllListsEveryLessonOnce(t *testing.T) {
	seen := map[string]bool{}
	for _, l := range All() {
		if seen[l.ID] {
			t.Errorf("lesson %q listed twice", l.ID)
		}
		seen[l.ID] = true
		if len(l.Scenario) == 0 {
			t.Errorf("lesson %q is empty", l.ID)
		}
	}
	if len(seen) != len(order) {
		t.Errorf("All() returned %d lessons, want %d", len(seen), len(order))
	}
}

func TestByIDRefusesPaths(t *testing.T) {
	for _, id := range []string{"", "../lessons", "data/x", "a.json"} {
		if _, ok := ByID(id); ok {
			t.Errorf("ByID(%q) found a lesson", id)
		}
	}
}
