package app

import (
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strings"

	"privatelink-playground/engine"
)

// The field form's values: which top-level fields of a resource it shows,
// how each is edited, and the conversions between a document value and the
// text of its input.

// fieldKind is how the field form edits a field.
type fieldKind int

const (
	fieldText    fieldKind = iota // a string: a text input
	fieldNumber                   // a number: a number input
	fieldBool                     // a boolean: a checkbox
	fieldOptBool                  // an optional boolean: default / true / false
	fieldList                     // a list of strings: comma-separated text
	fieldNested                   // an object, a list of objects or a policy: the JSON editor's
)

// String names the kind, as the form's data-kind attribute.
func (k fieldKind) String() string {
	switch k {
	case fieldText:
		return "text"
	case fieldNumber:
		return "number"
	case fieldBool:
		return "bool"
	case fieldOptBool:
		return "optional-bool"
	case fieldList:
		return "list"
	}
	return "nested"
}

// formField is one top-level field of a resource.
type formField struct {
	// Name is the field's JSON name.
	Name string
	// Kind is how it is edited.
	Kind fieldKind
	// Value is the field's value in the document, nil when absent.
	Value any
	// Present reports whether the resource has the field.
	Present bool
}

// Text is the value as its input shows it: a list joined with ", ", an
// optional boolean "default" when absent, "" for an absent field.
func (f formField) Text() string { return textOf(f.Kind, f.Value) }

// path is the field's JSON path inside the resource at resourcePath.
func (f formField) path(resourcePath string) string { return resourcePath + "." + f.Name }

// optDefault is the default AWS applies when an optional boolean is left out.
var optDefault = map[string]string{
	"enableDnsSupport":   "true",
	"enableDnsHostnames": "false",
	"privateDnsEnabled":  "true for interface",
}

// formExtras are the fields the form offers even when a resource leaves them
// out, per kind: the settings a learner is likely to want to set.
var formExtras = map[string][]string{
	"vpc":              {"enableDnsSupport", "enableDnsHostnames", "internetGateway", "virtualPrivateGateway"},
	"subnet":           {"routeTable", "networkAcl"},
	"endpoint":         {"privateDnsEnabled", "privateDnsOnlyForInboundResolverEndpoint", "ipAddressType", "state"},
	"instance":         {"publicIpAddress", "principal"},
	"route-table":      {"main"},
	"network-acl":      {"isDefault"},
	"endpoint-service": {"acceptanceRequired"},
}

// kindTypes are the model's types of the resources of Resources, by kind.
var kindTypes = map[string]reflect.Type{
	"account":           reflect.TypeFor[engine.Account](),
	"vpc":               reflect.TypeFor[engine.VPC](),
	"subnet":            reflect.TypeFor[engine.Subnet](),
	"route-table":       reflect.TypeFor[engine.RouteTable](),
	"nat-gateway":       reflect.TypeFor[engine.NATGateway](),
	"security-group":    reflect.TypeFor[engine.SecurityGroup](),
	"network-acl":       reflect.TypeFor[engine.NetworkACL](),
	"instance":          reflect.TypeFor[engine.Instance](),
	"endpoint":          reflect.TypeFor[engine.VPCEndpoint](),
	"load-balancer":     reflect.TypeFor[engine.LoadBalancer](),
	"endpoint-service":  reflect.TypeFor[engine.EndpointService](),
	"hosted-zone":       reflect.TypeFor[engine.HostedZone](),
	"resolver-endpoint": reflect.TypeFor[engine.ResolverEndpoint](),
	"resolver-rule":     reflect.TypeFor[engine.ResolverRule](),
	"network":           reflect.TypeFor[engine.OnPremNetwork](),
	"host":              reflect.TypeFor[engine.Host](),
	"peering":           reflect.TypeFor[engine.Peering](),
	"transit-gateway":   reflect.TypeFor[engine.TransitGateway](),
	"bucket":            reflect.TypeFor[engine.DataStore](),
	"table":             reflect.TypeFor[engine.DataStore](),
}

// modelField is a JSON field of a model type and how it is edited.
type modelField struct {
	name string
	kind fieldKind
}

// modelFields lists the JSON fields of a struct type in the model's order.
func modelFields(t reflect.Type) []modelField {
	var out []modelField
	for f := range t.Fields() {
		if !f.IsExported() {
			continue
		}
		if f.Anonymous && f.Type.Kind() == reflect.Struct {
			out = append(out, modelFields(f.Type)...)
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		out = append(out, modelField{name: name, kind: kindOfType(f.Type)})
	}
	return out
}

var rawMessage = reflect.TypeFor[json.RawMessage]()

// kindOfType says how a field of Go type t is edited.
func kindOfType(t reflect.Type) fieldKind {
	if t == rawMessage {
		return fieldNested
	}
	switch t.Kind() {
	case reflect.String:
		return fieldText
	case reflect.Bool:
		return fieldBool
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64:
		return fieldNumber
	case reflect.Pointer:
		switch k := kindOfType(t.Elem()); k {
		case fieldBool:
			return fieldOptBool
		case fieldText, fieldNumber:
			return k
		}
	case reflect.Slice:
		if t.Elem().Kind() == reflect.String {
			return fieldList
		}
	}
	return fieldNested
}

// kindOfValue guesses how a field is edited from its value alone, for a
// resource whose type the form does not know.
func kindOfValue(v any) fieldKind {
	switch x := v.(type) {
	case string:
		return fieldText
	case bool:
		return fieldBool
	case json.Number, float64:
		return fieldNumber
	case []any:
		if len(x) == 0 {
			return fieldNested
		}
		for _, e := range x {
			if _, ok := e.(string); !ok {
				return fieldNested
			}
		}
		return fieldList
	}
	return fieldNested
}

// formFields lists the fields of a resource of a kind decoded generically:
// those it has, in the model's order, then the kind's extras it leaves out.
// It returns nil for a value that is not an object.
func formFields(kind string, v any) []formField {
	obj, ok := v.(map[string]any)
	if !ok {
		return nil
	}
	var out []formField
	seen := map[string]bool{}
	if t, ok := kindTypes[kind]; ok {
		extra := map[string]bool{}
		for _, name := range formExtras[kind] {
			extra[name] = true
		}
		for _, mf := range modelFields(t) {
			val, present := obj[mf.name]
			if present && val == nil {
				present = false
			}
			if !present && !extra[mf.name] {
				continue
			}
			seen[mf.name] = true
			out = append(out, formField{Name: mf.name, Kind: mf.kind, Value: val, Present: present})
		}
	}
	// Anything else (a kind without a model type): guessed from its value.
	var rest []string
	for name := range obj {
		if !seen[name] {
			rest = append(rest, name)
		}
	}
	sort.Strings(rest)
	for _, name := range rest {
		val := obj[name]
		out = append(out, formField{Name: name, Kind: kindOfValue(val), Value: val, Present: val != nil})
	}
	return out
}

// textOf is a document value as the input of a field of kind k shows it.
func textOf(k fieldKind, v any) string {
	switch k {
	case fieldOptBool:
		switch v {
		case true:
			return "true"
		case false:
			return "false"
		}
		return "default"
	case fieldBool:
		if v == true {
			return "true"
		}
		return "false"
	case fieldList:
		items, _ := v.([]any)
		parts := make([]string, 0, len(items))
		for _, e := range items {
			parts = append(parts, fmt.Sprint(e))
		}
		return strings.Join(parts, ", ")
	case fieldText, fieldNumber:
		if v == nil {
			return ""
		}
		return fmt.Sprint(v)
	}
	return ""
}

// parseField turns what an input of a field of kind k holds into the
// document value to set; remove says to leave the field out instead (an
// empty text, an optional boolean back to its default). A list is split at
// commas, its items trimmed and empty ones dropped; an empty list is []
// (the same as leaving an optional list out, and valid for a required one).
func parseField(k fieldKind, text string) (v any, remove bool, err error) {
	text = strings.TrimSpace(text)
	switch k {
	case fieldText:
		if text == "" {
			return nil, true, nil
		}
		return text, false, nil
	case fieldNumber:
		if text == "" {
			return nil, true, nil
		}
		n := json.Number(text)
		if _, err := n.Float64(); err != nil || !json.Valid([]byte(text)) {
			return nil, false, fmt.Errorf("%q is not a number", text)
		}
		return n, false, nil
	case fieldBool:
		switch text {
		case "true", "on":
			return true, false, nil
		case "false", "off", "":
			return false, false, nil
		}
		return nil, false, fmt.Errorf("%q is not true or false", text)
	case fieldOptBool:
		switch text {
		case "true":
			return true, false, nil
		case "false":
			return false, false, nil
		case "default", "":
			return nil, true, nil
		}
		return nil, false, fmt.Errorf("%q is not default, true or false", text)
	case fieldList:
		items := []any{}
		for _, part := range strings.Split(text, ",") {
			if part = strings.TrimSpace(part); part != "" {
				items = append(items, part)
			}
		}
		return items, false, nil
	}
	return nil, false, fmt.Errorf("edit this field in the JSON below")
}

// editable reports whether the form edits field f of resource r: not the
// nested ones, nor the resource's ID (renaming has its own control).
func editable(r Resource, f formField) bool {
	if f.Kind == fieldNested || f.Name == "id" {
		return false
	}
	return !(f.Name == "name" && f.Value == r.ID && (r.Kind == "bucket" || r.Kind == "table"))
}

// nestedSummary says in a few words what a nested field holds.
func nestedSummary(v any) string {
	switch x := v.(type) {
	case nil:
		return "not set"
	case []any:
		if len(x) == 1 {
			return "1 item"
		}
		return fmt.Sprintf("%d items", len(x))
	case map[string]any:
		if len(x) == 1 {
			return "1 entry"
		}
		return fmt.Sprintf("%d entries", len(x))
	}
	return "a value"
}

// applyField sets field f of resource r to what its input holds, through
// the store's EditDocument (so undo and redo see it); a text that does not
// convert, or a document that no longer decodes strictly, changes nothing
// and is the error.
func applyField(s *Store, r Resource, f formField, text string) error {
	v, remove, err := parseField(f.Kind, text)
	if err != nil {
		return err
	}
	path := f.path(r.Path)
	return s.EditDocument(func(doc any) (any, error) { return docEdit(doc, path, v, remove) })
}
