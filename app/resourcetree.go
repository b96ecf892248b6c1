package app

import (
	"fmt"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// resourcePage is how many resources the tree draws before a button draws
// the rest: drawing thousands of rows (an imported account) element by
// element from WebAssembly held the page for half a second.
const resourcePage = 200

// ResourceTree lists the scenario's resources, nested under their parents;
// choosing one selects it in the diagram and the inspector.
type ResourceTree struct {
	app.Compo

	// Store is the playground's store.
	Store *Store
	// Revision is the store's revision.
	Revision int

	all bool // every resource drawn, past the first page
}

// Render draws the tree: the first page of resources, and as far as the
// selected one when it comes later.
func (t *ResourceTree) Render() app.UI {
	s := t.Store
	res := s.Resources()
	depth := make([]int, len(res))
	at := map[string]int{}
	shown := len(res)
	if !t.all {
		shown = min(shown, resourcePage)
	}
	for i, r := range res {
		if p, ok := at[r.Parent]; ok {
			depth[i] = depth[p] + 1
		}
		at[r.ID] = i
		if r.ID == s.Selected && i >= shown {
			shown = i + 1
		}
	}
	return app.Nav().Class("resources").Aria("label", "Resources").Body(
		app.H3().Text("Resources"),
		app.Ul().Class("resource-tree").Body(
			app.Range(res[:shown]).Slice(func(i int) app.UI {
				r := res[i]
				cls := "resource kind-" + r.Kind
				if r.ID == s.Selected {
					cls += " selected"
				}
				return app.Li().Class(cls).DataSet("id", r.ID).DataSet("depth", depth[i]).Body(
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
		app.If(shown < len(res), func() app.UI {
			return app.Button().ID("resources-more").
				Text(fmt.Sprintf("Show all %d resources (%d more)", len(res), len(res)-shown)).
				OnClick(func(ctx app.Context, e app.Event) { t.all = true })
		}),
	)
}
