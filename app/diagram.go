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
	// Hash is DOTHash(DOT) when the parent has it already (hashing a large
	// diagram's DOT text takes milliseconds in WebAssembly); else empty.
	Hash string
	// Label names the diagram for assistive technology.
	Label string
	// Highlight lists element IDs to mark as on the trace's path.
	Highlight []string
	// Current is the element ID of the hop being stepped through.
	Current string
	// Selected is the element ID of the selected resource.
	Selected string

	dot    string // the DOT text hash names
	hash   string
	svg    string
	status string
	failed bool
}

// OnInit looks the diagram up in the layout cache, on the server and in the
// browser alike.
func (d *Diagram) OnInit() { d.useCache() }

// OnMount starts a layout when the cache had none.
func (d *Diagram) OnMount(ctx app.Context) {
	d.layoutIfNeeded(ctx)
	ctx.Defer(d.mark)
}

// OnUpdate reacts to new DOT text or new highlights from the parent.
func (d *Diagram) OnUpdate(ctx app.Context) {
	ctx.Defer(d.mark)
	if d.DOT == d.dot {
		return // no new layout: hashing the DOT on every update would cost more
	}
	d.useCache()
	d.layoutIfNeeded(ctx)
}

// mark sets the CSS classes of the trace's path, the current hop and the
// selection on the laid-out SVG: no new layout is needed to highlight.
func (d *Diagram) mark(ctx app.Context) {
	if !app.IsClient {
		return
	}
	root := app.Window().GetElementByID(d.ID)
	if !root.Truthy() {
		return
	}
	for _, cls := range []string{"on-path", "at-step", "is-selected"} {
		old := root.Call("querySelectorAll", "."+cls)
		for i := old.Length() - 1; i >= 0; i-- {
			old.Index(i).Get("classList").Call("remove", cls)
		}
	}
	add := func(id, cls string) {
		if id == "" {
			return
		}
		if el := app.Window().GetElementByID(id); el.Truthy() && root.Call("contains", el).Bool() {
			el.Get("classList").Call("add", cls)
		}
	}
	for _, id := range d.Highlight {
		add(id, "on-path")
	}
	add(d.Current, "at-step")
	add(d.Selected, "is-selected")
	if len(d.Highlight) > 0 {
		root.Get("classList").Call("add", "has-path")
	} else {
		root.Get("classList").Call("remove", "has-path")
	}
}

// clickedElement returns the ID of the diagram element (an SVG group with
// an id) a click landed in, or "". A parent listens for clicks on a diagram:
// a func field would make go-app render the Diagram again at every render
// of its parent (func values never compare equal).
func clickedElement(e app.Event) string {
	target := e.Get("target")
	if !target.Truthy() {
		return ""
	}
	g := target.Call("closest", "g[id]")
	if !g.Truthy() {
		return ""
	}
	return g.Get("id").String()
}

func (d *Diagram) useCache() {
	d.dot, d.hash = d.DOT, d.Hash
	if d.hash == "" {
		d.hash = DOTHash(d.DOT)
	}
	d.svg, _ = CachedLayout(d.hash)
	d.status, d.failed = "", false
}

func (d *Diagram) layoutIfNeeded(ctx app.Context) {
	if d.svg != "" || d.DOT == "" || !app.IsClient {
		return
	}
	hash := d.hash
	d.status = "Laying out the diagram…"
	requestLayout(ctx, d.DOT, hash,
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
				ctx.Defer(d.mark)
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
