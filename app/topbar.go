package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// TopBar holds the brand, the lesson picker, undo and redo, and export.
type TopBar struct {
	app.Compo

	// Store is the playground's store.
	Store *Store
	// Revision is the store's revision, so the bar renders after changes.
	Revision int
	// Updated says a new version of the playground is ready.
	Updated bool
	// Notices shows messages to the learner.
	Notices Notifier
}

// Render draws the bar.
func (b *TopBar) Render() app.UI {
	s := b.Store
	return app.Header().Class("topbar").Body(
		app.H1().Class("brand").Text("PrivateLink Playground"),
		&LessonPicker{Store: s, Revision: s.Revision},
		app.Div().Class("toolbar").Body(
			app.Button().ID("undo").Title("Undo (Ctrl+Z)").Disabled(!s.CanUndo()).Text("↶ Undo").
				OnClick(func(ctx app.Context, e app.Event) { s.Undo() }),
			app.Button().ID("redo").Title("Redo (Ctrl+Shift+Z)").Disabled(!s.CanRedo()).Text("↷ Redo").
				OnClick(func(ctx app.Context, e app.Event) { s.Redo() }),
			&Importer{Store: s, Revision: s.Revision, Notices: b.Notices},
			&ExportMenu{Store: s, Revision: s.Revision, Notices: b.Notices},
			&ShareButton{Store: s, Revision: s.Revision},
		),
		app.If(b.Updated, func() app.UI {
			return app.Button().Class("update").Text("A new version is ready: reload").
				OnClick(func(ctx app.Context, e app.Event) { ctx.Reload() })
		}),
	)
}
