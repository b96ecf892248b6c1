package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"privatelink-playground/engine/diagram"
	"privatelink-playground/engine/lessons"
)

// Playground is the page: the lesson, the resource tree, the topology, the
// inspector and the trace panel, all rendering from one Store.
type Playground struct {
	app.Compo

	store   *Store
	updated bool
	notice  string
	keys    app.Func
}

// OnInit opens the default lesson.
func (p *Playground) OnInit() {
	p.store = NewStore(lessons.Default())
}

// OnMount listens for the keyboard shortcuts: undo and redo, and the arrow
// keys to step through a trace.
func (p *Playground) OnMount(ctx app.Context) {
	p.keys = app.FuncOf(func(this app.Value, args []app.Value) any {
		if len(args) == 0 {
			return nil
		}
		e := args[0]
		if handled := p.onKey(ctx, keyEvent{
			key:     e.Get("key").String(),
			ctrl:    e.Get("ctrlKey").Bool() || e.Get("metaKey").Bool(),
			shift:   e.Get("shiftKey").Bool(),
			editing: isEditable(e.Get("target")),
		}); handled {
			e.Call("preventDefault")
		}
		return nil
	})
	app.Window().Call("addEventListener", "keydown", p.keys)
}

// OnDismount stops listening for keys.
func (p *Playground) OnDismount() {
	app.Window().Call("removeEventListener", "keydown", p.keys)
	p.keys.Release()
}

// OnAppUpdate offers the new version of the playground.
func (p *Playground) OnAppUpdate(ctx app.Context) {
	p.updated = ctx.AppUpdateAvailable()
}

type keyEvent struct {
	key         string
	ctrl, shift bool
	editing     bool
}

// onKey handles a shortcut and reports whether it did.
func (p *Playground) onKey(ctx app.Context, k keyEvent) bool {
	s := p.store
	switch {
	case k.ctrl && (k.key == "z" || k.key == "Z") && !k.shift:
		if k.editing {
			return false
		}
		ctx.Dispatch(func(app.Context) { s.Undo() })
	case k.ctrl && ((k.key == "z" || k.key == "Z") && k.shift || k.key == "y"):
		if k.editing {
			return false
		}
		ctx.Dispatch(func(app.Context) { s.Redo() })
	case k.key == "ArrowRight" && !k.editing && s.Trace != nil:
		ctx.Dispatch(func(app.Context) { s.StepTo(s.Step + 1) })
	case k.key == "ArrowLeft" && !k.editing && s.Trace != nil:
		ctx.Dispatch(func(app.Context) { s.StepBack() })
	case k.key == "Escape" && !k.editing:
		ctx.Dispatch(func(app.Context) { s.StepTo(-1) })
	default:
		return false
	}
	return true
}

func isEditable(v app.Value) bool {
	if !v.Truthy() {
		return false
	}
	switch v.Get("tagName").String() {
	case "INPUT", "TEXTAREA", "SELECT":
		return true
	}
	return v.Get("isContentEditable").Bool()
}

// selectElement selects the resource drawn as a diagram element.
func (p *Playground) selectElement(ctx app.Context, elementID string) {
	for _, r := range Resources(p.store.Scenario) {
		if diagram.ElementID(r.ID) == elementID {
			p.store.Select(r.ID)
			return
		}
	}
}

// Render lays the page out.
func (p *Playground) Render() app.UI {
	s := p.store
	title := s.Scenario.Title
	selected := ""
	if s.Selected != "" {
		selected = diagram.ElementID(s.Selected)
	}
	return app.Div().Class("playground").Body(
		&TopBar{Store: s, Revision: s.Revision, Updated: p.updated},
		app.Main().Class("workspace").Body(
			app.Aside().Class("sidebar").Aria("label", "Lesson and resources").Body(
				&LessonPanel{Store: s, Revision: s.Revision},
				&ResourceTree{Store: s, Revision: s.Revision},
			),
			app.Section().Class("topology").Aria("label", "Topology").Body(
				&Diagram{
					ID: "topology", DOT: s.DOT, Label: "Topology diagram of " + title,
					Highlight: s.Highlighted(), Current: s.currentElement(), Selected: selected,
					OnClickElement: p.selectElement,
				},
			),
			app.Aside().Class("inspector-pane").Aria("label", "Inspector").Body(
				&Inspector{Store: s, Revision: s.Revision},
			),
		),
		&TracePanel{Store: s, Revision: s.Revision},
	)
}
