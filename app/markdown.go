package app

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// markdown renders the small Markdown subset lesson narratives use —
// paragraphs, "- " lists, `code` and **bold** — as elements built from text
// nodes, so no markup in a scenario ever reaches the page as HTML.
func markdown(src string) app.UI {
	var blocks []app.UI
	var para []string
	var items []string
	flush := func() {
		if len(para) > 0 {
			blocks = append(blocks, app.P().Body(inline(strings.Join(para, " "))...))
			para = nil
		}
		if len(items) > 0 {
			list := items
			blocks = append(blocks, app.Ul().Body(app.Range(list).Slice(func(i int) app.UI {
				return app.Li().Body(inline(list[i])...)
			})))
			items = nil
		}
	}
	for _, line := range strings.Split(src, "\n") {
		t := strings.TrimSpace(line)
		switch {
		case t == "":
			flush()
		case strings.HasPrefix(t, "- ") || strings.HasPrefix(t, "* "):
			if len(para) > 0 {
				blocks = append(blocks, app.P().Body(inline(strings.Join(para, " "))...))
				para = nil
			}
			items = append(items, t[2:])
		default:
			if len(items) > 0 {
				flush()
			}
			para = append(para, t)
		}
	}
	flush()
	return app.Div().Class("markdown").Body(blocks...)
}

// inline renders `code` and **bold** spans of one block.
func inline(s string) []app.UI {
	var out []app.UI
	for s != "" {
		i := strings.IndexAny(s, "`*")
		if i < 0 {
			out = append(out, app.Text(s))
			break
		}
		if s[i] == '*' && !strings.HasPrefix(s[i:], "**") {
			out = append(out, app.Text(s[:i+1]))
			s = s[i+1:]
			continue
		}
		mark := "`"
		if s[i] == '*' {
			mark = "**"
		}
		end := strings.Index(s[i+len(mark):], mark)
		if end < 0 {
			out = append(out, app.Text(s))
			break
		}
		if i > 0 {
			out = append(out, app.Text(s[:i]))
		}
		body := s[i+len(mark) : i+len(mark)+end]
		if mark == "`" {
			out = append(out, app.Code().Text(body))
		} else {
			out = append(out, app.Strong().Text(body))
		}
		s = s[i+len(mark)+end+len(mark):]
	}
	return out
}
