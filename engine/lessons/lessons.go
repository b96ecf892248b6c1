// Package lessons holds the built-in lessons of the playground: scenario
// documents embedded in the binary, the first of which opens by default.
package lessons

import (
	"embed"
	"strings"
)

//go:embed data/*.json
var files embed.FS

// Lesson is one built-in lesson: a scenario document and its place in the
// library.
type Lesson struct {
	// ID is the lesson's stable name, used in links (the file name without .json).
	ID string
	// Scenario is the lesson's scenario document (SCENARIO.md v1 JSON).
	Scenario []byte
}

// order lists the lessons in library order; the first is the default lesson.
var order = []string{
	"s3-gateway-endpoint",
}

// All returns every built-in lesson in library order.
func All() []Lesson {
	out := make([]Lesson, 0, len(order))
	for _, id := range order {
		l, ok := ByID(id)
		if ok {
			out = append(out, l)
		}
	}
	return out
}

// Default returns the lesson the playground opens on.
func Default() Lesson {
	l, _ := ByID(order[0])
	return l
}

// ByID returns the lesson with the given ID.
func ByID(id string) (Lesson, bool) {
	if strings.ContainsAny(id, "/\\.") || id == "" {
		return Lesson{}, false
	}
	data, err := files.ReadFile("data/" + id + ".json")
	if err != nil {
		return Lesson{}, false
	}
	return Lesson{ID: id, Scenario: data}, true
}
