package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/chromedp/chromedp"
)

// traceConditions holds when the new trace's verdict is shown (the text of
// #trace-verdict changed: the requests alternate verdicts) and when its
// diagram is (#trace-diagram names another DOT and holds its SVG).
const traceConditions = `(() => {
  const verdict = () => (document.getElementById("trace-verdict") || {}).textContent;
  const hash = () => (document.getElementById("trace-diagram") || { dataset: {} }).dataset.dotHash;
  const oldVerdict = verdict(), oldHash = hash();
  return {
    verdict: () => verdict() !== undefined && verdict() !== oldVerdict,
    diagram: () => hash() !== oldHash && !!document.querySelector("#trace-diagram svg"),
  };
})()`

// fillTrace types a request into the trace form, firing the events go-app
// listens to.
const fillTrace = `((req) => {
  const set = (id, value, type) => {
    const el = document.getElementById(id);
    if (!el) throw new Error("#" + id + " is missing");
    el.value = value;
    el.dispatchEvent(new Event(type, { bubbles: true }));
  };
  set("trace-from", req.from, "change");
  set("trace-to", req.to, "input");
  set("trace-port", req.port ? String(req.port) : "", "input");
  set("trace-action", req.action || "", "input");
  set("trace-resource", req.resource || "", "input");
})(%s)`

// traceRun is one click on #trace-run.
type traceRun struct {
	interaction
	Verdict string `json:"verdict"`
	Hash    string `json:"hash"`
}

// printTraces clicks #trace-run on the default lesson for a new request each
// time (first one to start the render worker, then runs more) and writes the
// times to the verdict and to the trace diagram.
func printTraces(ctx context.Context, base string, st *site, runs int, budgets *checks) error {
	prerendered, err := prerenderedHashes(ctx, base)
	if err != nil {
		return err
	}
	steps, err := traceSteps(runs+1, prerendered)
	if err != nil {
		return err
	}
	t, err := newTab(ctx, nil)
	if err != nil {
		return err
	}
	defer t.close()
	st.reset()
	if err := t.open(base + "/"); err != nil {
		return err
	}
	beforeClick := st.snapshot()[graphvizPath].Requests
	var got []traceRun
	mismatches := 0
	for i, s := range steps {
		r, err := traceOnce(t, i, s)
		if err != nil {
			return err
		}
		if r.Hash != s.Hash {
			mismatches++
		}
		got = append(got, r)
	}
	byFirst := st.snapshot()[graphvizPath].Requests

	first, warm := got[0], got[1:]
	pick := func(name string, rs []traceRun) (times, longest []float64) {
		for _, r := range rs {
			times = append(times, r.MS[name])
			longest = append(longest, r.Longest[name])
		}
		return times, longest
	}
	vt, vl := pick("verdict", warm)
	dt, dl := pick("diagram", warm)
	lt := first.LongTasks
	fmt.Println("| default lesson, trace click (a new request each click) | time | longest main-thread task | budget | |")
	fmt.Println("|---|---:|---:|---:|---|")
	fmt.Printf("| first click → verdict shown | %s | %s | ≤ 50 ms | %s |\n", ms(first.MS["verdict"]), task(first.Longest["verdict"], lt), mark(first.MS["verdict"] <= 50))
	fmt.Printf("| first click → trace diagram shown (worker start, `graphviz.wasm` fetch and compile included) | %s | %s | ≤ 300 ms | %s |\n",
		ms(first.MS["diagram"]), task(first.Longest["diagram"], lt),
		budgets.add("first trace click → trace diagram (render worker cold)", "≤ 300 ms", ms(first.MS["diagram"]), first.MS["diagram"] <= 300))
	fmt.Printf("| click → verdict shown (median of %d; task: worst run) | %s | %s | ≤ 50 ms | %s |\n", len(warm), ms(median(vt)), task(maxOf(vl), lt),
		budgets.add("trace click → verdict shown", "≤ 50 ms", ms(median(vt)), median(vt) <= 50))
	fmt.Printf("| click → trace diagram shown (median of %d; task: worst run) | %s | %s | ≤ 300 ms | %s |\n", len(warm), ms(median(dt)), task(maxOf(dl), lt),
		budgets.add("trace click → trace diagram shown", "≤ 300 ms", ms(median(dt)), median(dt) <= 300))
	worst := max(maxOf(dl), first.Longest["diagram"])
	fmt.Printf("| longest main-thread task while the trace diagram lays out (all clicks) | %s | | ≤ 50 ms | %s |\n", task(worst, lt),
		budgets.add("no main-thread task over 50 ms while the trace diagram lays out", "none > 50 ms", task(worst, lt), lt && worst <= 50))
	fmt.Printf("| `graphviz.wasm` requests: opening the lesson / by the first new layout | %d / %d | | 0 / 1 | %s |\n\n", beforeClick, byFirst,
		budgets.add("`graphviz.wasm` loaded only when a layout is needed", "0 before, 1 by the first layout", fmt.Sprintf("%d / %d", beforeClick, byFirst), beforeClick == 0 && byFirst == 1))
	if mismatches > 0 {
		fmt.Printf("Note: %d of %d trace diagrams had another DOT hash than the engine computes natively for the request.\n\n", mismatches, len(steps))
	}
	return nil
}

// traceOnce types step s's request, clicks #trace-run and checks that the
// page shows the verdict the engine gives.
func traceOnce(t *tab, i int, s traceStep) (traceRun, error) {
	name := fmt.Sprintf("trace %d (%s → %s)", i+1, s.Req.From, s.Req.To)
	req, _ := json.Marshal(s.Req)
	if err := t.do(name+": filling the form", stepLimit,
		chromedp.Evaluate[chromedp.Void](fmt.Sprintf(fillTrace, req)),
		// go-app handles the input events on its own goroutine.
		chromedp.Sleep(250*time.Millisecond),
	); err != nil {
		return traceRun{}, err
	}
	m, err := t.measure(name, "#trace-run", traceConditions)
	if err != nil {
		return traceRun{}, err
	}
	r, err := eval[traceRun](t, name, `({
		verdict: document.getElementById("trace-verdict").textContent,
		hash: document.getElementById("trace-diagram").dataset.dotHash })`)
	if err != nil {
		return traceRun{}, err
	}
	r.interaction = m
	if !strings.Contains(r.Verdict, s.Verdict) {
		return r, fmt.Errorf("%s: the page shows %q, the engine says %q", name, r.Verdict, s.Verdict)
	}
	return r, nil
}

// prerenderedHashes asks the site which diagrams it prerendered.
func prerenderedHashes(ctx context.Context, base string) (map[string]bool, error) {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, base+"/web/layouts/index.json", nil)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	body, err := io.ReadAll(io.LimitReader(res.Body, 1<<20))
	if err != nil {
		return nil, err
	}
	var list []string
	if err := json.Unmarshal(body, &list); err != nil {
		return nil, fmt.Errorf("the prerendered layouts' index: %w", err)
	}
	out := map[string]bool{}
	for _, h := range list {
		out[h] = true
	}
	return out, nil
}
