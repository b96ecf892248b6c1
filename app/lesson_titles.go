package app

import (
	"encoding/json"
	"sync"

	"privatelink-playground/engine/lessons"
)

var titles sync.Map // lesson ID → title

// lessonTitle returns a lesson's title, read once from its scenario.
func lessonTitle(l lessons.Lesson) string {
	if t, ok := titles.Load(l.ID); ok {
		return t.(string)
	}
	var doc struct {
		Title string `json:"title"`
	}
	json.Unmarshal(l.Scenario, &doc)
	if doc.Title == "" {
		doc.Title = l.ID
	}
	titles.Store(l.ID, doc.Title)
	return doc.Title
}
