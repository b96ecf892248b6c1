package diagram

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits on the user text a label shows.
const (
	maxLineRunes  = 64 // longer lines end in an ellipsis
	maxLabelLines = 8  // further lines are replaced by one ellipsis line
)

const ellipsis = "…"

// clean makes one line of user text fit for a label: invalid UTF-8 becomes
// U+FFFD, and control, format (bidirectional overrides, zero-width) and
// line or paragraph separator characters become spaces, so user text can
// neither break a line nor reorder what is shown.
func clean(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == utf8.RuneError && size <= 1:
			b.WriteRune(utf8.RuneError)
		case unicode.IsControl(r), unicode.Is(unicode.Cf, r),
			unicode.Is(unicode.Zl, r), unicode.Is(unicode.Zp, r):
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// clip shortens s to maxLineRunes runes, the last one an ellipsis.
func clip(s string) string {
	if utf8.RuneCountInString(s) <= maxLineRunes {
		return s
	}
	n := 0
	for i := range s {
		if n == maxLineRunes-1 {
			return s[:i] + ellipsis
		}
		n++
	}
	return s
}

// labelText joins lines of user text into one label value: each line
// cleaned and clipped, empty lines left out, at most maxLabelLines lines.
// The lines are joined by "\n", which escapeDOT writes as DOT's line break.
func labelText(lines ...string) string {
	out := make([]string, 0, len(lines))
	for _, l := range lines {
		if l = strings.TrimSpace(clip(clean(l))); l != "" {
			out = append(out, l)
		}
	}
	if len(out) > maxLabelLines {
		out = append(out[:maxLabelLines-1], ellipsis)
	}
	return strings.Join(out, "\n")
}

// escapeDOT escapes s for the inside of a DOT double-quoted string: a
// backslash and a double quote are escaped, a newline becomes DOT's "\n"
// line break and other control characters are dropped. "&" is written as
// "&amp;" because Graphviz decodes HTML entities in labels: the text shows
// exactly as given.
func escapeDOT(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	for _, r := range s {
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case r == '"':
			b.WriteString(`\"`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '&':
			b.WriteString("&amp;")
		case unicode.IsControl(r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// quote returns s as a DOT double-quoted string.
func quote(s string) string {
	return `"` + escapeDOT(s) + `"`
}
