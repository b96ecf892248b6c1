// Package lessons holds the built-in lessons of the playground: scenario
// documents embedded in the binary, each with its metadata (the verdicts its
// saved traces must give, a challenge the engine checks as the learner edits,
// and optional lifecycle actions the UI can play). The first lesson opens by
// default.
//
// A lesson ID names three embedded files in data/: ID.json (the scenario,
// SCENARIO.md v1), ID.lesson.json (the metadata, see metadata.go) and,
// optionally, the actions file the metadata names.
package lessons

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"sync"
)

//go:embed data/*.json
var files embed.FS

// DefaultID is the ID of the lesson the playground opens on.
const DefaultID = "s3-gateway-endpoint"

// metaSuffix ends the name of a lesson's metadata file.
const metaSuffix = ".lesson.json"

// Lesson is one built-in lesson: a scenario document, its place in the
// library, what its saved traces must give and what the learner is asked to
// do.
type Lesson struct {
	// ID is the lesson's stable name, used in links (the file name without .json).
	ID string
	// Title is the scenario's title.
	Title string
	// Order is the lesson's place in the library, from 1.
	Order int
	// Scenario is the lesson's scenario document (SCENARIO.md v1 JSON).
	Scenario []byte
	// Expect holds the verdict each saved trace of the scenario gives, in
	// the order of its traces.
	Expect []string
	// Challenge is what the learner is asked to change; nil for none.
	Challenge *Challenge
	// Actions is the lesson's lifecycle actions file (the `apply` input),
	// nil when it has none.
	Actions []byte
}

// All returns every built-in lesson in library order (by Order, then ID).
// The lessons' byte slices and challenge are shared: read them, never
// change them.
// A lesson whose files do not load is left out; the package's tests make
// sure none is.
func All() []Lesson { return slices.Clone(library()) }

// library loads the embedded lessons once: they never change, and loading
// decodes every lesson's metadata and challenge.
var library = sync.OnceValue(func() []Lesson {
	var out []Lesson
	for _, id := range ids() {
		if l, err := load(id); err == nil {
			out = append(out, l)
		}
	}
	slices.SortStableFunc(out, func(a, b Lesson) int {
		if a.Order != b.Order {
			return a.Order - b.Order
		}
		return strings.Compare(a.ID, b.ID)
	})
	return out
})

// Default returns the lesson the playground opens on.
func Default() Lesson {
	l, _ := ByID(DefaultID)
	return l
}

// ByID returns the lesson with the given ID.
func ByID(id string) (Lesson, bool) {
	if !validID(id) {
		return Lesson{}, false
	}
	for _, l := range library() {
		if l.ID == id {
			return l, true
		}
	}
	return Lesson{}, false
}

// validID accepts the names of lesson files: no path, no dot, not empty.
func validID(id string) bool {
	return id != "" && !strings.ContainsAny(id, "/\\.")
}

// ids lists the IDs of the embedded lessons, sorted: every file with
// metadata.
func ids() []string {
	entries, err := fs.ReadDir(files, "data")
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range entries {
		if id, ok := strings.CutSuffix(e.Name(), metaSuffix); ok && validID(id) {
			out = append(out, id)
		}
	}
	return out
}

// load reads a lesson's files and decodes its metadata and challenge. The
// error says which file is wrong.
func load(id string) (Lesson, error) {
	scenario, err := files.ReadFile("data/" + id + ".json")
	if err != nil {
		return Lesson{}, err
	}
	metaData, err := files.ReadFile("data/" + id + metaSuffix)
	if err != nil {
		return Lesson{}, err
	}
	meta, err := DecodeMetadata(metaData)
	if err != nil {
		return Lesson{}, fmt.Errorf("lesson %s: %w", id, err)
	}
	var head struct {
		Title string `json:"title"`
	}
	if err := json.Unmarshal(scenario, &head); err != nil {
		return Lesson{}, fmt.Errorf("lesson %s: scenario: %w", id, err)
	}
	l := Lesson{ID: id, Title: head.Title, Order: meta.Order, Scenario: scenario, Expect: meta.Expect}
	if meta.Actions != "" {
		if !validActionsName(meta.Actions) {
			return Lesson{}, fmt.Errorf("lesson %s: actions %q is not a file name of the form NAME.actions.json", id, meta.Actions)
		}
		if l.Actions, err = files.ReadFile("data/" + meta.Actions); err != nil {
			return Lesson{}, fmt.Errorf("lesson %s: %w", id, err)
		}
	}
	if meta.Challenge != nil {
		meta.Challenge.bind(scenario, l.Actions)
		l.Challenge = meta.Challenge
	}
	return l, nil
}

// validActionsName accepts NAME.actions.json with a NAME that is a valid ID.
func validActionsName(name string) bool {
	stem, ok := strings.CutSuffix(name, ".actions.json")
	return ok && validID(stem)
}
