package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// BottomPanel holds the trace, lifecycle and cost tabs.
type BottomPanel struct {
	app.Compo

	// Store is the playground's store.
	Store *Store
	// Revision is the store's revision.
	Revision int

	tab string
}

var bottomTabs = []struct{ id, title string }{
	{"trace", "Trace"},
	{"lifecycle", "Lifecycle"},
	{"cost", "Cost"},
	{"matrix", "Reachability"},
}

// Render draws the tab bar and the open tab.
func (b *BottomPanel) Render() app.UI {
	if b.tab == "" {
		b.tab = "trace"
	}
	s := b.Store
	var body app.UI
	switch b.tab {
	case "lifecycle":
		body = &LifecyclePanel{Store: s, Revision: s.Revision}
	case "cost":
		body = &CostPanel{Store: s, Revision: s.Revision}
	case "matrix":
		body = &MatrixPanel{Store: s, Revision: s.Revision}
	default:
		body = &TracePanel{Store: s, Revision: s.Revision}
	}
	return app.Section().Class("bottom-panel").Body(
		app.Div().Class("tabs").Attr("role", "tablist").Body(
			app.Range(bottomTabs).Slice(func(i int) app.UI {
				t := bottomTabs[i]
				return app.Button().ID("tab-"+t.id).Attr("role", "tab").
					Aria("selected", b.tab == t.id).Class("tab").
					OnClick(func(ctx app.Context, e app.Event) { b.tab = t.id }, app.EventScope(t.id)).
					Text(t.title)
			}),
		),
		body,
	)
}
