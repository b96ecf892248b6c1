package app

import (
	"html"
	"strings"

	"privatelink-playground/engine"
)

// matrixTableHTML writes the reachability table of rows source rows as one
// HTML string, which the page parses in one go: building its thousands of
// cells element by element from WebAssembly kept the page busy for a
// quarter of a second. Every name from the scenario is escaped.
func matrixTableHTML(mx *engine.Matrix, rows int) string {
	rows = min(rows, len(mx.Sources), len(mx.Cells))
	var b strings.Builder
	b.Grow(128 + 64*len(mx.Targets) + rows*(48+96*len(mx.Targets)))
	b.WriteString(`<table id="matrix-table" class="endpoints matrix-table"><thead><tr><th>from \ to</th>`)
	for _, tg := range mx.Targets {
		b.WriteString(`<th title="`)
		b.WriteString(html.EscapeString(tg.To))
		b.WriteString(`">`)
		b.WriteString(html.EscapeString(tg.Name))
		b.WriteString(`</th>`)
	}
	b.WriteString(`</tr></thead><tbody>`)
	for i := range rows {
		b.WriteString(`<tr><th class="mono">`)
		b.WriteString(html.EscapeString(mx.Sources[i]))
		b.WriteString(`</th>`)
		for _, c := range mx.Cells[i] {
			title := c.Verdict + " (" + c.Rule + ")"
			if c.Via != "" {
				title += " via " + c.Via
			}
			b.WriteString(`<td class="cell verdict-`)
			b.WriteString(html.EscapeString(c.Verdict))
			b.WriteString(`" title="`)
			b.WriteString(html.EscapeString(title))
			b.WriteString(`">`)
			b.WriteString(html.EscapeString(engine.VerdictIcon(c.Verdict) + " " + c.Rule))
			b.WriteString(`</td>`)
		}
		b.WriteString(`</tr>`)
	}
	b.WriteString(`</tbody></table>`)
	return b.String()
}

// tableHTML keeps the last table written: the panel renders again for
// every change of the page, the table only with a new matrix or more rows.
type tableHTML struct {
	mx   *engine.Matrix
	rows int
	html string
}

// of returns matrixTableHTML(mx, rows), written again only when mx or
// rows changed.
func (t *tableHTML) of(mx *engine.Matrix, rows int) string {
	if t.mx != mx || t.rows != rows {
		t.mx, t.rows, t.html = mx, rows, matrixTableHTML(mx, rows)
	}
	return t.html
}
