package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"privatelink-playground/app/svgsafe"
)

// Diagram shows DOT text laid out as sanitized SVG. The layout comes from
// the layout cache (prerendered or laid out before) or from the browser's
// render worker; while a layout runs the diagram says so.
type Diagram struct {
	app.Compo

	// ID is the DOM id of the diagram's container.
	ID string
	// DOT is the diagram's Graphviz source.
	DOT string
	// Label names the diagram for assistive technology.
	Label string

	hash   string
	svg    string
	status string
	failed bool
}

// OnInit looks the diagram up in the layout cache, on the server and in the
// browser alike.
func (d *Diagram) OnInit() { d.useCache() }

// OnMount starts a layout when the cache had none.
func (d *Diagram) OnMount(ctx app.Context) { d.layoutIfNeeded(ctx) }

// OnUpdate reacts to new DOT text from the parent.
func (d *Diagram) OnUpdate(ctx app.Context) {
	if DOTHash(d.DOT) == d.hash {
		return
	}
	d.useCache()
	d.layoutIfNeeded(ctx)
}

func (d *Diagram) useCache() {
	d.hash = DOTHash(d.DOT)
	d.svg, _ = CachedLayout(d.hash)
	d.status, d.failed = "", false
}

func (d *Diagram) layoutIfNeeded(ctx app.Context) {
	if d.svg != "" || d.DOT == "" || !app.IsClient {
		return
	}
	hash := d.hash
	d.status = "Laying out the diagram…"
	requestLayout(ctx, d.DOT,
		func(word string) {
			if d.hash == hash && d.svg == "" {
				d.status = "Laying out the diagram: " + word + "…"
			}
		},
		func(svg string, err error) {
			if err == nil {
				svg, err = svgsafe.Sanitize(svg)
			}
			if err != nil {
				if d.hash == hash {
					d.status, d.failed = "The diagram could not be laid out: "+err.Error(), true
				}
				return
			}
			layouts.put(hash, svg)
			if d.hash == hash {
				d.svg, d.status, d.failed = svg, "", false
			}
		})
}

// Render draws the SVG, or the layout's progress or failure.
func (d *Diagram) Render() app.UI {
	busy := "false"
	if d.status != "" && !d.failed {
		busy = "true"
	}
	return app.Div().
		ID(d.ID).
		Class("diagram").
		Aria("label", d.Label).
		Aria("busy", busy).
		DataSet("dot-hash", d.hash).
		Body(
			app.If(d.status != "", func() app.UI {
				cls := "diagram-status"
				if d.failed {
					cls += " diagram-error"
				}
				return app.P().Class(cls).Attr("role", "status").Text(d.status)
			}),
			app.If(d.svg != "", func() app.UI {
				return app.Div().Class("diagram-canvas").Body(app.Raw(d.svg))
			}),
		)
}
