package app

import (
	"strings"
	"testing"
)

func TestDiagramUsesTheHashItIsGiven(t *testing.T) {
	const dot = "digraph { given }"
	computed := `<svg xmlns="http://www.w3.org/2000/svg"><g id="computed"></g></svg>`
	given := `<svg xmlns="http://www.w3.org/2000/svg"><g id="given"></g></svg>`
	if err := SeedLayout(DOTHash(dot), computed); err != nil {
		t.Fatal(err)
	}
	if err := SeedLayout("0123456789abcdef0123456789abcdef", given); err != nil {
		t.Fatal(err)
	}

	d := &Diagram{DOT: dot}
	d.OnInit()
	if d.hash != DOTHash(dot) || !strings.Contains(d.svg, `id="computed"`) {
		t.Errorf("without a hash: hash %q, layout %q; want the DOT's own", d.hash, d.svg)
	}
	d = &Diagram{DOT: dot, Hash: "0123456789abcdef0123456789abcdef"}
	d.OnInit()
	if d.hash != "0123456789abcdef0123456789abcdef" || !strings.Contains(d.svg, `id="given"`) {
		t.Errorf("with a hash: hash %q, layout %q; want the given one's", d.hash, d.svg)
	}
}
