package app

import (
	"fmt"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"privatelink-playground/engine"
)

// SavedTraces lists a lesson's saved traces with the verdicts the engine
// computes for them, and the hops of the one selected.
type SavedTraces struct {
	app.Compo

	// Traces are the results, in the scenario's order.
	Traces []engine.Trace

	selected int
}

// verdictIcons gives every verdict a word and an icon besides its colour.
var verdictIcons = map[string]string{
	engine.VerdictAllowed:     "✔",
	engine.VerdictDenied:      "✖",
	engine.VerdictUnreachable: "⛔",
	engine.VerdictUnresolved:  "?",
}

// Render draws the list and the selected trace's hops.
func (c *SavedTraces) Render() app.UI {
	if len(c.Traces) == 0 {
		return app.Section().Class("traces").Body(app.P().Class("muted").Text("This lesson has no saved traces."))
	}
	sel := c.selected
	if sel >= len(c.Traces) {
		sel = 0
	}
	return app.Section().Class("traces").Aria("label", "Saved traces").Body(
		app.H3().Text("Saved traces"),
		app.Ol().Class("trace-list").Body(
			app.Range(c.Traces).Slice(func(i int) app.UI {
				t := c.Traces[i]
				cls := "trace-item"
				if i == sel {
					cls += " selected"
				}
				return app.Li().Class(cls).DataSet("index", i).Body(
					app.Button().Class("trace-pick").
						Aria("pressed", i == sel).
						OnClick(func(ctx app.Context, e app.Event) { c.selected = i }).
						Body(
							verdictBadge(t.Verdict),
							app.Span().Class("trace-request").Text(describeRequest(t.Request)),
						),
				)
			}),
		),
		hopList(c.Traces[sel]),
	)
}

func verdictBadge(v string) app.UI {
	return app.Span().Class("verdict verdict-" + v).Text(verdictIcons[v] + " " + v)
}

func describeRequest(r engine.TraceRequest) string {
	s := fmt.Sprintf("%s → %s:%d", r.From, r.To, r.Port)
	if r.Action != "" {
		s += " " + r.Action
	}
	return s
}

func hopList(t engine.Trace) app.UI {
	return app.Ol().Class("hops").Aria("label", "Hops of the selected trace").Body(
		app.Range(t.Hops).Slice(func(i int) app.UI {
			h := t.Hops[i]
			return app.Li().Class("hop hop-"+h.Decision).Body(
				app.Span().Class("hop-kind").Text(h.Kind),
				app.Span().Class("hop-at").Text(h.At),
				app.Span().Class("hop-decision").Text(h.Decision),
				app.If(h.Rule != "", func() app.UI {
					return app.Span().Class("rule").Title("Rule " + h.Rule).Text(h.Rule)
				}),
				app.P().Class("hop-detail").Text(h.Detail),
			)
		}),
	)
}
