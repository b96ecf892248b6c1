package diagram

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestEscapeDOT(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`plain`, `plain`},
		{`a"b`, `a\"b`},
		{`a\b`, `a\\b`},
		{`\`, `\\`},
		{`\"`, `\\\"`},
		{"a\nb", `a\nb`},
		{"a\rb\x00c\x1bd", `abcd`},
		{`AT&T &lt;`, `AT&amp;T &amp;lt;`},
		{`<b>`, `<b>`},
		{"日本 🚀", "日本 🚀"},
	} {
		if got := escapeDOT(tc.in); got != tc.want {
			t.Errorf("escapeDOT(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestLabelText(t *testing.T) {
	long := strings.Repeat("x", 100)
	for _, tc := range []struct {
		in   []string
		want string
	}{
		{[]string{"a", "", "b"}, "a\nb"},
		{[]string{"a\nb"}, "a b"},
		{[]string{"bidi\u202ex"}, "bidi x"},
		{[]string{"zero\u200bwidth"}, "zero width"},
		{[]string{"bad\xffutf8"}, "bad\uFFFDutf8"},
		{[]string{"  pad  "}, "pad"},
		{[]string{long}, strings.Repeat("x", maxLineRunes-1) + "…"},
		{[]string{"1", "2", "3", "4", "5", "6", "7", "8", "9", "10"}, "1\n2\n3\n4\n5\n6\n7\n…"},
		{[]string{"1", "2", "3", "4", "5", "6", "7", "8"}, "1\n2\n3\n4\n5\n6\n7\n8"},
	} {
		if got := labelText(tc.in...); got != tc.want {
			t.Errorf("labelText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if n := utf8.RuneCountInString(labelText(strings.Repeat("日", 200))); n != maxLineRunes {
		t.Errorf("clipped line has %d runes, want %d", n, maxLineRunes)
	}
}

func TestQuote(t *testing.T) {
	if got := quote(`x"]; node [URL="javascript:1"]`); got != `"x\"]; node [URL=\"javascript:1\"]"` {
		t.Errorf("quote = %s", got)
	}
}

func FuzzLabel(f *testing.F) {
	for _, s := range []string{`"`, `\`, "a\nb", `x"]; node [URL="javascript:1"]`, "\xff", "🚀"} {
		f.Add(s)
	}
	valueShape := regexp.MustCompile(`^"(?:[^"\\\n\r]|\\[\\"nl])*"$`)
	f.Fuzz(func(t *testing.T, s string) {
		q := quote(labelText(s, s))
		if !valueShape.MatchString(q) {
			t.Fatalf("quote(labelText(%q)) = %q: not one DOT string", s, q)
		}
		if !utf8.ValidString(q) {
			t.Fatalf("invalid UTF-8: %q", q)
		}
		if strings.Count(labelText(s), "\n") != 0 {
			t.Fatalf("one line of user text became several: %q", s)
		}
	})
}
