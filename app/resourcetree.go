package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// ResourceTree lists the scenario's resources, nested under their parents;
// choosing one selects it in the diagram and the inspector.
type ResourceTree struct {
	app.Compo

	// Store is the playground's store.
	Store *Store
	// Revision is the store's revision.
	Revision int
}

// Render draws the tree.
func (t *ResourceTree) Render() app.UI {
	s := t.Store
	res := s.Resources()
	depth := map[string]int{}
	return app.Nav().Class("resources").Aria("label", "Resources").Body(
		app.H3().Text("Resources"),
		app.Ul().Class("resource-tree").Body(
			app.Range(res).Slice(func(i int) app.UI {
				r := res[i]
				d := 0
				if p, ok := depth[r.Parent]; ok {
					d = p + 1
				}
				depth[r.ID] = d
				cls := "resource kind-" + r.Kind
				if r.ID == s.Selected {
					cls += " selected"
				}
				return app.Li().Class(cls).DataSet("id", r.ID).DataSet("depth", d).Body(
					app.Button().Class("resource-pick").
						Aria("pressed", r.ID == s.Selected).
						OnClick(func(ctx app.Context, e app.Event) { s.Select(r.ID) }, app.EventScope(r.ID)).
						Body(
							app.Span().Class("resource-kind").Text(r.Kind),
							app.Span().Class("resource-id").Text(r.ID),
							app.If(r.Label != "", func() app.UI {
								return app.Span().Class("resource-label").Text(r.Label)
							}),
						),
				)
			}),
		),
	)
}
