package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"privatelink-playground/engine/rules"
)

// RuleBadge shows a rule ID; choosing it opens the rule's explanation.
type RuleBadge struct {
	app.Compo

	// ID is the rule's ID, e.g. "GW-02".
	ID string

	open bool
}

// Render draws the badge and, when open, the explanation.
func (b *RuleBadge) Render() app.UI {
	if b.ID == "" {
		return app.Span()
	}
	r, known := rules.Lookup(b.ID)
	return app.Span().Class("rule-wrap").Body(
		app.Button().Class("rule").DataSet("rule", b.ID).
			Title("What rule "+b.ID+" says").
			Aria("expanded", b.open).
			OnClick(func(ctx app.Context, e app.Event) {
				e.StopImmediatePropagation()
				b.open = !b.open
			}).
			Text(b.ID),
		app.If(b.open, func() app.UI {
			if !known {
				return app.Span().Class("rule-explain").Attr("role", "note").Text("No explanation for " + b.ID + ".")
			}
			return app.Span().Class("rule-explain").Attr("role", "note").Body(
				app.Strong().Text(r.ID+" · "+r.Title),
				app.Span().Class("rule-section").Text(r.Section),
				app.Span().Class("rule-summary").Text(r.Summary),
				app.Range(r.Explain).Slice(func(i int) app.UI {
					return app.Span().Class("rule-para").Text(r.Explain[i])
				}),
				app.If(len(r.See) > 0, func() app.UI {
					return app.Span().Class("rule-see").Text("See also: " + joinIDs(r.See))
				}),
			)
		}),
	)
}

func joinIDs(ids []string) string {
	s := ""
	for i, id := range ids {
		if i > 0 {
			s += ", "
		}
		s += id
	}
	return s
}
