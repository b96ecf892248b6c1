// The browser benchmark's peer: @hpcc-js/wasm-graphviz in a module worker,
// answering like web/render-worker.js does: postMessage({id, dot}) →
// {id, svg, ms, version} or {id, error}. e2e/browserbench serves this folder
// under /__peer/ on the site's origin; the site never ships it.
import { Graphviz } from "./node_modules/@hpcc-js/wasm-graphviz/dist/index.js";

let loading = null;

self.onmessage = async (event) => {
  const { id, dot } = event.data || {};
  try {
    if (!loading) loading = Graphviz.load();
    const graphviz = await loading;
    const started = performance.now();
    const svg = graphviz.dot(String(dot));
    self.postMessage({ id, svg, ms: performance.now() - started, version: graphviz.version() });
  } catch (e) {
    loading = null;
    self.postMessage({ id, error: String((e && e.message) || e) });
  }
};
