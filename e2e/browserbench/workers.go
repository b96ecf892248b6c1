package main

import (
	"encoding/json"
	"fmt"
)

// workerClient gives the page window[name].layout(dot, shapes) →
// Promise<{svg, ms, version}>: a round trip to a worker that speaks the
// render worker's protocol ({id, dot, shapes} → {id, svg, ms} or {id, error};
// {id, progress} skipped).
func workerClient(name, url, kind string) string {
	return fmt.Sprintf(`((name, url, type) => {
  if (window[name]) return;
  const worker = new Worker(url, { type });
  const pending = new Map();
  let next = 1;
  worker.onmessage = (event) => {
    const msg = event.data || {};
    const p = pending.get(msg.id);
    if (!p || msg.progress !== undefined) return;
    pending.delete(msg.id);
    if (msg.error !== undefined) p.reject(new Error(msg.error));
    else p.resolve(msg);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    for (const [, p] of pending) p.reject(new Error(url + ": " + (event.message || "the worker did not load")));
    pending.clear();
  };
  window[name] = {
    layout: (dot, shapes) => new Promise((resolve, reject) => {
      const id = next++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, dot, shapes });
    }),
  };
})(%q, %q, %q)`, name, url, kind)
}

// layoutTime is one layout: the round trip from the page and, when the
// worker reports it, the time inside the worker (Graphviz alone).
type layoutTime struct {
	MS      float64 `json:"ms"`
	Inside  float64 `json:"inside"`
	SVG     bool    `json:"svg"`
	Version string  `json:"version"`
}

// timeLayout times one layout by who: "ours" is plLayout(dot), the page's
// own path to the render worker (no prerendered lookup); "direct" is a
// second render worker spoken to directly, for the time inside it;
// "graphviz shapes" is that worker with Graphviz writing the SVG's shapes
// itself (web/svg-shapes.js off); "peer" is the peer's worker.
func timeLayout(t *tab, who, dot string) (layoutTime, error) {
	arg, _ := json.Marshal(dot)
	call := map[string]string{
		"ours":            fmt.Sprintf(`plLayout(%s, () => {}).then((svg) => ({ svg }))`, arg),
		"direct":          fmt.Sprintf(`__ours.layout(%s)`, arg),
		"graphviz shapes": fmt.Sprintf(`__ours.layout(%s, "graphviz")`, arg),
		"peer":            fmt.Sprintf(`__peer.layout(%s)`, arg),
	}[who]
	expr := fmt.Sprintf(`(async () => {
		const t = performance.now();
		const r = await %s;
		const ms = performance.now() - t;
		return { ms, inside: r.ms || 0, svg: typeof r.svg === "string" && r.svg.includes("<svg"), version: r.version || "" };
	})()`, call)
	lt, err := eval[layoutTime](t, who+" layout", expr)
	if err == nil && !lt.SVG {
		err = fmt.Errorf("%s layout: no SVG in the answer", who)
	}
	return lt, err
}
