package svgsafe

import (
	"strings"
	"unicode"
)

// Namespace URIs the root element may declare.
const (
	nsSVG   = "http://www.w3.org/2000/svg"
	nsXLink = "http://www.w3.org/1999/xlink"
)

// allowedElement reports whether an element (without a namespace prefix)
// may appear in sanitized output. Elements not listed are dropped with
// everything inside them, except "a", which handleStart may unwrap.
func allowedElement(local string) bool {
	switch local {
	case "svg", "g", "title", "path", "polygon", "polyline", "ellipse",
		"circle", "rect", "line", "text", "tspan", "defs",
		"linearGradient", "radialGradient", "stop", "a":
		return true
	}
	return false
}

// allowedAttribute returns the output name of an attribute (prefix and
// local name as written) when it may appear on any allowed element. Links
// (href, xlink:href) are handled by linkAttribute.
func allowedAttribute(prefix, local string) (string, bool) {
	switch prefix {
	case "":
		switch local {
		case "id", "class", "transform", "x", "y", "x1", "y1", "x2", "y2",
			"cx", "cy", "r", "rx", "ry", "width", "height", "viewBox",
			"points", "d", "fill", "fill-opacity", "stroke", "stroke-width",
			"stroke-dasharray", "stroke-opacity", "opacity", "font-family",
			"font-size", "font-weight", "font-style", "text-anchor",
			"dominant-baseline", "preserveAspectRatio", "offset", "stop-color",
			"stop-opacity", "gradientUnits", "xmlns", "version":
			return local, true
		}
	case "xmlns":
		if local == "xlink" {
			return "xmlns:xlink", true
		}
	}
	return "", false
}

// linkAttribute reports whether an attribute is a link (href or
// xlink:href) and returns its output name.
func linkAttribute(prefix, local string) (string, bool) {
	switch {
	case prefix == "" && local == "href":
		return "href", true
	case prefix == "xlink" && local == "href":
		return "xlink:href", true
	}
	return "", false
}

// linkElement reports whether an element may keep a link: anchors and
// gradients, which may refer to another gradient.
func linkElement(local string) bool {
	return local == "a" || local == "linearGradient" || local == "radialGradient"
}

// safeValue reports whether an attribute's value may be kept.
func safeValue(name, v string) bool {
	switch name {
	case "xmlns":
		return v == nsSVG
	case "xmlns:xlink":
		return v == nsXLink
	case "href", "xlink:href":
		return len(v) > 1 && v[0] == '#' && isToken(v[1:], false) && !scheme(v)
	case "id":
		return isToken(v, false) && !scheme(v)
	case "class":
		return isToken(v, true) && !scheme(v)
	}
	if strings.ContainsRune(v, '\\') { // CSS escapes could spell url( or a scheme
		return false
	}
	n := normalize(v)
	if scheme(n) || strings.Contains(n, "expression(") {
		return false
	}
	for rest := n; ; {
		i := strings.Index(rest, "url(")
		if i < 0 {
			return true
		}
		rest = strings.TrimLeft(rest[i+len("url("):], `"'`)
		if !strings.HasPrefix(rest, "#") {
			return false
		}
	}
}

// scheme reports whether a normalized value names a script URL scheme.
func scheme(n string) bool {
	n = strings.ToLower(n)
	return strings.Contains(n, "javascript:") || strings.Contains(n, "vbscript:")
}

// normalize lower-cases v and removes the characters browsers skip or
// ignore inside schemes and CSS function names: white space, control and
// format characters.
func normalize(v string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			return -1
		}
		return unicode.ToLower(r)
	}, v)
}

// isToken reports whether v is a non-empty run of [A-Za-z0-9_.:-], and
// spaces when spaces is set (a class list).
func isToken(v string, spaces bool) bool {
	if v == "" {
		return false
	}
	for i := 0; i < len(v); i++ {
		c := v[i]
		ok := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
			c == '_' || c == '-' || c == '.' || c == ':' || spaces && c == ' '
		if !ok {
			return false
		}
	}
	return true
}

// stopStyle turns the style attribute Graphviz gives a gradient stop
// ("stop-color:#eeeeff;stop-opacity:1.;") into attribute pairs, keeping only
// stop-color and stop-opacity with plain values (a colour or a number).
func stopStyle(style string) [][2]string {
	var out [][2]string
	for _, decl := range strings.Split(style, ";") {
		prop, val, ok := strings.Cut(decl, ":")
		prop, val = strings.TrimSpace(prop), strings.TrimSpace(val)
		if !ok || (prop != "stop-color" && prop != "stop-opacity") || !isPlainValue(val) {
			continue
		}
		out = append(out, [2]string{prop, val})
	}
	return out
}

// isPlainValue reports whether v is a non-empty run of [#A-Za-z0-9.%].
func isPlainValue(v string) bool {
	if v == "" {
		return false
	}
	for i := 0; i < len(v); i++ {
		c := v[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
			c == '#' || c == '.' || c == '%') {
			return false
		}
	}
	return true
}
