package app

import (
	"fmt"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"privatelink-playground/engine"
)

// MatrixPanel traces every instance to every service it might call and
// shows the verdicts as a table (engine.World.Matrix), with the time the
// browser took.
type MatrixPanel struct {
	app.Compo

	// Store is the playground's store.
	Store *Store
	// Revision is the store's revision.
	Revision int

	matrix   *engine.Matrix
	world    *engine.World // the world matrix was computed for
	ms       float64
	running  *engine.World // the world being traced row by row, nil when idle
	progress string
	shown    int // source rows drawn
	table    tableHTML
}

// matrixPage is how many source rows the table draws at first and adds per
// "show more": drawing thousands of cells at once would freeze the page.
const matrixPage = 100

// matrixSlice is how long the page traces rows before it lets the browser
// paint and handle input again.
const matrixSlice = 30 * time.Millisecond

// OnUpdate drops a matrix computed for an older document (a new selection
// or hop on show keeps it).
func (m *MatrixPanel) OnUpdate(ctx app.Context) {
	if m.world != m.Store.World {
		m.matrix = nil
	}
}

// compute traces the matrix row by row in short slices, showing progress,
// so a large scenario does not freeze the page. A new document stops it.
func (m *MatrixPanel) compute(ctx app.Context) {
	w := m.Store.World
	if w == nil || m.running == w {
		return
	}
	plan := w.MatrixPlan()
	m.running, m.matrix, m.progress = w, nil, "Tracing…"
	ctx.Async(func() {
		spent, slice := 0.0, 0.0
		for i := range plan.Sources {
			start := now()
			w.TraceMatrixRow(&plan, i)
			d := now() - start
			spent += d
			slice += d
			if slice >= float64(matrixSlice/time.Millisecond) && i+1 < len(plan.Sources) {
				// Progress goes straight to an attribute go-app does not
				// manage (CSS shows it): a dispatch would render the whole
				// page again for one line of text.
				showMatrixProgress(fmt.Sprintf("Tracing: %d of %d sources…", i+1, len(plan.Sources)))
				slice = 0
				time.Sleep(time.Millisecond) // let the page paint and take input
				if m.Store.World != w {
					ctx.Dispatch(func(app.Context) { m.running, m.progress = nil, "" })
					return
				}
			}
		}
		ctx.Dispatch(func(app.Context) {
			m.matrix, m.world, m.ms, m.shown = &plan, w, spent, matrixPage
			m.running, m.progress = nil, ""
			showMatrixProgress("")
		})
	})
}

// showMatrixProgress sets the progress line's data-progress attribute.
func showMatrixProgress(text string) {
	if el := app.Window().GetElementByID("matrix-progress"); el.Truthy() {
		el.Call("setAttribute", "data-progress", text)
	}
}

// now is the page's clock in milliseconds (0 outside the browser).
func now() float64 {
	if !app.IsClient {
		return 0
	}
	return app.Window().Get("performance").Call("now").Float()
}

// Render draws the button and the table.
func (m *MatrixPanel) Render() app.UI {
	if m.Store.World == nil {
		return app.Section().Class("matrix").Body(app.P().Class("muted").Text("Fix the scenario's problems to compute who reaches what."))
	}
	mx := m.matrix
	return app.Section().Class("matrix").Aria("label", "Reachability").Body(
		app.Div().Class("clock-line").Body(
			app.Button().ID("matrix-run").Disabled(m.running != nil).Text("Compute who reaches what").
				OnClick(func(ctx app.Context, e app.Event) { m.compute(ctx) }),
			app.Span().ID("matrix-progress").Class("muted matrix-progress").Attr("role", "status").
				DataSet("start", m.progress),
			app.If(mx != nil, func() app.UI {
				return app.Span().ID("matrix-time").Class("muted").
					Text(fmt.Sprintf("%d × %d traces in %.1f ms in this browser", len(mx.Sources), len(mx.Targets), m.ms))
			}),
		),
		app.If(mx != nil, func() app.UI { return matrixCounts(mx) }),
		app.If(mx != nil, func() app.UI {
			return app.Div().Class("matrix-scroll").Body(app.Raw(m.table.of(mx, m.shown)))
		}),
		app.If(mx != nil && m.shown < len(mx.Sources), func() app.UI {
			return app.Button().ID("matrix-more").
				Text(fmt.Sprintf("Show %d more of %d sources", min(matrixPage, len(mx.Sources)-m.shown), len(mx.Sources)-m.shown)).
				OnClick(func(ctx app.Context, e app.Event) { m.shown += matrixPage })
		}),
	)
}

// matrixCounts sums every cell of the matrix up by verdict, drawn or not.
func matrixCounts(mx *engine.Matrix) app.UI {
	counts := map[string]int{}
	for _, row := range mx.Cells {
		for _, c := range row {
			counts[c.Verdict]++
		}
	}
	verdicts := []string{engine.VerdictAllowed, engine.VerdictDenied, engine.VerdictUnreachable, engine.VerdictUnresolved}
	return app.P().ID("matrix-counts").Class("matrix-counts").Body(
		app.Range(verdicts).Slice(func(i int) app.UI {
			v := verdicts[i]
			return app.Span().Class("verdict verdict-"+v).DataSet("verdict", v).DataSet("count", counts[v]).
				Text(fmt.Sprintf("%s %d %s  ", engine.VerdictIcon(v), counts[v], v))
		}),
	)
}
