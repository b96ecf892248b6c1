// Package svgsafe sanitizes SVG diagrams before they reach the page. SVG
// from Graphviz is untrusted: it carries text from scenarios anyone can
// write or share. Sanitize re-emits only an allow-list of elements and
// attributes, so the result is safe to insert as markup (innerHTML).
package svgsafe

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// MaxSize is the largest SVG, in bytes, Sanitize accepts.
const MaxSize = 8 << 20

// maxDepth is the deepest element nesting Sanitize accepts.
const maxDepth = 256

// ErrTooLarge is returned for an SVG larger than MaxSize.
var ErrTooLarge = errors.New("svgsafe: SVG larger than 8 MiB")

// Sanitize returns svg reduced to an allow-list of SVG elements and
// attributes. Everything before the root <svg> (XML declaration, DOCTYPE,
// comments) is dropped, as are comments, processing instructions and
// directives anywhere, script, style, foreignObject, image, use and every
// other element not listed, with their content, nested svg elements, every
// on* or style attribute and every attribute not listed. Links survive
// only as same-document references ("#id"); an anchor with another link is
// replaced by its children. Values that mention javascript:, expression(
// or a url( other than url(#…) are dropped. CDATA becomes escaped text and
// entities other than XML's own are an error. Text and attribute values
// are escaped on output. Malformed XML (unclosed or mismatched tags), a
// root other than svg, nesting deeper than 256 or input over MaxSize is an
// error. For Graphviz output the result renders as the input does.
func Sanitize(svg string) (string, error) {
	if len(svg) > MaxSize {
		return "", ErrTooLarge
	}
	out, err := sanitize(svg)
	var pe prologError
	if errors.As(err, &pe) {
		// The prolog did not parse (text that is not XML before the root):
		// start at the first <svg instead.
		if i := strings.Index(svg, "<svg"); i > 0 {
			return sanitize(svg[i:])
		}
	}
	return out, err
}

// prologError is a syntax error before the root element.
type prologError struct{ err error }

func (e prologError) Error() string { return e.err.Error() }
func (e prologError) Unwrap() error { return e.err }

// Modes of an open element.
const (
	modeKeep   = iota // written to the output
	modeUnwrap        // not written; its children are
	modeDrop          // not written, nor anything inside it
)

// frame is an open element.
type frame struct {
	name xml.Name
	mode int
}

// sanitizer holds the state of one Sanitize call.
type sanitizer struct {
	out      strings.Builder
	stack    []frame
	dropping int  // open elements being dropped with their content
	pending  bool // a start tag is written without its closing ">"
	rootSeen bool
	rootDone bool
}

func sanitize(svg string) (string, error) {
	d := xml.NewDecoder(strings.NewReader(svg))
	d.Strict = true
	s := &sanitizer{}
	s.out.Grow(len(svg))
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			if !s.rootSeen {
				return "", prologError{fmt.Errorf("svgsafe: %w", err)}
			}
			return "", fmt.Errorf("svgsafe: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			err = s.start(t)
		case xml.EndElement:
			err = s.end(t)
		case xml.CharData:
			s.text(t)
		}
		// Comments, processing instructions and directives are dropped.
		if err != nil {
			return "", err
		}
	}
	if !s.rootSeen {
		return "", errors.New("svgsafe: no <svg> element")
	}
	if len(s.stack) > 0 {
		return "", fmt.Errorf("svgsafe: unclosed <%s>", qname(s.stack[len(s.stack)-1].name))
	}
	return s.out.String(), nil
}

// start handles a start tag.
func (s *sanitizer) start(t xml.StartElement) error {
	if s.rootDone {
		return fmt.Errorf("svgsafe: <%s> after the root element", qname(t.Name))
	}
	if len(s.stack) >= maxDepth {
		return errors.New("svgsafe: elements nested too deeply")
	}
	mode := s.mode(t)
	if !s.rootSeen {
		if t.Name.Space != "" || t.Name.Local != "svg" {
			return fmt.Errorf("svgsafe: root element <%s>, want <svg>", qname(t.Name))
		}
		s.rootSeen, mode = true, modeKeep
	}
	s.stack = append(s.stack, frame{name: t.Name, mode: mode})
	switch mode {
	case modeDrop:
		s.dropping++
	case modeKeep:
		s.closePending()
		s.out.WriteString("<" + t.Name.Local)
		writeAttrs(&s.out, t)
		s.pending = true
	}
	return nil
}

// mode decides what becomes of an element and its content.
func (s *sanitizer) mode(t xml.StartElement) int {
	if s.dropping > 0 || t.Name.Space != "" || !allowedElement(t.Name.Local) {
		return modeDrop
	}
	if n := len(s.stack); n > 0 {
		if t.Name.Local == "svg" { // nested svg
			return modeDrop
		}
		if p := s.stack[n-1]; p.mode == modeKeep && p.name.Local == "title" {
			return modeDrop // a title holds text only
		}
	}
	if t.Name.Local == "a" && !hasSafeLink(t) {
		return modeUnwrap
	}
	return modeKeep
}

// hasSafeLink reports whether an anchor links within the document.
func hasSafeLink(t xml.StartElement) bool {
	for _, a := range t.Attr {
		if name, ok := linkAttribute(a.Name.Space, a.Name.Local); ok && safeValue(name, a.Value) {
			return true
		}
	}
	return false
}

// end handles an end tag, which must match the open element.
func (s *sanitizer) end(t xml.EndElement) error {
	n := len(s.stack)
	if n == 0 || s.stack[n-1].name != t.Name {
		return fmt.Errorf("svgsafe: unexpected </%s>", qname(t.Name))
	}
	f := s.stack[n-1]
	s.stack = s.stack[:n-1]
	switch f.mode {
	case modeDrop:
		s.dropping--
	case modeKeep:
		if s.pending {
			s.out.WriteString("/>")
			s.pending = false
		} else {
			s.out.WriteString("</" + f.name.Local + ">")
		}
	}
	if len(s.stack) == 0 {
		s.rootDone = true
	}
	return nil
}

// text writes character data (CDATA included) inside the root, escaped.
func (s *sanitizer) text(t xml.CharData) {
	if len(t) == 0 || len(s.stack) == 0 || s.dropping > 0 {
		return
	}
	s.closePending()
	escape(&s.out, string(t), false)
}

// closePending finishes a start tag written without its ">".
func (s *sanitizer) closePending() {
	if s.pending {
		s.out.WriteByte('>')
		s.pending = false
	}
}

// writeAttrs writes the allowed attributes of a kept element, each once,
// in input order.
func writeAttrs(b *strings.Builder, t xml.StartElement) {
	var seen []string
	for _, a := range t.Attr {
		name, ok := allowedAttribute(a.Name.Space, a.Name.Local)
		if !ok && linkElement(t.Name.Local) {
			name, ok = linkAttribute(a.Name.Space, a.Name.Local)
		}
		if !ok || !safeValue(name, a.Value) || contains(seen, name) {
			continue
		}
		seen = append(seen, name)
		writeAttr(b, name, a.Value)
	}
	if t.Name.Local == "stop" {
		// Graphviz writes a gradient stop's colour as a style attribute.
		for _, a := range t.Attr {
			if a.Name.Space == "" && a.Name.Local == "style" {
				for _, d := range stopStyle(a.Value) {
					if !contains(seen, d[0]) {
						seen = append(seen, d[0])
						writeAttr(b, d[0], d[1])
					}
				}
			}
		}
	}
}

// writeAttr writes ` name="value"` with the value escaped.
func writeAttr(b *strings.Builder, name, value string) {
	b.WriteString(" " + name + `="`)
	escape(b, value, true)
	b.WriteByte('"')
}

// contains reports whether list holds s.
func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// qname writes a raw name as prefix:local for error messages.
func qname(n xml.Name) string {
	if n.Space == "" {
		return n.Local
	}
	return n.Space + ":" + n.Local
}

// escape writes s with &, <, >, " and ' escaped; in attribute values also
// tabs and line breaks, so they survive attribute-value normalization. The
// colon of "javascript:" in text is written as a character reference: it
// shows the same and no filter downstream mistakes the text for a link.
func escape(b *strings.Builder, s string, attr bool) {
	last := 0
	for i := 0; i < len(s); i++ {
		var rep string
		switch c := s[i]; c {
		case '&':
			rep = "&amp;"
		case '<':
			rep = "&lt;"
		case '>':
			rep = "&gt;"
		case '"':
			rep = "&quot;"
		case '\'':
			rep = "&#39;"
		case '\t', '\n', '\r':
			if attr {
				rep = fmt.Sprintf("&#%d;", c)
			}
		case ':':
			if i >= 10 && strings.EqualFold(s[i-10:i], "javascript") {
				rep = "&#58;"
			}
		}
		if rep != "" {
			b.WriteString(s[last:i])
			b.WriteString(rep)
			last = i + 1
		}
	}
	b.WriteString(s[last:])
}
