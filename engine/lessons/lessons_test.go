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
	if doc.Version != 1 || doc.Title == "" || doc.Title != l.Title {
		t.Fatalf("default lesson: version %d title %q (Lesson.Title %q)", doc.Version, doc.Title, l.Title)
	}
	if all := All(); len(all) == 0 || all[0].ID != l.ID {
		t.Fatalf("the default lesson is not first in All()")
	}
}

func TestAllListsEveryLessonOnceInOrder(t *testing.T) {
	seen := map[string]bool{}
	orders := map[int]string{}
	prev := 0
	for _, l := range All() {
		if seen[l.ID] {
			t.Errorf("lesson %q listed twice", l.ID)
		}
		seen[l.ID] = true
		if len(l.Scenario) == 0 || l.Title == "" {
			t.Errorf("lesson %q is empty or has no title", l.ID)
		}
		if other, dup := orders[l.Order]; dup {
			t.Errorf("lessons %q and %q share order %d", other, l.ID, l.Order)
		}
		orders[l.Order] = l.ID
		if l.Order <= prev {
			t.Errorf("lesson %q: order %d after %d", l.ID, l.Order, prev)
		}
		prev = l.Order
		if l.Challenge == nil {
			t.Errorf("lesson %q has no challenge", l.ID)
		}
	}
	if got, want := len(seen), len(ids()); got != want {
		t.Errorf("All() returned %d lessons, want %d (one failed to load?)", got, want)
	}
	if len(seen) < 10 {
		t.Errorf("%d lessons, want at least 10", len(seen))
	}
}

func TestEveryLessonLoads(t *testing.T) {
	for _, id := range ids() {
		if _, err := load(id); err != nil {
			t.Errorf("%v", err)
		}
		l, ok := ByID(id)
		if !ok || l.ID != id {
			t.Errorf("ByID(%q) = %q, %v", id, l.ID, ok)
		}
		// A challenge decodes the lesson's scenario and actions when first
		// checked: they must decode.
		if l.Challenge != nil {
			if err := l.Challenge.decoded(); err != nil || l.Challenge.base == nil {
				t.Errorf("lesson %s: the challenge's scenario and actions: %v", id, err)
			}
		}
	}
}

func TestByIDRefusesPaths(t *testing.T) {
	for _, id := range []string{"", "../lessons", "data/x", "a.json", "s3-gateway-endpoint.lesson", "no-such-lesson"} {
		if _, ok := ByID(id); ok {
			t.Errorf("ByID(%q) found a lesson", id)
		}
	}
}
