package app

import (
	"strings"
	"testing"

	"privatelink-playground/engine"
)

func TestMatrixTableHTMLEscapesScenarioNames(t *testing.T) {
	evil := `i-"><img src=x onerror=alert(1)>`
	mx := &engine.Matrix{
		Sources: []string{evil, "i-two", "i-three"},
		Targets: []engine.MatrixTarget{{Name: "<b>svc</b>", To: `a"b`}, {Name: "s3", To: "s3.us-east-1.amazonaws.com"}},
		Cells: [][]engine.MatrixCell{
			{{Verdict: engine.VerdictAllowed, Rule: "GW-02", Via: `vpce-<x>`}, {Verdict: engine.VerdictDenied, Rule: "NET-02"}},
			{{Verdict: engine.VerdictUnreachable, Rule: "NET-07"}, {Verdict: engine.VerdictAllowed, Rule: "GW-02"}},
			{{Verdict: engine.VerdictAllowed, Rule: "GW-02"}, {Verdict: engine.VerdictAllowed, Rule: "GW-02"}},
		},
	}
	got := matrixTableHTML(mx, 2)
	for _, bad := range []string{"<img", "<b>", `a"b`, "<x>"} {
		if strings.Contains(got, bad) {
			t.Errorf("the table holds %q unescaped:\n%s", bad, got)
		}
	}
	for _, want := range []string{
		`<th class="mono">i-&#34;&gt;&lt;img src=x onerror=alert(1)&gt;</th>`,
		`<th title="a&#34;b">&lt;b&gt;svc&lt;/b&gt;</th>`,
		`<td class="cell verdict-allowed" title="allowed (GW-02) via vpce-&lt;x&gt;">`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the table lacks %s:\n%s", want, got)
		}
	}
	if n := strings.Count(got, "<tr>"); n != 3 { // the head and 2 rows
		t.Errorf("%d rows with the head, want 3:\n%s", n, got)
	}
	if n := strings.Count(got, `<td class="cell `); n != 4 {
		t.Errorf("%d cells, want 4", n)
	}
	if all := matrixTableHTML(mx, 10); strings.Count(all, "<tr>") != 4 {
		t.Errorf("asking for more rows than there are should draw them all:\n%s", all)
	}
}

func TestMatrixTableHTMLIsWrittenAgainOnlyWhenItChanges(t *testing.T) {
	mx := &engine.Matrix{Sources: []string{"i-a"}, Targets: []engine.MatrixTarget{{Name: "s3"}}, Cells: [][]engine.MatrixCell{{{Verdict: engine.VerdictAllowed, Rule: "GW-02"}}}}
	var tb tableHTML
	first := tb.of(mx, 100)
	mx.Sources[0] = "i-b" // the same matrix and rows: the table kept
	if tb.of(mx, 100) != first {
		t.Error("the table was written again for the same matrix")
	}
	if !strings.Contains(tb.of(mx, 50), "i-b") {
		t.Error("other rows should write the table again")
	}
	other := *mx
	if !strings.Contains(tb.of(&other, 50), "i-b") || tb.mx != &other {
		t.Error("another matrix should write the table again")
	}
}
