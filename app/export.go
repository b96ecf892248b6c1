package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// ExportMenu downloads the scenario as JSON or Terraform and the topology as
// SVG or PNG (web/playground.js does the downloading).
type ExportMenu struct {
	app.Compo

	// Store is the playground's store.
	Store *Store
	// Revision is the store's revision.
	Revision int
	// Notices shows why an export failed.
	Notices Notifier
}

// Render draws the export buttons.
func (m *ExportMenu) Render() app.UI {
	s := m.Store
	name := "scenario"
	if s.Lesson.ID != "" {
		name = s.Lesson.ID
	}
	hash := s.DOTHash()
	scope := app.EventScope(name, hash, s.Revision)
	// The layout may arrive after this renders: look it up on click.
	layout := func() string { svg, _ := CachedLayout(hash); return svg }
	return app.Div().Class("export").Body(
		app.Span().Class("export-label").Text("Export"),
		app.Button().ID("export-json").Title("Download the scenario as JSON").Text("JSON").
			OnClick(func(ctx app.Context, e app.Event) {
				callPage("plDownload", name+".json", "application/json", string(indentJSON(s.Document())))
			}, scope),
		&TerraformButton{Store: s, Name: name, Notices: m.Notices},
		app.Button().ID("export-svg").Title("Download the topology as SVG").Text("SVG").
			OnClick(func(ctx app.Context, e app.Event) {
				if svg := layout(); svg != "" {
					callPage("plDownload", name+".svg", "image/svg+xml", svg)
				}
			}, scope),
		app.Button().ID("export-png").Title("Download the topology as PNG").Text("PNG").
			OnClick(func(ctx app.Context, e app.Event) {
				if svg := layout(); svg != "" {
					callPage("plDownloadPNG", name+".png", svg)
				}
			}, scope),
	)
}

// callPage calls a function of web/playground.js when it is loaded.
func callPage(fn string, args ...any) {
	if !app.IsClient {
		return
	}
	if f := app.Window().Get(fn); f.Truthy() {
		app.Window().Call(fn, args...)
	}
}
