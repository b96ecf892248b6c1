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

	store        *Store
	updated      bool
	notice       string
	noticeFailed bool
	keys         app.Func
	hashChange   app.Func
}

// OnInit opens the default lesson.
func (p *Playground) OnInit() {
	p.store = NewStore(lessons.Default())
}

// OnMount opens what the address's fragment names (a share link or a
// lesson) and listens for the keyboard shortcuts: undo and redo, and the
// arrow keys to step through a trace.
func (p *Playground) OnMount(ctx app.Context) {
	p.openFragment(ctx, app.Window().Get("location").Get("hash").String())
	p.hashChange = app.FuncOf(func(this app.Value, args []app.Value) any {
		hash := app.Window().Get("location").Get("hash").String()
		ctx.Dispatch(func(ctx app.Context) {
			if frag, err := p.store.ShareFragment(); err == nil && "#"+frag == hash {
				return
			}
			p.openFragment(ctx, hash)
		})
		return nil
	})
	app.Window().Call("addEventListener", "hashchange", p.hashChange)
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

// OnDismount stops listening.
func (p *Playground) OnDismount() {
	app.Window().Call("removeEventListener", "keydown", p.keys)
	app.Window().Call("removeEventListener", "hashchange", p.hashChange)
	p.keys.Release()
	p.hashChange.Release()
}

// openFragment opens a share link or lesson named by a URL fragment; a bad
// link is reported and changes nothing.
func (p *Playground) openFragment(ctx app.Context, hash string) {
	if err := p.store.OpenFragment(hash); err != nil {
		p.Notify(ctx, "This link could not be opened: "+err.Error(), true)
	}
}

// Notify shows a message to the learner (a failure when failed).
func (p *Playground) Notify(ctx app.Context, msg string, failed bool) {
	p.notice, p.noticeFailed = msg, failed
}

// Notifier shows messages to the learner. Components take one as an
// interface, not a func: go-app compares a component's fields to decide
// whether to render it again, and func values never compare equal.
type Notifier interface {
	Notify(ctx app.Context, message string, failed bool)
}

// onDrop imports files dropped on the page.
func (p *Playground) onDrop(ctx app.Context, e app.Event) {
	e.PreventDefault()
	files := e.Get("dataTransfer").Get("files")
	if !files.Truthy() || files.Length() == 0 {
		return
	}
	readFiles(ctx, files, p.store, p)
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
	case k.key == "Escape" && !k.editing && s.Trace != nil && s.Step >= 0:
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

// selectElement selects the resource drawn as the diagram element clicked.
func (p *Playground) selectElement(ctx app.Context, e app.Event) {
	elementID := clickedElement(e)
	if elementID == "" {
		return
	}
	for _, r := range p.store.Resources() {
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
	return app.Div().Class("playground").
		On("dragover", func(ctx app.Context, e app.Event) { e.PreventDefault() }).
		On("drop", p.onDrop).
		Body(
			&TopBar{Store: s, Revision: s.Revision, Updated: p.updated, Notices: p},
			app.If(p.notice != "", func() app.UI {
				cls := "notice"
				if p.noticeFailed {
					cls += " notice-error"
				}
				return app.Div().ID("notice").Class(cls).Attr("role", "alert").Body(
					app.Pre().Text(p.notice),
					app.Button().ID("notice-close").Text("✕").Title("Dismiss").
						OnClick(func(ctx app.Context, e app.Event) { p.notice = "" }),
				)
			}),
			&URLSync{Store: s, Revision: s.Revision},
			app.Main().Class("workspace").Body(
				app.Aside().Class("sidebar").Aria("label", "Lesson and resources").Body(
					&LessonPanel{Store: s, Revision: s.Revision},
					&ResourceTree{Store: s, Revision: s.Revision},
				),
				app.Section().Class("topology").Aria("label", "Topology").OnClick(p.selectElement).Body(
					&Diagram{
						ID: "topology", DOT: s.DOT, Hash: s.DOTHash(), Label: "Topology diagram of " + title,
						Highlight: s.Highlighted(), Current: s.currentElement(), Selected: selected,
					},
				),
				app.Aside().Class("inspector-pane").Aria("label", "Inspector").Body(
					&Inspector{Store: s, Revision: s.Revision},
				),
			),
			&BottomPanel{Store: s, Revision: s.Revision},
		)
}
