package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"privatelink-playground/engine/lessons"
)

// LessonPicker opens a built-in lesson.
type LessonPicker struct {
	app.Compo

	// Store is the playground's store.
	Store *Store
	// Revision is the store's revision.
	Revision int
}

// Render draws the lesson menu.
func (l *LessonPicker) Render() app.UI {
	s := l.Store
	all := lessons.All()
	return app.Label().Class("lesson-picker").Body(
		app.Span().Class("visually-hidden").Text("Lesson"),
		app.Select().ID("lesson-select").
			OnChange(func(ctx app.Context, e app.Event) {
				id := ctx.JSSrc().Get("value").String()
				if lesson, ok := lessons.ByID(id); ok {
					s.OpenLesson(lesson)
				}
			}).
			Body(
				app.If(s.Lesson.ID == "", func() app.UI {
					return app.Option().Value("").Selected(true).Text("Your own scenario")
				}),
				app.Range(all).Slice(func(i int) app.UI {
					return app.Option().Value(all[i].ID).Selected(all[i].ID == s.Lesson.ID).Text(all[i].Title)
				}),
			),
	)
}
