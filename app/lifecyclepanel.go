package app

import (
	"fmt"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"privatelink-playground/engine"
)

// LifecyclePanel runs the provider's and the consumer's actions on the
// simulated clock — accept, reject, delete, advance time, or any action of
// the aws ec2 vocabulary as JSON — and shows the event log.
type LifecyclePanel struct {
	app.Compo

	// Store is the playground's store.
	Store *Store
	// Revision is the store's revision.
	Revision int

	custom string
	err    string
}

type endpointRow struct {
	id, vpc, typ, service, state string
	serviceID                    string
}

// endpointRows lists the scenario's endpoints with their effective state.
func endpointRows(sc *engine.Scenario) []endpointRow {
	var out []endpointRow
	for i := range sc.VPCs {
		for j, e := range sc.VPCs[i].Endpoints {
			row := endpointRow{id: e.ID, vpc: sc.VPCs[i].ID, typ: e.VPCEndpointType, service: e.ServiceName,
				state: engine.EffectiveEndpointState(sc, i, j)}
			if svc := engine.EndpointServiceOf(sc, &sc.VPCs[i].Endpoints[j]); svc != nil {
				row.serviceID = svc.ID
			}
			out = append(out, row)
		}
	}
	return out
}

func (p *LifecyclePanel) run(actions ...engine.Action) {
	if err := p.Store.RunActions(actions); err != nil {
		p.err = err.Error()
		return
	}
	p.err = ""
}

// runJSON runs actions written as JSON (the lesson's, or the learner's).
func (p *LifecyclePanel) runJSON(doc []byte) {
	if err := p.Store.RunActionsJSON(doc); err != nil {
		p.err = err.Error()
		return
	}
	p.err = ""
}

// Render draws the endpoints with their actions, the clock, the custom
// action editor and the event log.
func (p *LifecyclePanel) Render() app.UI {
	s := p.Store
	rows := endpointRows(s.Scenario)
	return app.Section().Class("lifecycle").Aria("label", "Lifecycle").Body(
		app.Div().Class("clock-line").Body(
			app.Span().ID("clock").Class("clock").Text(fmt.Sprintf("simulated clock: %d s", s.Scenario.Clock)),
			app.Button().ID("advance-60").Text("+60 s").
				OnClick(func(ctx app.Context, e app.Event) {
					p.run(engine.Action{Action: engine.ActionAdvanceTime, Seconds: 60})
				}),
			app.Button().ID("advance-hour").Text("+1 h").
				OnClick(func(ctx app.Context, e app.Event) {
					p.run(engine.Action{Action: engine.ActionAdvanceTime, Seconds: 3600})
				}),
			app.If(len(s.Lesson.Actions) > 0, func() app.UI {
				return app.Button().ID("play-lesson-actions").Text("▶ Play the lesson's actions").
					OnClick(func(ctx app.Context, e app.Event) { p.runJSON(s.Lesson.Actions) })
			}),
		),
		app.Table().Class("endpoints").Body(
			app.THead().Body(app.Tr().Body(app.Th().Text("endpoint"), app.Th().Text("type"), app.Th().Text("service"), app.Th().Text("state"), app.Th().Text("actions"))),
			app.TBody().Body(app.Range(rows).Slice(func(i int) app.UI {
				r := rows[i]
				return app.Tr().DataSet("endpoint", r.id).Body(
					app.Td().Class("mono").Text(r.id),
					app.Td().Text(r.typ),
					app.Td().Class("mono").Text(r.service),
					app.Td().Body(app.Span().Class("state state-"+r.state).Text(r.state)),
					app.Td().Body(
						app.If(r.serviceID != "" && r.state == engine.StatePendingAcceptance, func() app.UI {
							return app.Button().Class("accept").Text("Accept").
								OnClick(func(ctx app.Context, e app.Event) {
									p.run(engine.Action{Action: engine.ActionAcceptConnections, ServiceID: r.serviceID, VPCEndpointIDs: []string{r.id}})
								}, app.EventScope(r.id, r.serviceID))
						}),
						app.If(r.serviceID != "" && (r.state == engine.StatePendingAcceptance || r.state == engine.StateAvailable), func() app.UI {
							return app.Button().Class("reject").Text("Reject").
								OnClick(func(ctx app.Context, e app.Event) {
									p.run(engine.Action{Action: engine.ActionRejectConnections, ServiceID: r.serviceID, VPCEndpointIDs: []string{r.id}})
								}, app.EventScope(r.id, r.serviceID))
						}),
						app.Button().Class("delete danger").Text("Delete").
							OnClick(func(ctx app.Context, e app.Event) {
								p.run(engine.Action{Action: engine.ActionDeleteEndpoints, VPCEndpointIDs: []string{r.id}})
							}, app.EventScope(r.id)),
					),
				)
			})),
		),
		app.Details().Class("custom-action").Body(
			app.Summary().Text("Any action (aws ec2 names, JSON)"),
			app.Textarea().ID("action-json").Class("json-editor").Rows(6).Spellcheck(false).
				Placeholder(`[{"action": "create-vpc-endpoint", "vpcId": "…", "serviceName": "…", "vpcEndpointType": "Interface", "subnetIds": ["…"]}]`).
				Text(p.custom).
				OnInput(func(ctx app.Context, e app.Event) { p.custom = ctx.JSSrc().Get("value").String() }),
			app.Button().ID("run-actions").Text("Run").
				OnClick(func(ctx app.Context, e app.Event) { p.runJSON([]byte(p.custom)) }),
			app.Span().Class("muted").Text(" actions: "+joinIDs(engine.ActionNames())),
		),
		app.If(p.err != "", func() app.UI { return app.Pre().Class("draft-error").Attr("role", "alert").Text(p.err) }),
		eventLog(s.Events),
	)
}

// eventLog lists the lifecycle's events, newest last.
func eventLog(events []engine.Event) app.UI {
	if len(events) == 0 {
		return app.P().Class("muted").Text("No events yet: run an action.")
	}
	return app.Ol().ID("event-log").Class("event-log").Body(app.Range(events).Slice(func(i int) app.UI {
		ev := events[i]
		return app.Li().Class("event event-"+ev.Kind).Body(
			app.Span().Class("event-time").Text(fmt.Sprintf("t=%ds", ev.Time)),
			app.Span().Class("event-kind").Text(ev.Kind),
			app.Span().Class("mono").Text(ev.Resource),
			&RuleBadge{ID: ev.Rule},
			app.Span().Class("event-detail").Text(ev.Detail),
		)
	}))
}
