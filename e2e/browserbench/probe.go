package main

import (
	"fmt"
	"time"

	"github.com/chromedp/chromedp"
)

// probe runs on every new document before the page's own scripts
// (Page.addScriptToEvaluateOnNewDocument). It records, with performance.now()
// from the start of navigation:
//   - load: when the topology diagram is first in the document and when
//     go-app removes its loader (the WebAssembly is running);
//   - tasks: every main-thread task over 50 ms (the Long Tasks API);
//   - m: one interaction at a time. arm(selector, conditions) resets the long
//     tasks, then waits for a click on selector (a capture listener) and, on
//     every DOM mutation after it, notes when each condition first holds.
//     result() gives each condition's time from the click and the longest
//     main-thread task between the click and that time.
const probe = `(() => {
  if (window.__bench) return;
  const b = (window.__bench = { load: {}, tasks: [], longTasks: false, m: null });
  const load = b.load;
  const loadObserver = new MutationObserver(() => {
    const now = performance.now();
    if (load.diagram === undefined && document.querySelector("#topology svg")) load.diagram = now;
    if (document.getElementById("app-wasm-loader")) load.sawLoader = true;
    else if (load.interactive === undefined && load.sawLoader) load.interactive = now;
    if (load.diagram !== undefined && load.interactive !== undefined) loadObserver.disconnect();
  });
  loadObserver.observe(document, { childList: true, subtree: true });

  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.tasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: "longtask", buffered: true });
    b.longTasks = true;
  } catch (e) {
    b.longTasks = false;
  }
  b.longest = (from, to) =>
    b.tasks.reduce((m, t) => (t.start + t.duration > from && t.start < to ? Math.max(m, t.duration) : m), 0);

  b.arm = (selector, conditions) => {
    b.tasks.length = 0;
    const m = (b.m = { click: null, done: {}, pending: Object.keys(conditions).length });
    const onClick = (e) => {
      if (m.click === null && e.target instanceof Element && e.target.closest(selector)) {
        m.click = performance.now();
        document.removeEventListener("click", onClick, true);
      }
    };
    document.addEventListener("click", onClick, true);
    const observer = new MutationObserver(() => {
      if (m.click === null) return;
      const now = performance.now();
      for (const [name, holds] of Object.entries(conditions)) {
        if (m.done[name] === undefined && holds()) {
          m.done[name] = now;
          m.pending--;
        }
      }
      if (m.pending === 0) observer.disconnect();
    });
    observer.observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
  };
  b.result = () => {
    const m = b.m;
    const out = { ms: {}, longest: {}, longTasks: b.longTasks };
    for (const [name, t] of Object.entries(m.done)) {
      out.ms[name] = t - m.click;
      out.longest[name] = b.longest(m.click, t);
    }
    return out;
  };
})();`

// interaction is what the probe measured for one click: per condition, the
// ms from the click until it held, and the longest main-thread task in that
// time (0: none over 50 ms).
type interaction struct {
	MS        map[string]float64 `json:"ms"`
	Longest   map[string]float64 `json:"longest"`
	LongTasks bool               `json:"longTasks"`
}

// measure arms the probe with conditions (a JavaScript expression that
// evaluates to an object of named predicates; it may capture the state
// before the click), clicks selector and waits until every condition held.
func (t *tab) measure(step, selector, conditions string) (interaction, error) {
	arm := fmt.Sprintf(`__bench.arm(%q, %s)`, selector, conditions)
	err := t.do(step, stepLimit,
		chromedp.Evaluate[chromedp.Void](arm),
		chromedp.Click(chromedp.CSS(selector)),
		chromedp.Poll[chromedp.Void](`__bench.m.pending === 0`,
			chromedp.WithPollingInterval(10*time.Millisecond), chromedp.WithPollingTimeout(stepLimit-5*time.Second)),
		// Long tasks reach the observer after they end.
		chromedp.Sleep(300*time.Millisecond),
	)
	if err != nil {
		return interaction{}, err
	}
	return eval[interaction](t, step, `__bench.result()`)
}
