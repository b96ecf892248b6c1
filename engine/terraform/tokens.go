package terraform

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/zclconf/go-cty/cty"
)

// Every user string reaches the HCL through these builders: hclwrite quotes
// and escapes it (quotes, backslashes, control characters, and the template
// introducers "${" and "%{"), so no value can end its string or start an
// interpolation.

// str is a quoted string literal.
func str(s string) hclwrite.Tokens {
	return hclwrite.TokensForValue(cty.StringVal(strings.ToValidUTF8(s, "\uFFFD")))
}

// num is a number literal.
func num(n int) hclwrite.Tokens { return hclwrite.TokensForValue(cty.NumberIntVal(int64(n))) }

// boolean is true or false.
func boolean(b bool) hclwrite.Tokens { return hclwrite.TokensForValue(cty.BoolVal(b)) }

// tuple is a list of expressions.
func tuple(elems []hclwrite.Tokens) hclwrite.Tokens { return hclwrite.TokensForTuple(elems) }

// strs is a list of string literals.
func strs(ss []string) hclwrite.Tokens {
	elems := make([]hclwrite.Tokens, len(ss))
	for i, s := range ss {
		elems[i] = str(s)
	}
	return tuple(elems)
}

// traversal is a reference to an attribute of a declared resource, such as
// aws_vpc.vpc_0a1b2c3d.id; more steps may follow (attribute names, or list
// indexes given as ints).
func traversal(r ref, steps ...any) hclwrite.Tokens {
	t := hcl.Traversal{hcl.TraverseRoot{Name: r.typ}, hcl.TraverseAttr{Name: r.name}}
	for _, s := range steps {
		switch s := s.(type) {
		case string:
			t = append(t, hcl.TraverseAttr{Name: s})
		case int:
			t = append(t, hcl.TraverseIndex{Key: cty.NumberIntVal(int64(s))})
		}
	}
	return hclwrite.TokensForTraversal(t)
}

// variable is a reference to an input variable, var.NAME.
func variable(name string) hclwrite.Tokens {
	return hclwrite.TokensForTraversal(hcl.Traversal{hcl.TraverseRoot{Name: "var"}, hcl.TraverseAttr{Name: name}})
}

// tags is the tags map of a resource: Name is the scenario ID, so the ID
// stays visible in the console, then the scenario's own tags (sorted by
// key; a user Name tag wins).
func tags(id string, extra map[string]string) hclwrite.Tokens {
	all := map[string]string{"Name": id}
	for k, v := range extra {
		all[k] = v
	}
	keys := make([]string, 0, len(all))
	for k := range all {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	attrs := make([]hclwrite.ObjectAttrTokens, len(keys))
	for i, k := range keys {
		name := str(k)
		if k == "Name" {
			name = hclwrite.TokensForIdentifier(k)
		}
		attrs[i] = hclwrite.ObjectAttrTokens{Name: name, Value: str(all[k])}
	}
	return hclwrite.TokensForObject(attrs)
}

// policy is an IAM policy document: indented JSON in a heredoc when it is
// well-formed JSON (template introducers doubled, so "${" stays literal),
// otherwise the raw text as a quoted string. Terraform passes either on to
// AWS as the JSON text.
//
// In the heredoc, a JSON string that is exactly one of the IDs of subst
// becomes the interpolation subst gives for it (such as
// "${aws_vpc_endpoint.vpce_1a2b.id}"), so that an aws:SourceVpce condition
// names the endpoint Terraform creates rather than the scenario's ID. Only
// IDs of letters, digits and hyphens are replaced: "ID" with such an ID can
// only match a whole JSON string.
func policy(raw []byte, subst map[string]string) hclwrite.Tokens {
	var buf bytes.Buffer
	if !utf8.Valid(raw) || json.Indent(&buf, raw, "", "  ") != nil {
		return str(string(raw))
	}
	text := escapeTemplate(asciiSafeJSON(strings.TrimRight(buf.String(), " \t\r\n")))
	ids := make([]string, 0, len(subst))
	for id := range subst {
		if plainID(id) {
			ids = append(ids, id)
		}
	}
	sort.Strings(ids)
	for _, id := range ids {
		text = strings.ReplaceAll(text, `"`+id+`"`, `"`+subst[id]+`"`)
	}
	return hclwrite.Tokens{
		{Type: hclsyntax.TokenOHeredoc, Bytes: []byte("<<EOT\n")},
		{Type: hclsyntax.TokenStringLit, Bytes: []byte(text + "\n")},
		{Type: hclsyntax.TokenCHeredoc, Bytes: []byte("EOT")},
	}
}

// asciiSafeJSON writes every rune of indented JSON text that is not
// printable (line and paragraph separators, format characters) as a JSON
// \u escape. Such runes can only occur inside JSON strings, where the escape
// means the same; in a heredoc they could confuse a reader or an editor.
func asciiSafeJSON(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r == '\n' || r == ' ' || unicode.IsPrint(r) {
			b.WriteRune(r)
			continue
		}
		if r > 0xFFFF {
			hi, lo := utf16.EncodeRune(r)
			fmt.Fprintf(&b, `\u%04x\u%04x`, hi, lo)
			continue
		}
		fmt.Fprintf(&b, `\u%04x`, r)
	}
	return b.String()
}

// escapeTemplate doubles the template introducers of text for a heredoc:
// "${" becomes "$${" and "%{" becomes "%%{", which HCL reads back as the
// literal characters.
func escapeTemplate(text string) string {
	text = strings.ReplaceAll(text, "${", "$${")
	return strings.ReplaceAll(text, "%{", "%%{")
}

// commentLines turns user text into lines safe in a "#" comment: no line
// breaks (each becomes a new line), no invalid UTF-8, and every other
// unprintable character written as a \u escape.
func commentLines(s string) []string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var lines []string
	for _, line := range strings.Split(s, "\n") {
		var b strings.Builder
		for _, r := range line {
			if r == ' ' || r == '\t' || unicode.IsPrint(r) {
				b.WriteRune(r)
			} else {
				fmt.Fprintf(&b, `\u%04x`, r)
			}
		}
		lines = append(lines, strings.TrimRight(b.String(), " \t"))
	}
	return lines
}

// plainID reports whether id is non-empty and only letters, digits and
// hyphens.
func plainID(id string) bool {
	if id == "" {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// interpolation is the template interpolation of a reference, such as
// ${aws_vpc_endpoint.vpce_1a2b.id}.
func interpolation(r ref, attr string) string {
	return "${" + r.typ + "." + r.name + "." + attr + "}"
}

// commentWidth is the width comment text is wrapped at.
const commentWidth = 78

// wrap breaks a line at spaces into lines of at most width bytes where it
// can (a longer word keeps its own line). An empty line stays one empty line.
func wrap(line string, width int) []string {
	var out []string
	cur := ""
	for _, w := range strings.Fields(line) {
		switch {
		case cur == "":
			cur = w
		case len(cur)+1+len(w) <= width:
			cur += " " + w
		default:
			out = append(out, cur)
			cur = w
		}
	}
	return append(out, cur)
}
