package app

import (
	"errors"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"privatelink-playground/engine"
)

// FieldForm edits a resource's top-level scalar fields one input each:
// strings as text, numbers as numbers, booleans as checkboxes (optional ones
// as default / true / false), lists of strings as comma-separated text.
// Every change goes through the store at once (validated, undoable); the
// problems of each field are listed next to it with their rule. Nested
// fields are left to the JSON editor below.
type FieldForm struct {
	app.Compo

	// Store is the playground's store.
	Store *Store
	// Revision is the store's revision.
	Revision int
	// Resource is the resource edited.
	Resource Resource

	errs map[string]error // by field: the last change refused

	// the fields of the resource at fieldsAt of the document fieldsOf
	fields   []formField
	fieldsOf *engine.Scenario
	fieldsAt string

	// the document and resource the inputs were last made to show
	shownOf *engine.Scenario
	shownAt string
}

// OnMount notes what the inputs show.
func (f *FieldForm) OnMount(ctx app.Context) {
	f.shownOf, f.shownAt = f.Store.Scenario, f.Resource.Path
}

// OnUpdate forgets refused changes once the document or the resource is
// another, and makes the inputs show the new values: go-app leaves an input
// as typed when its value becomes empty, and keeps the DOM elements of one
// resource's rows for the next resource's.
func (f *FieldForm) OnUpdate(ctx app.Context) {
	if f.shownOf == f.Store.Scenario && f.shownAt == f.Resource.Path {
		return
	}
	f.shownOf, f.shownAt = f.Store.Scenario, f.Resource.Path
	f.errs = nil
	ctx.Defer(func(app.Context) { f.showValues() })
}

// showValues writes every input's value into the DOM.
func (f *FieldForm) showValues() {
	for _, fd := range f.formFields() {
		if !editable(f.Resource, fd) {
			continue
		}
		if fd.Kind == fieldBool {
			setInputChecked(fieldInputID(fd.Name), fd.Value == true)
			continue
		}
		setInputValue(fieldInputID(fd.Name), fd.Text())
	}
}

// formFields returns the resource's fields, decoded once per document.
func (f *FieldForm) formFields() []formField {
	r := f.Resource
	if f.fieldsOf != f.Store.Scenario || f.fieldsAt != r.Kind+"@"+r.Path {
		f.fields, f.fieldsOf, f.fieldsAt = nil, f.Store.Scenario, r.Kind+"@"+r.Path
		if doc, err := decodeDocument(f.Store.Document()); err == nil {
			if v, err := docGet(doc, r.Path); err == nil {
				f.fields = formFields(r.Kind, v)
			}
		}
	}
	return f.fields
}

func fieldInputID(name string) string { return "field-" + name }

// Render draws one row per field, then the nested fields' lines.
func (f *FieldForm) Render() app.UI {
	r := f.Resource
	var rows, nested []formField
	for _, fd := range f.formFields() {
		if fd.Kind == fieldNested {
			if fd.Present {
				nested = append(nested, fd)
			}
			continue
		}
		rows = append(rows, fd)
	}
	if len(rows)+len(nested) == 0 {
		return app.Div().Class("field-form", "empty")
	}
	return app.Section().Class("field-form").Aria("label", "Fields of "+r.ID).Body(
		app.H4().Text("Fields"),
		app.Range(rows).Slice(func(i int) app.UI { return f.row(r, rows[i]) }),
		app.Range(nested).Slice(func(i int) app.UI {
			fd := nested[i]
			return app.Div().Class("field-row", "nested").DataSet("field", fd.Name).Body(
				app.Span().Class("field-name").Text(fd.Name),
				app.Span().Class("field-nested").Text(nestedSummary(fd.Value)+" · edit in JSON below"),
				fieldProblems(f.Store.ProblemsUnder(fd.path(r.Path))),
			)
		}),
	)
}

// row draws a field: its name, its input, a refused change and its problems.
func (f *FieldForm) row(r Resource, fd formField) app.UI {
	id := fieldInputID(fd.Name)
	cls := []string{"field-row"}
	if !fd.Present {
		cls = append(cls, "absent")
	}
	var input app.UI
	if editable(r, fd) {
		input = f.input(r, fd, id)
	} else {
		input = app.Span().Class("field-fixed").Body(
			app.Code().ID(id).Text(fd.Text()),
			app.Span().Class("muted").Text(" · rename below"),
		)
	}
	return app.Div().Class(cls...).DataSet("field", fd.Name).DataSet("kind", fd.Kind.String()).Body(
		app.Label().For(id).Class("field-name").Text(fd.Name),
		input,
		app.If(f.errs[fd.Name] != nil, func() app.UI { return refusedChange(f.errs[fd.Name]) }),
		fieldProblems(f.Store.ProblemsUnder(fd.path(r.Path))),
	)
}

// input is the field's control; a change applies at once.
func (f *FieldForm) input(r Resource, fd formField, id string) app.UI {
	scope := app.EventScope(r.ID, r.Path, fd.Name, fd.Kind.String())
	apply := func(ctx app.Context, text string) { f.apply(ctx, r, fd, text) }
	switch fd.Kind {
	case fieldBool:
		return app.Input().ID(id).Class("field-input").Type("checkbox").Checked(fd.Value == true).
			OnChange(func(ctx app.Context, e app.Event) {
				text := "false"
				if ctx.JSSrc().Get("checked").Bool() {
					text = "true"
				}
				apply(ctx, text)
			}, scope)
	case fieldOptBool:
		current := fd.Text()
		def := "default"
		if d, ok := optDefault[fd.Name]; ok {
			def += " (" + d + ")"
		}
		return app.Select().ID(id).Class("field-input").Body(
			app.Option().Value("default").Selected(current == "default").Text(def),
			app.Option().Value("true").Selected(current == "true").Text("true"),
			app.Option().Value("false").Selected(current == "false").Text("false"),
		).OnChange(func(ctx app.Context, e app.Event) { apply(ctx, ctx.JSSrc().Get("value").String()) }, scope)
	}
	in := app.Input().ID(id).Class("field-input").Type("text").Spellcheck(false).Value(fd.Text())
	switch fd.Kind {
	case fieldNumber:
		in = in.Type("number")
	case fieldList:
		in = in.Placeholder("comma-separated")
	default:
		if !fd.Present {
			in = in.Placeholder("not set")
		}
	}
	return in.OnChange(func(ctx app.Context, e app.Event) { apply(ctx, ctx.JSSrc().Get("value").String()) }, scope)
}

// apply sets the field; a refused change stays next to it, and the inputs
// are made to show the document (a change the document already had, say
// with spaces around it, leaves no revision to do it).
func (f *FieldForm) apply(ctx app.Context, r Resource, fd formField, text string) {
	if err := applyField(f.Store, r, fd, text); err != nil {
		if f.errs == nil {
			f.errs = map[string]error{}
		}
		f.errs[fd.Name] = err
		return
	}
	delete(f.errs, fd.Name)
	ctx.Defer(func(app.Context) { f.showValues() })
}

// refusedChange shows why a change was not applied: the strict decoder's
// problems with their rules, or the conversion's error.
func refusedChange(err error) app.UI {
	var ps engine.Problems
	if !errors.As(err, &ps) {
		return app.P().Class("field-error").Attr("role", "alert").Text("Not applied: " + err.Error())
	}
	return app.Div().Class("field-error").Attr("role", "alert").Body(
		app.Span().Text("Not applied:"),
		fieldProblems(ps),
	)
}

// fieldProblems lists problems next to a field, each with its rule.
func fieldProblems(ps engine.Problems) app.UI {
	if len(ps) == 0 {
		return nil
	}
	return app.Ul().Class("field-problems").Body(app.Range(ps).Slice(func(i int) app.UI {
		p := ps[i]
		return app.Li().Class("field-problem").Body(
			&RuleBadge{ID: p.Rule},
			app.Span().Class("problem-message").Text(p.Message),
		)
	}))
}
