package app

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"privatelink-playground/engine"
)

// Inspector shows the selected resource and edits it: its JSON (validated
// as you type, problems next to it with their rule), rename, delete, and
// adding resources inside it.
type Inspector struct {
	app.Compo

	// Store is the playground's store.
	Store *Store
	// Revision is the store's revision.
	Revision int

	editing  string // the resource whose draft is open
	draft    string
	draftErr string
	draftOK  bool
	rename   string
	renaming string // the resource rename is typed for
	message  string

	// the JSON of the resource at jsonPath of the document jsonOf, kept
	// across renders (typing in the inspector renders it at every key)
	json     string
	jsonPath string
	jsonOf   *engine.Scenario
}

// OnUpdate drops the last message after a change, and a draft or a new ID
// being typed whose resource is no longer selected.
func (in *Inspector) OnUpdate(ctx app.Context) {
	in.message = ""
	if in.editing != "" && in.editing != in.Store.Selected {
		in.editing, in.draft, in.draftErr, in.draftOK = "", "", "", false
	}
	if in.renaming != in.Store.Selected {
		in.renaming = in.Store.Selected
		if in.rename != "" {
			in.rename = ""
			ctx.Defer(func(app.Context) { setInputValue("rename-id", "") })
		}
	}
}

func (in *Inspector) selected() (Resource, bool) {
	for _, r := range in.Store.Resources() {
		if r.ID == in.Store.Selected {
			return r, true
		}
	}
	return Resource{}, false
}

// resourceJSON returns the selected resource's JSON, indented.
func (in *Inspector) resourceJSON(r Resource) string {
	if in.jsonOf != in.Store.Scenario || in.jsonPath != r.Path {
		in.json, in.jsonPath, in.jsonOf = resourceJSON(in.Store.Document(), r.Path), r.Path, in.Store.Scenario
	}
	return in.json
}

// resourceJSON returns the JSON at path of a document, indented.
func resourceJSON(document []byte, path string) string {
	doc, err := decodeDocument(document)
	if err != nil {
		return ""
	}
	v, err := docGet(doc, path)
	if err != nil {
		return ""
	}
	b, _ := json.MarshalIndent(v, "", "  ")
	return string(b)
}

// Render draws the inspector.
func (in *Inspector) Render() app.UI {
	s := in.Store
	r, ok := in.selected()
	if !ok {
		return app.Section().Class("inspector").Body(
			app.H3().Text("Inspector"),
			app.P().Class("muted").Text("Select a resource in the diagram or the list to inspect and edit it."),
			in.addMenu(nil),
			problemList("Problems in the scenario", s.Problems),
		)
	}
	text := in.draft
	if in.editing != r.ID {
		text = in.resourceJSON(r)
	}
	return app.Section().Class("inspector").DataSet("resource", r.ID).Body(
		app.H3().Body(
			app.Span().Class("resource-kind").Text(r.Kind),
			app.Text(" "),
			app.Span().Class("inspector-id").Text(r.ID),
		),
		app.If(r.Label != "", func() app.UI { return app.P().Class("muted").Text(r.Label) }),
		problemList("Problems here", s.ProblemsUnder(r.Path)),
		&FieldForm{Store: s, Revision: s.Revision, Resource: r},
		app.Label().Class("field").Body(
			app.Span().Text("JSON of "+r.Path),
			app.Textarea().ID("resource-json").Class("json-editor").Spellcheck(false).
				Rows(14).Text(text).
				OnInput(func(ctx app.Context, e app.Event) { in.check(r, ctx.JSSrc().Get("value").String()) }, app.EventScope(r.ID, r.Path)),
		),
		app.If(in.draftErr != "", func() app.UI {
			return app.Pre().Class("draft-error").Attr("role", "alert").Text(in.draftErr)
		}),
		app.If(in.draftOK && in.editing == r.ID, func() app.UI {
			return app.P().Class("draft-ok").Text("✔ valid JSON for this resource")
		}),
		app.Div().Class("inspector-actions").Body(
			app.Button().ID("apply-json").Disabled(!(in.draftOK && in.editing == r.ID)).Text("Apply").
				OnClick(func(ctx app.Context, e app.Event) { in.apply(r) }, app.EventScope(r.ID, r.Path)),
			app.Button().ID("delete-resource").Class("danger").Text("Delete").
				OnClick(func(ctx app.Context, e app.Event) { in.remove(r) }, app.EventScope(r.ID, r.Path)),
		),
		app.Div().Class("rename").Body(
			app.Input().ID("rename-id").Type("text").Placeholder("new ID").Value(in.rename).
				OnInput(func(ctx app.Context, e app.Event) { in.rename = ctx.JSSrc().Get("value").String() }),
			app.Button().ID("rename-resource").Disabled(strings.TrimSpace(in.rename) == "").Text("Rename").
				OnClick(func(ctx app.Context, e app.Event) { in.renameTo(r, strings.TrimSpace(in.rename)) }, app.EventScope(r.ID, r.Path)),
		),
		app.If(in.message != "", func() app.UI { return app.P().Class("draft-error").Text(in.message) }),
		in.addMenu(&r),
	)
}

// check validates a draft as it is typed: JSON syntax first, then the whole
// document decoded strictly, then the problems inside this resource.
func (in *Inspector) check(r Resource, text string) {
	in.editing, in.draft, in.draftErr, in.draftOK = r.ID, text, "", false
	v, err := decodeDocument([]byte(text))
	if err != nil {
		in.draftErr = "JSON: " + jsonErrorText(text, err)
		return
	}
	doc, err := decodeDocument(in.Store.Document())
	if err == nil {
		doc, err = docEdit(doc, r.Path, v, false)
	}
	if err != nil {
		in.draftErr = err.Error()
		return
	}
	b, _ := json.Marshal(doc)
	sc, err := engine.Decode(b)
	if err != nil {
		in.draftErr = err.Error()
		return
	}
	if own := problemsUnder(engine.Validate(sc), r.Path); len(own) > 0 {
		in.draftErr = own.Error()
	}
	in.draftOK = true
}

func (in *Inspector) apply(r Resource) {
	v, err := decodeDocument([]byte(in.draft))
	if err != nil {
		in.draftErr = err.Error()
		return
	}
	err = in.Store.EditDocument(func(doc any) (any, error) { return docEdit(doc, r.Path, v, false) })
	if err != nil {
		in.draftErr = err.Error()
		return
	}
	in.editing, in.draft, in.draftErr, in.draftOK = "", "", "", false
	if id := resourceID(v); id != "" && id != r.ID {
		in.Store.Select(id)
	}
}

func (in *Inspector) remove(r Resource) {
	err := in.Store.EditDocument(func(doc any) (any, error) { return docEdit(doc, r.Path, nil, true) })
	if err != nil {
		in.message = "Not deleted: " + err.Error()
		return
	}
	in.Store.Select("")
}

func (in *Inspector) renameTo(r Resource, id string) {
	for _, other := range in.Store.Resources() {
		if other.ID == id {
			in.message = fmt.Sprintf("Not renamed: %s is already the ID of a %s.", id, other.Kind)
			return
		}
	}
	err := in.Store.EditDocument(func(doc any) (any, error) { return docRename(doc, r.ID, id), nil })
	if err != nil {
		in.message = "Not renamed: " + err.Error()
		return
	}
	in.rename = ""
	setInputValue("rename-id", "") // the input keeps what was typed unless told
	in.Store.Select(id)
}

// addMenu offers the resources that can be added inside r (at the top level
// when r is nil).
func (in *Inspector) addMenu(r *Resource) app.UI {
	kind := ""
	if r != nil {
		kind = r.Kind
	}
	var opts []template
	for _, t := range templates {
		if t.parentKind == kind {
			opts = append(opts, t)
		}
	}
	if len(opts) == 0 {
		return nil
	}
	label, scope := "Add to the scenario", ""
	if r != nil {
		label, scope = "Add to "+r.ID, r.ID+"@"+r.Path
	}
	return app.Div().Class("add-menu").Body(
		app.Span().Class("add-label").Text(label),
		app.Range(opts).Slice(func(i int) app.UI {
			t := opts[i]
			return app.Button().Class("add-"+t.kind).Text("+ "+t.title).
				OnClick(func(ctx app.Context, e app.Event) { in.add(t, r) }, app.EventScope(t.kind, scope))
		}),
	)
}

func (in *Inspector) add(t template, parent *Resource) {
	s := in.Store
	id := freshID(s.Scenario, t.prefix)
	body := t.body(id, parent)
	if a, ok := body["account"]; ok && a == "" {
		body["account"] = defaultAccount(s.Scenario)
	}
	path := t.collection
	if parent != nil {
		path = parent.Path + "." + t.collection
	}
	err := s.EditDocument(func(doc any) (any, error) {
		items, _ := docGet(doc, path)
		list, _ := items.([]any)
		return docEdit(doc, fmt.Sprintf("%s[%d]", path, len(list)), body, false)
	})
	if err != nil {
		in.message = "Not added: " + err.Error()
		return
	}
	s.Select(id)
}

func resourceID(v any) string {
	m, ok := v.(map[string]any)
	if !ok {
		return ""
	}
	if id, ok := m["id"].(string); ok {
		return id
	}
	name, _ := m["name"].(string)
	return name
}

// jsonErrorText says where a JSON syntax error is, as line and column.
func jsonErrorText(text string, err error) string {
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		line := strings.Count(text, "\n") + 1
		col := len(text) - strings.LastIndex(text, "\n")
		return fmt.Sprintf("the JSON ends too early: something is not closed (line %d, column %d)", line, col)
	}
	var syn *json.SyntaxError
	if errors.As(err, &syn) {
		line, col := 1, 1
		for i := 0; i < int(syn.Offset) && i < len(text); i++ {
			if text[i] == '\n' {
				line, col = line+1, 1
			} else {
				col++
			}
		}
		return fmt.Sprintf("%s (line %d, column %d)", syn.Error(), line, col)
	}
	return err.Error()
}
