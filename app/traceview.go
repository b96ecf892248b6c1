package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"privatelink-playground/engine"
)

// hopViews names the views of a trace's hops (engine.Views) for the page,
// with what each keeps.
var hopViews = []struct{ view, label, title string }{
	{engine.ViewFull, "Every hop", "Show every hop of the trace"},
	{engine.ViewDecisions, "Decisions", "Show the hops that decided something: answers, route choices, rules and policies"},
	{engine.ViewFailures, "Failures", "Show the hops that refused or failed"},
}

// hopViewEmpty says why a view shows no hop.
var hopViewEmpty = map[string]string{
	engine.ViewDecisions: "Every hop only carried the request along.",
	engine.ViewFailures:  "No hop refused or stopped the request.",
}

// hopViewPicker draws the views as toggle buttons, current pressed; pick
// gets the view chosen.
func hopViewPicker(current string, pick func(view string)) app.UI {
	return app.Div().Class("hop-views").Attr("role", "group").Aria("label", "Which hops to show").Body(
		app.Range(hopViews).Slice(func(i int) app.UI {
			v := hopViews[i]
			return app.Button().ID("view-"+v.view).Title(v.title).Text(v.label).
				Aria("pressed", v.view == current).
				OnClick(func(ctx app.Context, e app.Event) { pick(v.view) })
		}),
	)
}
