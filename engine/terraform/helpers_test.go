package terraform

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclparse"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"privatelink-playground/engine"
)

// scenarioFiles lists the example and lesson scenarios (not their actions
// or lesson files).
func scenarioFiles(t testing.TB) []string {
	t.Helper()
	var files []string
	for _, pattern := range []string{
		filepath.Join("..", "testdata", "examples", "*.json"),
		filepath.Join("..", "lessons", "data", "*.json"),
	} {
		m, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range m {
			if !strings.HasSuffix(f, ".actions.json") && !strings.HasSuffix(f, ".lesson.json") {
				files = append(files, f)
			}
		}
	}
	sort.Strings(files)
	if len(files) == 0 {
		t.Fatal("no scenarios found")
	}
	return files
}

// load decodes a scenario file.
func load(t testing.TB, path string) *engine.Scenario {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s, err := engine.Decode(data)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return s
}

// tfFile is a parsed configuration, indexed for the checks.
type tfFile struct {
	body      *hclsyntax.Body
	resources map[string]map[string]*hclsyntax.Block // type → name → block
	byTag     map[string]map[string]*hclsyntax.Block // type → Name tag → block
	variables map[string]bool
}

// parse parses exported HCL with hclparse, failing on any diagnostic.
func parse(t testing.TB, src []byte) *tfFile {
	t.Helper()
	f, diags := hclparse.NewParser().ParseHCL(src, "main.tf")
	if len(diags) > 0 {
		t.Fatalf("parse: %s\n%s", diags.Error(), src)
	}
	body, ok := f.Body.(*hclsyntax.Body)
	if !ok {
		t.Fatalf("body is %T", f.Body)
	}
	tf := &tfFile{body: body, resources: map[string]map[string]*hclsyntax.Block{}, byTag: map[string]map[string]*hclsyntax.Block{}, variables: map[string]bool{}}
	for _, b := range body.Blocks {
		switch {
		case b.Type == "resource" && len(b.Labels) == 2:
			typ, name := b.Labels[0], b.Labels[1]
			if tf.resources[typ] == nil {
				tf.resources[typ] = map[string]*hclsyntax.Block{}
				tf.byTag[typ] = map[string]*hclsyntax.Block{}
			}
			if tf.resources[typ][name] != nil {
				t.Errorf("resource %s.%s declared twice", typ, name)
			}
			tf.resources[typ][name] = b
			if tag, ok := nameTag(b); ok {
				tf.byTag[typ][tag] = b
			}
		case b.Type == "variable" && len(b.Labels) == 1:
			tf.variables[b.Labels[0]] = true
		case b.Type == "terraform" || b.Type == "provider":
		default:
			t.Errorf("unexpected top-level block %s %v", b.Type, b.Labels)
		}
	}
	if len(body.Attributes) > 0 {
		t.Errorf("unexpected top-level attributes: %v", body.Attributes)
	}
	return tf
}

// nameTag is the Name tag of a resource block.
func nameTag(b *hclsyntax.Block) (string, bool) {
	a := b.Body.Attributes["tags"]
	if a == nil {
		return "", false
	}
	v, diags := a.Expr.Value(nil)
	if diags.HasErrors() || !v.Type().IsObjectType() || !v.Type().HasAttribute("Name") {
		return "", false
	}
	n := v.GetAttr("Name")
	if n.Type() != cty.String || n.IsNull() {
		return "", false
	}
	return n.AsString(), true
}

// tagged returns the resource of one of the types whose Name tag is id.
func (tf *tfFile) tagged(t testing.TB, id string, types ...string) *hclsyntax.Block {
	t.Helper()
	for _, typ := range types {
		if b := tf.byTag[typ][id]; b != nil {
			return b
		}
	}
	t.Errorf("no %s tagged Name = %q", strings.Join(types, " or "), id)
	return nil
}

// literal is the string value of a literal attribute ("" and false when it
// is absent or not a literal string).
func literal(b *hclsyntax.Body, name string) (string, bool) {
	a := b.Attributes[name]
	if a == nil {
		return "", false
	}
	v, diags := a.Expr.Value(nil)
	if diags.HasErrors() || v.Type() != cty.String || v.IsNull() {
		return "", false
	}
	return v.AsString(), true
}

// wantLiteral checks a literal string attribute.
func wantLiteral(t testing.TB, where string, b *hclsyntax.Body, name, want string) {
	t.Helper()
	if got, ok := literal(b, name); !ok || got != want {
		t.Errorf("%s: %s = %q (literal %v), want %q", where, name, got, ok, want)
	}
}

// wantBool checks a literal bool attribute.
func wantBool(t testing.TB, where string, b *hclsyntax.Body, name string, want bool) {
	t.Helper()
	a := b.Attributes[name]
	if a == nil {
		t.Errorf("%s: no %s", where, name)
		return
	}
	v, diags := a.Expr.Value(nil)
	if diags.HasErrors() || v.Type() != cty.Bool || v.True() != want {
		t.Errorf("%s: %s = %#v, want %v", where, name, v, want)
	}
}

// target is the resource an attribute's single reference points at.
func (tf *tfFile) target(t testing.TB, where string, b *hclsyntax.Body, name string) *hclsyntax.Block {
	t.Helper()
	a := b.Attributes[name]
	if a == nil {
		t.Errorf("%s: no %s", where, name)
		return nil
	}
	tr, diags := hcl.AbsTraversalForExpr(a.Expr)
	if diags.HasErrors() || len(tr) < 2 {
		t.Errorf("%s: %s is not a reference", where, name)
		return nil
	}
	return tf.resolve(tr)
}

// targets are the resources of a list attribute's references.
func (tf *tfFile) targets(t testing.TB, where string, b *hclsyntax.Body, name string) []*hclsyntax.Block {
	t.Helper()
	a := b.Attributes[name]
	if a == nil {
		t.Errorf("%s: no %s", where, name)
		return nil
	}
	tuple, ok := a.Expr.(*hclsyntax.TupleConsExpr)
	if !ok {
		t.Errorf("%s: %s is not a list", where, name)
		return nil
	}
	var out []*hclsyntax.Block
	for _, e := range tuple.Exprs {
		tr, diags := hcl.AbsTraversalForExpr(e)
		if diags.HasErrors() || len(tr) < 2 {
			t.Errorf("%s: an element of %s is not a reference", where, name)
			continue
		}
		out = append(out, tf.resolve(tr))
	}
	return out
}

// resolve returns the resource block a traversal names (nil if none).
func (tf *tfFile) resolve(tr hcl.Traversal) *hclsyntax.Block {
	if len(tr) < 2 {
		return nil
	}
	attr, ok := tr[1].(hcl.TraverseAttr)
	if !ok {
		return nil
	}
	return tf.resources[tr.RootName()][attr.Name]
}

// checkReferences checks that every reference of the file points at a
// declared resource or variable.
func (tf *tfFile) checkReferences(t testing.TB) {
	t.Helper()
	var walk func(b *hclsyntax.Body, where string)
	walk = func(b *hclsyntax.Body, where string) {
		for _, a := range b.Attributes {
			for _, tr := range a.Expr.Variables() {
				switch root := tr.RootName(); {
				case root == "var":
					if attr, ok := tr[1].(hcl.TraverseAttr); !ok || !tf.variables[attr.Name] {
						t.Errorf("%s.%s: undeclared variable in %v", where, a.Name, tr)
					}
				case tf.resolve(tr) == nil:
					t.Errorf("%s.%s: reference to an undeclared resource %s", where, a.Name, traversalString(tr))
				}
			}
		}
		for _, nb := range b.Blocks {
			walk(nb.Body, where+"."+nb.Type)
		}
	}
	for _, b := range tf.body.Blocks {
		if b.Type == "resource" {
			walk(b.Body, strings.Join(b.Labels, "."))
		}
	}
}

func traversalString(tr hcl.Traversal) string {
	var parts []string
	for _, s := range tr {
		switch s := s.(type) {
		case hcl.TraverseRoot:
			parts = append(parts, s.Name)
		case hcl.TraverseAttr:
			parts = append(parts, s.Name)
		}
	}
	return strings.Join(parts, ".")
}

// blocks counts the nested blocks of a type.
func blocks(b *hclsyntax.Body, typ string) int {
	n := 0
	for _, nb := range b.Blocks {
		if nb.Type == typ {
			n++
		}
	}
	return n
}
