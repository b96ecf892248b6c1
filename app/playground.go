package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"privatelink-playground/engine"
	"privatelink-playground/engine/diagram"
	"privatelink-playground/engine/lessons"
)

// Playground is the page: the open lesson's topology diagram and its story.
type Playground struct {
	app.Compo

	lesson   lessons.Lesson
	scenario *engine.Scenario
	problem  string
	dot      string
	traces   []engine.Trace
	updated  bool
}

// OnInit opens the default lesson.
func (p *Playground) OnInit() {
	p.open(lessons.Default())
}

// OnAppUpdate offers the new version of the playground.
func (p *Playground) OnAppUpdate(ctx app.Context) {
	p.updated = ctx.AppUpdateAvailable()
}

func (p *Playground) open(l lessons.Lesson) {
	p.lesson = l
	s, err := engine.Decode(l.Scenario)
	if err != nil {
		p.scenario, p.dot, p.problem = nil, "", err.Error()
		return
	}
	p.scenario, p.problem = s, ""
	p.dot = diagram.Topology(s)
	p.traces = nil
	w, err := engine.Compile(s)
	if err != nil {
		p.problem = err.Error()
		return
	}
	p.traces = w.TraceAll()
}

// Render lays the page out: header, lesson panel and topology.
func (p *Playground) Render() app.UI {
	title := "PrivateLink Playground"
	description := ""
	if p.scenario != nil {
		title = p.scenario.Title
		description = p.scenario.Description
	}
	return app.Div().Class("playground").Body(
		app.Header().Class("topbar").Body(
			app.H1().Class("brand").Text("PrivateLink Playground"),
			app.Span().Class("lesson-title").Text(title),
			app.If(p.updated, func() app.UI {
				return app.Button().Class("update").Text("A new version is ready: reload").
					OnClick(func(ctx app.Context, e app.Event) { ctx.Reload() })
			}),
		),
		app.Main().Class("workspace").Body(
			app.Aside().Class("lesson").Aria("label", "Lesson").Body(
				app.H2().Text(title),
				app.P().Class("narrative").Text(description),
				app.If(p.problem != "", func() app.UI {
					return app.Pre().Class("problem").Text(p.problem)
				}),
				&SavedTraces{Traces: p.traces},
			),
			app.Section().Class("topology").Aria("label", "Topology").Body(
				&Diagram{ID: "topology", DOT: p.dot, Label: "Topology diagram of " + title},
			),
		),
	)
}
