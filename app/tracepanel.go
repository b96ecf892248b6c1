package app

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"privatelink-playground/engine"
)

// TracePanel asks for a request (source, destination, port, action,
// resource, or a saved trace), shows the verdict, the hops with their rules
// and the trace path as its own diagram, and steps through the hops.
type TracePanel struct {
	app.Compo

	// Store is the playground's store.
	Store *Store
	// Revision is the store's revision.
	Revision int

	form  engine.TraceRequest
	err   string
	ready bool
	view  string // which hops the list shows (engine.Views); "" is every hop
}

// OnUpdate fills the form from the trace on show.
func (p *TracePanel) OnUpdate(ctx app.Context) {
	p.fill()
	ctx.Defer(func(app.Context) { p.syncInputs() })
}

// syncInputs writes the form into the inputs' values: an input keeps what
// was typed in it when its value attribute goes from text to empty.
func (p *TracePanel) syncInputs() {
	setInputValue("trace-from", p.form.From)
	setInputValue("trace-to", p.form.To)
	setInputValue("trace-port", portText(p.form.Port))
	setInputValue("trace-action", p.form.Action)
	setInputValue("trace-resource", p.form.Resource)
}

// OnInit fills the form from the trace on show.
func (p *TracePanel) OnInit() { p.fill() }

func (p *TracePanel) fill() {
	if t := p.Store.Trace; t != nil && (!p.ready || p.Store.TraceIndex >= 0) {
		p.form = t.Request
		p.ready = true
	}
}

// Render draws the panel.
func (p *TracePanel) Render() app.UI {
	s := p.Store
	src := s.Sources()
	return app.Section().Class("trace-panel").Aria("label", "Trace").Body(
		app.Form().Class("trace-form").
			OnSubmit(func(ctx app.Context, e app.Event) {
				e.PreventDefault()
				p.run()
			}).
			Body(
				app.Label().Body(app.Span().Text("from"),
					app.Select().ID("trace-from").OnChange(p.set("from")).Body(
						app.Range(src).Slice(func(i int) app.UI {
							return app.Option().Value(src[i].ID).Selected(src[i].ID == p.form.From).Text(src[i].ID)
						}),
					)),
				app.Label().Body(app.Span().Text("to"),
					app.Input().ID("trace-to").Type("text").Placeholder("name or IP").Value(p.form.To).OnInput(p.set("to"))),
				app.Label().Body(app.Span().Text("port"),
					app.Input().ID("trace-port").Type("number").Min(1).Max(65535).Value(portText(p.form.Port)).OnInput(p.set("port"))),
				app.Label().Body(app.Span().Text("action"),
					app.Input().ID("trace-action").Type("text").Placeholder("s3:GetObject").Value(p.form.Action).OnInput(p.set("action"))),
				app.Label().Class("wide").Body(app.Span().Text("resource"),
					app.Input().ID("trace-resource").Type("text").Placeholder("arn:aws:s3:::bucket/key").Value(p.form.Resource).OnInput(p.set("resource"))),
				app.Button().ID("trace-run").Type("submit").Text("▶ Trace"),
			),
		app.If(p.err != "", func() app.UI { return app.P().Class("draft-error").Attr("role", "alert").Text(p.err) }),
		app.If(s.Trace != nil, func() app.UI { return p.result(*s.Trace) }),
	)
}

func portText(port int) string {
	if port == 0 {
		return ""
	}
	return strconv.Itoa(port)
}

// set returns an input handler writing one form field.
func (p *TracePanel) set(field string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		v := ctx.JSSrc().Get("value").String()
		switch field {
		case "from":
			p.form.From = v
		case "to":
			p.form.To = strings.TrimSpace(v)
		case "port":
			p.form.Port, _ = strconv.Atoi(v)
		case "action":
			p.form.Action = strings.TrimSpace(v)
		case "resource":
			p.form.Resource = strings.TrimSpace(v)
		}
		p.ready = true
	}
}

func (p *TracePanel) run() {
	req := p.form
	if req.From == "" {
		if src := p.Store.Sources(); len(src) > 0 {
			req.From = src[0].ID
		}
	}
	if req.To == "" {
		p.err = "Say where the request goes: a DNS name or an IP address."
		return
	}
	if err := p.Store.RunTrace(req); err != nil {
		p.err = err.Error()
		return
	}
	p.err = ""
}

// result draws the verdict, the step controls, the hops and the path diagram.
func (p *TracePanel) result(t engine.Trace) app.UI {
	s := p.Store
	step := s.Step
	current := ""
	if step >= 0 {
		current = fmt.Sprintf("hop-%d", step)
	}
	var path []string
	for i := range t.Hops {
		if step < 0 || i <= step {
			path = append(path, fmt.Sprintf("hop-%d", i))
		}
	}
	view := p.view
	if view == "" {
		view = engine.ViewFull
	}
	shown, _ := t.HopsIn(view)
	stepText := fmt.Sprintf("all %d hops", len(t.Hops))
	if step >= 0 {
		stepText = fmt.Sprintf("hop %d of %d", step+1, len(t.Hops))
	}
	return app.Div().Class("trace-result").Body(
		app.Div().Class("verdict-line").Body(
			app.Span().ID("trace-verdict").Class("verdict big verdict-"+t.Verdict).Text(engine.VerdictIcon(t.Verdict)+" "+t.Verdict),
			app.If(t.Resolved != nil, func() app.UI {
				return app.Span().Class("resolved").Text(t.Resolved.Name + " → " + strings.Join(t.Resolved.Addresses, ", "))
			}),
			app.Div().Class("stepper").Body(
				app.Button().ID("step-back").Title("Previous hop (←)").Text("◀").
					OnClick(func(ctx app.Context, e app.Event) { s.StepBack() }),
				app.Span().ID("step-label").Class("step-label").Text(stepText),
				app.Button().ID("step-next").Title("Next hop (→)").Text("▶").
					OnClick(func(ctx app.Context, e app.Event) { s.StepTo(s.Step + 1) }),
				app.Button().ID("step-all").Title("Show every hop (Esc)").Text("All").
					OnClick(func(ctx app.Context, e app.Event) { s.StepTo(-1) }),
			),
		),
		hopViewPicker(view, func(v string) { p.view = v }),
		app.Div().Class("trace-body").Body(
			app.If(len(shown) == 0, func() app.UI {
				return app.P().ID("hops-empty").Class("muted hops-empty").Text(hopViewEmpty[view])
			}),
			app.Ol().Class("hops").Aria("label", "Hops").Body(
				app.Range(shown).Slice(func(k int) app.UI {
					i := shown[k]
					h := t.Hops[i]
					cls := "hop hop-" + h.Decision
					if i == step {
						cls += " at-step"
					} else if step >= 0 && i > step {
						cls += " later"
					}
					// value keeps the hop's number in the whole trace.
					return app.Li().Class(cls).DataSet("hop", i).Attr("value", i+1).Body(
						app.Span().Class("hop-kind").Text(h.Kind),
						app.Span().Class("hop-at").Text(h.At),
						app.Span().Class("hop-decision").Text(h.Decision),
						&RuleBadge{ID: h.Rule},
						app.P().Class("hop-detail").Text(h.Detail),
					)
				}),
			),
			app.Div().Class("trace-diagram").Body(
				&Diagram{ID: "trace-diagram", DOT: s.TraceDOT(), Label: "Path of the trace",
					Highlight: path, Current: current},
			),
		),
	)
}
