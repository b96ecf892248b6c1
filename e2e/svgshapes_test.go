package e2e

import (
	"encoding/json"
	"fmt"
	"testing"

	"privatelink-playground/engine"
	"privatelink-playground/engine/diagram"
	"privatelink-playground/engine/lessons"
)

// styledDOT exercises what web/svg-shapes.js writes and what it leaves to
// Graphviz: every fill and stroke style, opacities, named and transparent
// colors, ellipses, polygons, polylines (splines=polyline), Bézier paths and
// arrowheads, labels needing escapes, non-ASCII labels, PostScript and HTML
// fonts, edge-aligned labels, gradients, and coordinates that are exact
// rounding ties (sizes in eighths of a point).
const styledDOT = `digraph styled {
  graph [bgcolor="transparent", fontname="Arial", fontsize=13.375, label="Styled — graph\nwith 'quotes' & <tags>"];
  node [fontname="Courier", fontsize=7.125];
  a [shape=ellipse, style="filled,dashed", fillcolor="#ff000080", color="#00ff0040", penwidth=2.5, label="a-b  c"];
  b [shape=circle, style=filled, fillcolor=white, color=black, fontcolor="#11223380", fontname="Arial", label="héllo → wörld"];
  c [shape=box, style="rounded,filled,dotted", fillcolor="lightblue:yellow", gradientangle=90, label="gradient"];
  d [shape=doublecircle, style=filled, fillcolor="transparent", color=transparent, fontname="Arial", label="trans-parent"];
  e [shape=polygon, sides=7, skew=0.3, style=filled, fillcolor="#0000ff", fontname="Helvetica", label="helv"];
  f [shape=record, fontname="Arial", label="{f1|<p>f2|f-3}"];
  g [label=<<b>bold</b> <i>it</i>>];
  h [shape=point, color=red, width=0.125];
  i [shape=box, style="radial", fillcolor="red:blue", label="radial"];
  j [shape=plaintext, fontcolor=Black, fontname="Arial", label="Black text"];
  k [shape=box, color="0.5 0.5 0.5", fontcolor="0.1 0.9 0.9", fontname="Arial", label="hsv"];
  a -> b [arrowhead=dot, arrowtail=diamond, dir=both, style=dashed, label="edge-label", color="red:blue"];
  b -> c [arrowhead=box, penwidth=0.3, style=dotted];
  c -> d [arrowhead=odiamond, arrowsize=2];
  d -> e [arrowhead=vee, style=bold, label="x  y", headlabel="H", taillabel="T"];
  e -> f:p [arrowhead=crow, penwidth=1.004];
  f -> g [arrowhead=inv, color="#12345678", penwidth=1.006];
  g -> h [arrowhead=tee];
  h -> i [arrowhead=curve];
  i -> j [dir=none, fontname="Arial", label="1.125"];
  k -> a [label="k&amp;a", fontname="Arial"];
  subgraph cluster_x { label="cluster - x"; fontname="Arial"; style="filled,rounded"; fillcolor="#abcdef"; color="#fedcba"; m; n; }
  m -> n [labelaligned=true, label="aligned", fontname="Arial"];
}`

// polylineDOT draws its edges as polylines.
const polylineDOT = `graph lines { graph [splines=polyline]; node [fontname="Arial"]; a -- b -- c -- a; b -- d [label="1.125"]; }`

// shapesDOTs are the diagrams the comparison lays out: every lesson's
// topology and saved-trace paths, and the styled ones above.
func shapesDOTs(t *testing.T) []string {
	dots := []string{styledDOT, polylineDOT}
	for _, l := range lessons.All() {
		s, err := engine.Decode(l.Scenario)
		if err != nil {
			t.Fatalf("lesson %s: %v", l.ID, err)
		}
		dots = append(dots, diagram.Topology(s))
		if w, err := engine.Compile(s); err == nil {
			for _, tr := range w.TraceAll() {
				dots = append(dots, diagram.TracePath(s, tr))
			}
		}
	}
	return dots
}

func TestRenderWorkerWritesShapesByteForByteAsGraphviz(t *testing.T) {
	p := openPlayground(t)
	dots := shapesDOTs(t)
	arg, _ := json.Marshal(dots)
	// Two workers, one writing the shapes in JavaScript (the default), one
	// leaving them to Graphviz, each laying out the same DOT in the same
	// order (Graphviz numbers gradients across layouts).
	type result struct {
		Fast, Own             string
		FastShapes, OwnShapes int
	}
	results := eval[[]result](p, fmt.Sprintf(`(async (dots) => {
		const start = () => {
			const worker = new Worker("/web/render-worker.js");
			let next = 1;
			return (dot, shapes) => new Promise((resolve, reject) => {
				const id = next++;
				worker.onmessage = (event) => {
					const msg = event.data;
					if (msg.id !== id || msg.progress !== undefined) return;
					if (msg.error !== undefined) reject(new Error(msg.error));
					else resolve(msg);
				};
				worker.postMessage({ id, dot, shapes });
			});
		};
		const fast = start(), own = start();
		const results = [];
		for (const dot of dots) {
			const a = await fast(dot), b = await own(dot, "graphviz");
			results.push({ fast: a.svg, own: b.svg, fastShapes: a.shapes, ownShapes: b.shapes });
		}
		return results;
	})(%s)`, arg))
	if len(results) != len(dots) {
		t.Fatalf("%d results for %d diagrams", len(results), len(dots))
	}
	for i, r := range results {
		if r.Fast != r.Own {
			at := 0
			for at < len(r.Fast) && at < len(r.Own) && r.Fast[at] == r.Own[at] {
				at++
			}
			from := max(0, at-80)
			t.Errorf("diagram %d: the SVG differs from Graphviz's own at byte %d:\nours:     %q\nGraphviz: %q",
				i, at, r.Fast[from:min(len(r.Fast), at+80)], r.Own[from:min(len(r.Own), at+80)])
		}
		if r.FastShapes == 0 {
			t.Errorf("diagram %d: no shape was written by svg-shapes.js", i)
		}
		if r.OwnShapes != 0 {
			t.Errorf("diagram %d: svg-shapes.js wrote %d shapes when asked to leave them to Graphviz", i, r.OwnShapes)
		}
	}
	// The styled diagram has shapes Graphviz must write (gradients, HTML
	// and PostScript fonts, escapes): fewer written here than drawn.
	if got, drawn := results[0].FastShapes, countShapes(results[0].Own); got >= drawn {
		t.Errorf("styled diagram: svg-shapes.js wrote %d of %d shapes, want some left to Graphviz", got, drawn)
	}
	p.assertNoProblems()
}

// countShapes counts the SVG elements a renderer's shape calls write.
func countShapes(svg string) int {
	n := 0
	for _, tag := range []string{"<polygon ", "<path ", "<polyline ", "<ellipse ", "<text "} {
		for i := 0; i+len(tag) <= len(svg); i++ {
			if svg[i:i+len(tag)] == tag {
				n++
			}
		}
	}
	return n
}

func TestSVGNumbersAreWrittenAsGraphvizPrintsThem(t *testing.T) {
	p := openPlayground(t)
	// Graphviz itself is the reference: its gvprintdouble on a job writing
	// into memory, and snprintf("%.2f"). Values: every eighth (exact
	// rounding ties) and thousandth in ±12500, random values over ten
	// decades, and edges.
	type report struct {
		Checked  int
		Failures []string
	}
	r := eval[report](p, `(async () => {
		await new Promise((resolve, reject) => {
			const s = document.createElement("script");
			s.src = "/web/svg-shapes.js";
			s.onload = resolve;
			s.onerror = () => reject(new Error("svg-shapes.js did not load"));
			document.head.appendChild(s);
		});
		const { formatNumber, formatFixed2, writeNumber } = window.svgShapes;
		const module = await WebAssembly.compile(await (await fetch("/web/graphviz.wasm")).arrayBuffer());
		const imports = {};
		for (const imp of WebAssembly.Module.imports(module)) {
			imports[imp.module] = imports[imp.module] || {};
			if (imp.kind === "function") imports[imp.module][imp.name] = () => 0;
		}
		const ex = (await WebAssembly.instantiate(module, imports)).exports;
		const zeroed = (n) => { const p = ex.malloc(n); new Uint8Array(ex.memory.buffer, p, n).fill(0); return p; };
		const job = zeroed(8192), gvc = zeroed(8192), out = zeroed(256), fmt = zeroed(8), arg = zeroed(8);
		ex.wasm_bridge_set_Job_gvc(job, gvc);
		new Uint8Array(ex.memory.buffer, fmt, 5).set([37, 46, 50, 102, 0]); // "%.2f"
		const text = (p) => { const b = new Uint8Array(ex.memory.buffer); let e = p; while (b[e]) e++; return new TextDecoder().decode(b.subarray(p, e)); };
		const printdouble = (x) => {
			ex.wasm_bridge_set_Job_output_data(job, out);
			ex.wasm_bridge_set_Job_output_data_allocated(job, 256);
			ex.wasm_bridge_set_Job_output_data_position(job, 0);
			new Uint8Array(ex.memory.buffer, out, 256).fill(0);
			ex.gvprintdouble(job, x);
			return text(out);
		};
		const printf2 = (x) => {
			new DataView(ex.memory.buffer).setFloat64(arg, x, true);
			const n = ex.snprintf(out, 256, fmt, arg);
			return new TextDecoder().decode(new Uint8Array(ex.memory.buffer, out, n));
		};
		const bytes = new Uint8Array(64);
		const failures = [];
		let checked = 0;
		const check = (x) => {
			checked++;
			const want = printdouble(x), want2 = printf2(x);
			const end = writeNumber(bytes, 5, x);
			const written = new TextDecoder().decode(bytes.subarray(5, end));
			if (formatNumber(x) !== want || written !== want || formatFixed2(x) !== want2) {
				if (failures.length < 10) failures.push(x + ": Graphviz " + want + " / " + want2 + ", ours " + formatNumber(x) + " / " + written + " / " + formatFixed2(x));
			}
		};
		for (let i = -100000; i <= 100000; i++) { check(i / 8); check(i / 1000); }
		let seed = 12345;
		const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
		for (let i = 0; i < 100000; i++) check((random() - 0.5) * Math.pow(10, random() * 10 - 2));
		for (const x of [0, -0, 0.005, -0.005, 0.0049999, 0.015, 0.025, 1.005, 2.675, 1e12, 1e13 + 0.125, 1e15, 1e17, -1e20, 1e22, 123456789.125, 5e-324, -0.004])
			check(x);
		return { checked, failures };
	})()`)
	if r.Checked < 500000 {
		t.Errorf("checked %d numbers, want at least 500000", r.Checked)
	}
	for _, f := range r.Failures {
		t.Errorf("number %s", f)
	}
	p.assertNoProblems()
}
