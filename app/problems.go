package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"privatelink-playground/engine"
)

// problemList shows validation problems, each with its rule and JSON path.
func problemList(title string, ps engine.Problems) app.UI {
	if len(ps) == 0 {
		return nil
	}
	return app.Section().Class("problems").Attr("role", "alert").Body(
		app.H4().Text(title),
		app.Ul().Body(app.Range(ps).Slice(func(i int) app.UI {
			p := ps[i]
			return app.Li().Class("problem").Body(
				&RuleBadge{ID: p.Rule},
				app.Code().Class("problem-path").Text(p.Path),
				app.Span().Class("problem-message").Text(p.Message),
			)
		})),
	)
}
