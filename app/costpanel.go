package app

import (
	"fmt"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// CostPanel estimates the monthly bill of the scenario's endpoints (IF-10).
type CostPanel struct {
	app.Compo

	// Store is the playground's store.
	Store *Store
	// Revision is the store's revision.
	Revision int
}

// Render draws the estimate.
func (c *CostPanel) Render() app.UI {
	r := c.Store.Cost()
	return app.Section().Class("cost").Aria("label", "Cost").Body(
		app.P().Body(
			app.Text(fmt.Sprintf("Estimated for %d hours: ", r.Hours)),
			app.Strong().ID("cost-total").Text(fmt.Sprintf("$%.2f", r.Total)),
			app.Text(fmt.Sprintf(" (hours $%.2f, data processed $%.2f) ", r.HourlyTotal, r.DataTotal)),
			&RuleBadge{ID: r.Rule},
		),
		app.Table().Class("endpoints").Body(
			app.THead().Body(app.Tr().Body(app.Th().Text("endpoint"), app.Th().Text("type"), app.Th().Text("AZs"), app.Th().Text("hours"), app.Th().Text("data"), app.Th().Text("total"), app.Th().Text("why"))),
			app.TBody().Body(app.Range(r.Endpoints).Slice(func(i int) app.UI {
				e := r.Endpoints[i]
				return app.Tr().Body(
					app.Td().Class("mono").Text(e.Endpoint),
					app.Td().Text(e.Type),
					app.Td().Text(fmt.Sprint(e.AZs)),
					app.Td().Text(fmt.Sprintf("$%.2f", e.HourlyCost)),
					app.Td().Text(fmt.Sprintf("$%.2f (%.0f GB)", e.DataCost, e.DataGB)),
					app.Td().Text(fmt.Sprintf("$%.2f", e.Total)),
					app.Td().Class("muted").Text(e.Detail),
				)
			})),
		),
	)
}
