package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/chromedp/chromedp"
)

// topologyChanged holds once #topology names another DOT than before the
// click and holds its laid-out SVG.
const topologyChanged = `(() => {
  const hash = () => (document.getElementById("topology") || { dataset: {} }).dataset.dotHash;
  const old = hash();
  return { topology: () => hash() !== old && !!document.querySelector("#topology svg") };
})()`

// moveSubnet rewrites the JSON in #resource-json: the subnet moves to an
// Availability Zone the grid does not use, so the topology gains a cluster.
const moveSubnet = `(() => {
  const area = document.getElementById("resource-json");
  const doc = JSON.parse(area.value);
  doc.availabilityZone = "us-east-1f";
  area.value = JSON.stringify(doc, null, 2);
  area.dispatchEvent(new Event("input", { bubbles: true }));
})()`

// sizes are the generated topologies: VPCs × subnets (one instance each).
var sizes = [][2]int{{3, 3}, {6, 4}, {12, 6}}

// printRelayouts imports each generated topology through #import-files,
// then edits one subnet at a time through the inspector (each edit a new
// diagram: the moves add up) and times Apply → the new topology SVG.
func printRelayouts(ctx context.Context, base string, runs int, budgets *checks) error {
	t, err := newTab(ctx, nil)
	if err != nil {
		return err
	}
	defer t.close()
	if err := t.open(base + "/"); err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "browserbench-scenarios-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)

	fmt.Println("| re-layout after an edit (Apply → new topology SVG) | median | longest main-thread task (worst run) | budget | |")
	fmt.Println("|---|---:|---:|---:|---|")
	for _, size := range sizes {
		times, longest, lt, err := relayoutSize(t, dir, size, runs)
		if err != nil {
			return fmt.Errorf("%d × %d: %w", size[0], size[1], err)
		}
		label := fmt.Sprintf("%d × %d", size[0], size[1])
		fmt.Printf("| %s (%d subnets; median of %d after one warm-up) | %s | %s | ≤ 50 ms task | %s |\n",
			label, size[0]*size[1], runs, ms(median(times)), task(maxOf(longest), lt),
			budgets.add("no main-thread task over 50 ms while "+label+" re-lays out", "none > 50 ms", task(maxOf(longest), lt), lt && maxOf(longest) <= 50))
	}
	fmt.Println()
	return nil
}

// relayoutSize imports one generated topology and times runs edits after a
// warm-up edit.
func relayoutSize(t *tab, dir string, size [2]int, runs int) (times, longest []float64, longTasks bool, err error) {
	sc := grid(size[0], size[1])
	sc.Title = fmt.Sprintf("Benchmark %d × %d", size[0], size[1])
	doc, err := json.MarshalIndent(sc, "", "  ")
	if err != nil {
		return nil, nil, false, err
	}
	file := filepath.Join(dir, fmt.Sprintf("grid-%dx%d.json", size[0], size[1]))
	if err := os.WriteFile(file, doc, 0o644); err != nil {
		return nil, nil, false, err
	}
	var subnets []string
	for _, v := range sc.VPCs {
		for _, s := range v.Subnets {
			subnets = append(subnets, s.ID)
		}
	}
	if len(subnets) < runs+1 {
		return nil, nil, false, fmt.Errorf("%d subnets for %d edits", len(subnets), runs+1)
	}
	// Importing lays the new topology out (not timed here).
	before, err := eval[string](t, "reading the topology's hash", `document.getElementById("topology").dataset.dotHash`)
	if err != nil {
		return nil, nil, false, err
	}
	if err := t.do("importing "+filepath.Base(file), stepLimit,
		chromedp.SetUploadFiles(chromedp.ID("import-files"), []string{file}),
		chromedp.WaitVisible(chromedp.CSS(fmt.Sprintf(`.resource[data-id=%q] button`, subnets[0]))),
		chromedp.Poll[chromedp.Void](fmt.Sprintf(`document.getElementById("topology").dataset.dotHash !== %q && !!document.querySelector("#topology svg")`, before),
			chromedp.WithPollingTimeout(stepLimit-5*time.Second)),
	); err != nil {
		return nil, nil, false, err
	}
	for i := 0; i <= runs; i++ {
		id := subnets[i]
		step := fmt.Sprintf("editing %s", id)
		err := t.do(step, stepLimit,
			chromedp.Click(chromedp.CSS(fmt.Sprintf(`.resource[data-id=%q] button`, id))),
			chromedp.WaitVisible(chromedp.CSS(fmt.Sprintf(`.inspector[data-resource=%q] #resource-json`, id))),
			chromedp.Evaluate[chromedp.Void](moveSubnet),
			chromedp.WaitVisible(chromedp.CSS(".draft-ok")),
			chromedp.WaitEnabled(chromedp.ID("apply-json")),
		)
		if err != nil {
			return nil, nil, false, err
		}
		m, err := t.measure(step+": Apply", "#apply-json", topologyChanged)
		if err != nil {
			return nil, nil, false, err
		}
		if i == 0 {
			continue // the warm-up
		}
		times = append(times, m.MS["topology"])
		longest = append(longest, m.Longest["topology"])
		longTasks = m.LongTasks
	}
	return times, longest, longTasks, nil
}
