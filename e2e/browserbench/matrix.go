package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/chromedp/chromedp"

	"privatelink-playground/engine"
)

// matrixSize is a matrixScenario: vpcs VPCs of perVPC instances.
type matrixSize struct{ vpcs, perVPC int }

func (s matrixSize) instances() int { return s.vpcs * s.perVPC }

var (
	// matrixFull is the size: 1,000 instances (× 20 services).
	matrixFull = matrixSize{50, 20}
	// matrixSmall is measured in the browser instead when the page does not
	// import matrixFull within matrixImportLimit.
	matrixSmall = matrixSize{10, 20}
)

const (
	// matrixImportLimit bounds the import of a matrix scenario: from the
	// file chosen to the "Imported." notice and the new topology diagram.
	matrixImportLimit = 60 * time.Second
	// matrixBudget is the budget for the matrix, natively.
	matrixBudget = 1000.0 // ms
)

// matrixTime parses #matrix-time: "1000 × 20 traces in 812.3 ms in this browser".
var matrixTime = regexp.MustCompile(`(\d+) × (\d+) traces in ([0-9.]+) ms`)

// matrixConditions holds when #matrix-time is shown and when #matrix-table
// holds its first page of rows (one per source, at most 100; %d: the number
// of sources). Once the table
// holds, it notes in __bench.painted when the frame after it is painted (a
// task queued from requestAnimationFrame runs after that frame's paint).
const matrixConditions = `(() => {
  const time = () => (document.getElementById("matrix-time") || {}).textContent;
  const old = time();
  const rows = () => {
    const t = document.getElementById("matrix-table");
    return t && t.tBodies.length ? t.tBodies[0].rows.length : -1;
  };
  __bench.painted = undefined;
  let scheduled = false;
  return {
    time: () => time() !== undefined && time() !== old,
    table: () => {
      if (time() === undefined || time() === old || rows() !== Math.min(%d, 100)) return false;
      if (!scheduled) {
        scheduled = true;
        requestAnimationFrame(() => setTimeout(() => { __bench.painted = performance.now(); }));
      }
      return true;
    },
  };
})()`

// matrixPainted is, once the frame is painted, the ms from the click to the
// paint and the longest main-thread task in that time.
const matrixPainted = `__bench.painted === undefined ? null :
  { ms: __bench.painted - __bench.m.click, longest: __bench.longest(__bench.m.click, __bench.painted) }`

// matrixVerdicts reads the page's count of every cell by verdict
// (#matrix-counts covers the whole matrix; the table draws its first rows).
const matrixVerdicts = `(() => {
  const out = {};
  for (const s of document.querySelectorAll("#matrix-counts [data-verdict]")) {
    const n = Number(s.dataset.count);
    if (n > 0) out[s.dataset.verdict] = n;
  }
  return out;
})()`

// nativeMatrix is the matrix of one scenario computed in this process.
type nativeMatrix struct {
	doc                    []byte // the scenario document the page imports
	compile, matrix, total float64
	sources, targets       int
	verdicts               map[string]int
}

// browserMatrix is what the page measured for one scenario.
type browserMatrix struct {
	imported           time.Duration // file chosen → notice and topology drawn (wall clock)
	compute, table     []float64     // #matrix-time's figure; click → table in the DOM
	painted            []float64     // click → the frame after the table painted
	longest            []float64     // longest main-thread task from click to paint
	longTasks          bool
	printed            string // the last #matrix-time text
	verdicts           map[string]int
	tableWasStillShown bool // a click found the previous table (not a fresh panel)
}

// errImportTooSlow reports an import that did not end within
// matrixImportLimit; progress says how far the page got.
type errImportTooSlow struct{ progress string }

func (e errImportTooSlow) Error() string {
	return fmt.Sprintf("the import did not finish within %s (%s)", seconds(matrixImportLimit), e.progress)
}

// printMatrix times the reachability matrix of matrixFull natively
// (engine.Compile and World.Matrix in this process) and in the page: it
// imports the same scenario through #import-files, opens the Reachability
// tab and clicks #matrix-run runs times, each on a fresh panel (the tab is
// left and opened again, so every click computes and draws the whole
// table). When the page does not import matrixFull within
// matrixImportLimit, that is reported and the browser figures are those of
// matrixSmall.
func printMatrix(ctx context.Context, base string, runs int, budgets *checks) error {
	dir, err := os.MkdirTemp("", "browserbench-matrix-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)

	// Natively first, while Chromium is not running.
	full, err := matrixNative(matrixFull, runs)
	if err != nil {
		return err
	}
	small, err := matrixNative(matrixSmall, runs)
	if err != nil {
		return err
	}

	label := func(s matrixSize, n *nativeMatrix) string {
		return fmt.Sprintf("%s × %d", thousands(s.instances()), n.targets)
	}
	var notes []string
	size, native := matrixFull, full
	browser, err := matrixBrowser(ctx, base, dir, size, native, runs)
	var slow errImportTooSlow
	if errors.As(err, &slow) {
		notes = append(notes, fmt.Sprintf("The page did not import the %s scenario (%d VPCs of %d instances, %s of JSON) within %s: %s. Its browser figures are not measured; those of the smaller %s scenario (%d VPCs of %d) stand in, beside the native ones of the same scenario.",
			label(matrixFull, full), matrixFull.vpcs, matrixFull.perVPC, kib(int64(len(full.doc))), seconds(matrixImportLimit), slow.progress,
			label(matrixSmall, small), matrixSmall.vpcs, matrixSmall.perVPC))
		size, native = matrixSmall, small
		browser, err = matrixBrowser(ctx, base, dir, size, native, runs)
		if errors.As(err, &slow) {
			notes = append(notes, fmt.Sprintf("The page did not import the %s scenario within %s either: %s. No browser figure.", label(size, native), seconds(matrixImportLimit), slow.progress))
			browser, err = nil, nil
		}
	}
	if err != nil {
		return fmt.Errorf("%s: %w", label(size, native), err)
	}

	fmt.Printf("| reachability matrix (`#tab-matrix`, click `#matrix-run`) | native (Go, this process) | browser (WebAssembly, `#matrix-time`) | longest main-thread task (worst click) | budget | |\n")
	fmt.Println("|---|---:|---:|---:|---:|---|")
	fl := label(matrixFull, full)
	fmt.Printf("| %s: `engine.Compile` (median of %d; the page compiles on import) | %s | | | | |\n", fl, runs, ms(full.compile))
	fmt.Printf("| %s: `World.Matrix()` (median of %d) | %s | %s | | reported | |\n", fl, runs, ms(full.matrix), matrixBrowserCell(size == matrixFull, browser, func(b *browserMatrix) string { return ms(median(b.compute)) }))
	fmt.Printf("| %s: `engine.Compile` + `World.Matrix()` natively (median of %d) | %s | | | ≤ 1 s natively | %s |\n", fl, runs, ms(full.total),
		budgets.add(fmt.Sprintf("reachability matrix of %s natively (`engine.Compile` + `World.Matrix()`)", fl), "≤ 1 s", ms(full.total), full.total <= matrixBudget))
	if size == matrixFull {
		printMatrixBrowserRows(fl, browser, runs)
	} else {
		sl := label(matrixSmall, small)
		fmt.Printf("| %s: the page's import | | not done within %s | | | |\n", fl, seconds(matrixImportLimit))
		fmt.Printf("| %s (smaller, see the note): `World.Matrix()` (median of %d) | %s | %s | | reported | |\n", sl, runs, ms(small.matrix), matrixBrowserCell(true, browser, func(b *browserMatrix) string { return ms(median(b.compute)) }))
		fmt.Printf("| %s: `engine.Compile` + `World.Matrix()` natively (median of %d) | %s | | | | |\n", sl, runs, ms(small.total))
		printMatrixBrowserRows(sl, browser, runs)
	}
	fmt.Println()

	if browser != nil {
		panel := "Each click is on a fresh panel (the Trace tab, then the Reachability tab again), so it computes and draws the whole table"
		if browser.tableWasStillShown {
			panel = "Some clicks found the previous table still shown (leaving the tab and opening it again did not reset the panel), so they computed and drew over it"
		}
		verdicts := fmt.Sprintf("shows the verdicts the engine computes natively (%s)", verdictCounts(native.verdicts))
		if !maps.Equal(browser.verdicts, native.verdicts) {
			verdicts = fmt.Sprintf("counts the verdicts %s, but the engine natively %s", verdictCounts(browser.verdicts), verdictCounts(native.verdicts))
		}
		notes = append(notes, fmt.Sprintf("The page's %s table %s; `#matrix-time` read %q on the last click; per click, in order, the page computed in %s and painted the table after %s. %s: in the DOM is when the table holds its first page of rows (100; the counts cover every cell), painted when the next frame is painted.",
			label(size, native), verdicts, browser.printed, msList(browser.compute), msList(browser.painted), panel))
	}
	for _, n := range notes {
		fmt.Printf("Note: %s\n\n", n)
	}
	return nil
}

// printMatrixBrowserRows writes the browser-only rows of one size.
func printMatrixBrowserRows(label string, b *browserMatrix, runs int) {
	if b == nil {
		return
	}
	fmt.Printf("| %s: click → table in the DOM (median of %d) | | %s | | reported | |\n", label, runs, ms(median(b.table)))
	fmt.Printf("| %s: click → table painted (median of %d) | | %s | %s | reported | |\n", label, runs, ms(median(b.painted)), task(maxOf(b.longest), b.longTasks))
	fmt.Printf("| %s: import → topology drawn (once, wall clock, not a budget) | | %s | | | |\n", label, ms(float64(b.imported.Microseconds())/1000))
}

// matrixBrowserCell is a browser figure, or why there is none.
func matrixBrowserCell(measured bool, b *browserMatrix, f func(*browserMatrix) string) string {
	switch {
	case !measured:
		return "not measured (see the note)"
	case b == nil:
		return "n/a (see the note)"
	}
	return f(b)
}

// matrixNative generates size's scenario, decodes its JSON as the page does
// and times engine.Compile and World.Matrix runs times after a warm-up.
func matrixNative(size matrixSize, runs int) (*nativeMatrix, error) {
	sc := matrixScenario(size.vpcs, size.perVPC)
	sc.Title = fmt.Sprintf("Benchmark matrix %d VPCs × %d instances", size.vpcs, size.perVPC)
	doc, err := json.Marshal(sc)
	if err != nil {
		return nil, err
	}
	decoded, err := engine.Decode(doc)
	if err != nil {
		return nil, fmt.Errorf("the generated matrix scenario %d × %d does not decode: %w", size.vpcs, size.perVPC, err)
	}
	if ps := engine.Validate(decoded); len(ps) > 0 {
		return nil, fmt.Errorf("the generated matrix scenario %d × %d has problems: %w", size.vpcs, size.perVPC, ps)
	}
	n := &nativeMatrix{doc: doc}
	var compiles, matrices, totals []float64
	for i := 0; i <= runs; i++ {
		start := time.Now()
		w, err := engine.Compile(decoded)
		if err != nil {
			return nil, err
		}
		compiled := time.Now()
		m := w.Matrix()
		done := time.Now()
		if i == 0 { // the warm-up
			n.sources, n.targets = len(m.Sources), len(m.Targets)
			n.verdicts = map[string]int{}
			for _, row := range m.Cells {
				for _, c := range row {
					n.verdicts[c.Verdict]++
				}
			}
			continue
		}
		compiles = append(compiles, msSince(start, compiled))
		matrices = append(matrices, msSince(compiled, done))
		totals = append(totals, msSince(start, done))
	}
	if n.sources != size.instances() {
		return nil, fmt.Errorf("the matrix scenario %d × %d has %d sources, want %d", size.vpcs, size.perVPC, n.sources, size.instances())
	}
	n.compile, n.matrix, n.total = median(compiles), median(matrices), median(totals)
	return n, nil
}

// matrixBrowser imports size's scenario into a fresh page and clicks
// #matrix-run runs times. An import over matrixImportLimit is an
// errImportTooSlow.
func matrixBrowser(ctx context.Context, base, dir string, size matrixSize, native *nativeMatrix, runs int) (*browserMatrix, error) {
	file := filepath.Join(dir, fmt.Sprintf("matrix-%dx%d.json", size.vpcs, size.perVPC))
	if err := os.WriteFile(file, native.doc, 0o644); err != nil {
		return nil, err
	}
	t, err := newTab(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer t.close()
	if err := t.open(base + "/"); err != nil {
		return nil, err
	}
	b := &browserMatrix{}
	if b.imported, err = importMatrix(t, file); err != nil {
		return nil, err
	}
	if err := t.do("opening the Reachability tab", stepLimit,
		chromedp.Click(chromedp.ID("tab-matrix")),
		chromedp.WaitVisible(chromedp.ID("matrix-run")),
	); err != nil {
		return nil, err
	}
	conditions := fmt.Sprintf(matrixConditions, native.sources)
	for i := range runs {
		step := fmt.Sprintf("matrix click %d", i+1)
		if i > 0 {
			// A fresh panel: leave the tab and open it again.
			if err := t.do(step+": reopening the Reachability tab", stepLimit,
				chromedp.Click(chromedp.ID("tab-trace")),
				chromedp.WaitNotPresent(chromedp.ID("matrix-run")),
				chromedp.Click(chromedp.ID("tab-matrix")),
				chromedp.WaitVisible(chromedp.ID("matrix-run")),
				chromedp.Sleep(300*time.Millisecond),
			); err != nil {
				return nil, err
			}
		}
		shown, err := eval[bool](t, step, `!!document.getElementById("matrix-table")`)
		if err != nil {
			return nil, err
		}
		b.tableWasStillShown = b.tableWasStillShown || shown
		m, err := t.measure(step, "#matrix-run", conditions)
		if err != nil {
			return nil, err
		}
		ctx, cancel := context.WithTimeout(t.ctx, stepLimit)
		p, err := chromedp.Run(ctx, chromedp.Poll[struct{ MS, Longest float64 }](matrixPainted,
			chromedp.WithPollingInterval(10*time.Millisecond), chromedp.WithPollingTimeout(stepLimit-5*time.Second)))
		cancel()
		if err != nil {
			return nil, t.fail(step+": waiting for the paint", err)
		}
		printed, err := eval[string](t, step, `document.getElementById("matrix-time").textContent`)
		if err != nil {
			return nil, err
		}
		got := matrixTime.FindStringSubmatch(printed)
		if got == nil {
			return nil, fmt.Errorf("%s: #matrix-time reads %q", step, printed)
		}
		if got[1] != strconv.Itoa(native.sources) || got[2] != strconv.Itoa(native.targets) {
			return nil, fmt.Errorf("%s: #matrix-time reads %q, the engine computes %d × %d natively", step, printed, native.sources, native.targets)
		}
		v, err := strconv.ParseFloat(got[3], 64)
		if err != nil {
			return nil, fmt.Errorf("%s: #matrix-time reads %q: %w", step, printed, err)
		}
		b.printed = printed
		b.compute = append(b.compute, v)
		b.table = append(b.table, m.MS["table"])
		b.painted = append(b.painted, p.MS)
		b.longest = append(b.longest, p.Longest)
		b.longTasks = m.LongTasks
	}
	if b.verdicts, err = eval[map[string]int](t, "counting the matrix's verdicts", matrixVerdicts); err != nil {
		return nil, err
	}
	return b, nil
}

// importMatrix chooses file in #import-files and waits, within
// matrixImportLimit, for the "Imported." notice and the new topology
// diagram.
func importMatrix(t *tab, file string) (time.Duration, error) {
	step := "importing " + filepath.Base(file)
	before, err := eval[string](t, step, `(document.getElementById("topology") || { dataset: {} }).dataset.dotHash || ""`)
	if err != nil {
		return 0, err
	}
	ctx, cancel := context.WithTimeout(t.ctx, matrixImportLimit)
	defer cancel()
	start := time.Now()
	var notice string
	err = chromedp.Do(ctx, chromedp.SetUploadFiles(chromedp.ID("import-files"), []string{file}))
	if err == nil {
		notice, err = chromedp.Run(ctx, chromedp.Poll[string](`(() => {
			const n = document.getElementById("notice");
			return n && /Imported|Not imported/.test(n.textContent) ? n.textContent.trim() : "";
		})()`, chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(0)))
	}
	if err == nil && !strings.HasPrefix(notice, "Imported") {
		return 0, t.fail(step, fmt.Errorf("the page says %q", notice))
	}
	if err == nil {
		err = chromedp.Do(ctx, chromedp.Poll[chromedp.Void](
			fmt.Sprintf(`(document.getElementById("topology") || { dataset: {} }).dataset.dotHash !== %q && !!document.querySelector("#topology svg")`, before),
			chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(0)))
	}
	took := time.Since(start)
	if err != nil {
		if t.ctx.Err() == nil && errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return took, errImportTooSlow{progress: importProgress(t, notice)}
		}
		return took, t.fail(step, err)
	}
	return took, nil
}

// importProgress says how far a slow import got, asking the page briefly
// (its main thread may be busy).
func importProgress(t *tab, notice string) string {
	if notice == "" {
		return "no \"Imported.\" notice yet"
	}
	ctx, cancel := context.WithTimeout(t.ctx, 5*time.Second)
	defer cancel()
	drawn, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`!!document.querySelector("#topology svg")`))
	switch {
	case err != nil:
		return "the page said \"Imported.\", then did not answer within 5 s"
	case drawn:
		return "the page said \"Imported.\" but still showed the previous topology diagram"
	}
	return "the page said \"Imported.\" but had not drawn the topology diagram"
}

// msList formats figures in ms: "812, 790, 801 ms".
func msList(xs []float64) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = strings.TrimSuffix(ms(x), " ms")
	}
	return strings.Join(parts, ", ") + " ms"
}

// seconds formats a time limit: "60 s".
func seconds(d time.Duration) string { return fmt.Sprintf("%g s", d.Seconds()) }

func msSince(from, to time.Time) float64 { return float64(to.Sub(from).Microseconds()) / 1000 }

// verdictCounts formats counts by verdict, sorted by verdict.
func verdictCounts(m map[string]int) string {
	var parts []string
	for _, v := range slices.Sorted(maps.Keys(m)) {
		parts = append(parts, fmt.Sprintf("%s %s", thousands(m[v]), v))
	}
	return strings.Join(parts, ", ")
}

// thousands formats n with commas: 1,000.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
