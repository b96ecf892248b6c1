// Render worker of the PrivateLink Playground: lays out DOT text with
// Graphviz (go-graphviz's own graphviz.wasm, Graphviz 12) on the browser's
// WebAssembly engine and answers with SVG text.
//
// Protocol: postMessage({id, dot}) → {id, svg, ms, memory, instance,
// shapes} or {id, error} (ms: the time Graphviz took; memory: the bytes of
// its WebAssembly memory; instance: which instance of the module laid it
// out, counting from 1; shapes: how many shapes web/svg-shapes.js wrote).
// With shapes: "graphviz" in the request Graphviz writes every shape itself
// (the tests compare the two). The first message also fetches and compiles
// the WebAssembly module, which {id, progress: "loading Graphviz"} tells the
// page first.
// postMessage({memoryLimit: bytes}) sets when the worker starts a fresh
// instance (see MEMORY_LIMIT); it has no answer.
"use strict";

const GRAPHVIZ_WASM_URL = "/web/graphviz.wasm";

// web/svg-shapes.js writes the SVG's shapes faster than Graphviz; without
// it (not loaded) Graphviz writes them.
let installSVGShapes = null;
try {
  installSVGShapes =
    typeof module !== "undefined" && module.exports
      ? require("./svg-shapes.js").installSVGShapes
      : (importScripts("/web/svg-shapes.js"), self.svgShapes.installSVGShapes);
} catch (e) {
  console.warn("render worker: svg-shapes.js did not load; Graphviz writes the SVG shapes:", e);
}

// MEMORY_LIMIT is the size of Graphviz's WebAssembly memory above which the
// worker replaces the instance after answering: Graphviz 12's dot layout
// keeps some memory of every graph with clusters (about 6 KB for a lesson,
// 80 KB for 12 VPCs × 6 subnets), and a WebAssembly memory never shrinks.
const MEMORY_LIMIT = 64 * 1024 * 1024;

class ProcExit extends Error {
  constructor(code) {
    super("proc_exit(" + code + ")");
    this.code = code;
  }
}

// createGraphviz instantiates the compiled module and returns a
// renderer: render(dot) → svg, throwing an Error that carries Graphviz's
// own message for a syntax error. render.release() frees the graph of the
// last render; the next render frees it too when release was not called.
async function createGraphviz(module) {
  let memory = null;
  let stderr = "";
  const decoder = new TextDecoder();
  const view = () => new DataView(memory.buffer);

  const wasi = {
    fd_write(fd, iovs, iovsLen, nwritten) {
      const dv = view();
      let written = 0;
      for (let i = 0; i < iovsLen; i++) {
        const ptr = dv.getUint32(iovs + i * 8, true);
        const len = dv.getUint32(iovs + i * 8 + 4, true);
        stderr += decoder.decode(new Uint8Array(memory.buffer, ptr, len));
        written += len;
      }
      dv.setUint32(nwritten, written, true);
      return 0;
    },
    proc_exit(code) {
      throw new ProcExit(code);
    },
    clock_time_get(id, precision, out) {
      view().setBigUint64(out, 0n, true);
      return 0;
    },
    random_get(buf, len) {
      new Uint8Array(memory.buffer, buf, len).fill(4);
      return 0;
    },
    args_sizes_get(argc, argvBufSize) {
      view().setUint32(argc, 0, true);
      view().setUint32(argvBufSize, 0, true);
      return 0;
    },
    environ_sizes_get(count, bufSize) {
      view().setUint32(count, 0, true);
      view().setUint32(bufSize, 0, true);
      return 0;
    },
  };

  // Every import the module declares: WASI calls above, everything else a
  // stub (the env bridge is not called for DOT → SVG; other WASI calls
  // answer ENOSYS-like errors).
  const imports = {};
  for (const imp of WebAssembly.Module.imports(module)) {
    imports[imp.module] = imports[imp.module] || {};
    if (imp.kind !== "function") continue;
    let fn = () => 0;
    if (imp.module === "wasi_snapshot_preview1") {
      fn = wasi[imp.name] || (() => 52);
    }
    imports[imp.module][imp.name] = fn;
  }
  const instance = await WebAssembly.instantiate(module, imports);
  const ex = instance.exports;
  memory = ex.memory;

  try {
    ex._start();
  } catch (e) {
    if (!(e instanceof ProcExit)) throw e;
  }

  // The SVG's shapes and label lines are written by web/svg-shapes.js,
  // byte for byte as Graphviz would and faster; should that not install,
  // Graphviz writes them.
  let shapes = { use() {}, written: () => 0 };
  try {
    if (installSVGShapes) {
      shapes = installSVGShapes(ex, memory);
      shapes.use(true);
    }
  } catch (e) {
    console.warn("render worker: Graphviz writes the SVG shapes itself:", e);
  }

  const encoder = new TextEncoder();
  const cstring = (s) => {
    const b = encoder.encode(s);
    const p = ex.malloc(b.length + 1);
    const m = new Uint8Array(memory.buffer, p, b.length + 1);
    m.set(b);
    m[b.length] = 0;
    return p;
  };

  // lt_preloaded_symbols holds three {name, address} entries and no
  // terminator: copy them and end the list with a zero entry.
  const symbols = ex.lt_preloaded_symbols.value;
  const entries = 3;
  const list = ex.malloc((entries + 1) * 8);
  new Uint8Array(memory.buffer, list, (entries + 1) * 8).set(
    new Uint8Array(memory.buffer, symbols, entries * 8)
  );
  new Uint8Array(memory.buffer, list + entries * 8, 8).fill(0);
  const gvc = ex.gvContextPlugins(list, 0);
  if (!gvc) throw new Error("Graphviz context could not be created");

  const dotEngine = cstring("dot");
  const svgFormat = cstring("svg");
  const out = ex.malloc(8);

  // release frees what the last render left: the laid-out graph and its
  // SVG buffer. The worker calls it after posting the SVG, so the page has
  // its diagram while the worker cleans up (the next render calls it first
  // in case it was not called).
  let leftover = null;
  const release = () => {
    const g = leftover;
    leftover = null;
    if (!g) return;
    if (g.data) ex.gvFreeRenderData(g.data);
    if (g.laidOut) ex.gvFreeLayout(gvc, g.graph);
    ex.agclose(g.graph);
  };

  const render = function (dot) {
    release();
    stderr = "";
    const text = cstring(dot);
    const graph = ex.agmemread(text);
    ex.free(text);
    if (!graph) {
      throw new Error(stderr.trim() || "Graphviz could not read the DOT text");
    }
    const g = (leftover = { graph, laidOut: false, data: 0 });
    if (ex.gvLayout(gvc, graph, dotEngine) !== 0) {
      throw new Error(stderr.trim() || "Graphviz layout failed");
    }
    g.laidOut = true;
    if (ex.gvRenderData(gvc, graph, svgFormat, out, out + 4) !== 0) {
      throw new Error(stderr.trim() || "Graphviz rendering failed");
    }
    const dv = view();
    g.data = dv.getUint32(out, true);
    const len = dv.getUint32(out + 4, true);
    return decoder.decode(new Uint8Array(memory.buffer, g.data, len));
  };
  render.release = release;
  render.shapes = shapes;
  render.memoryBytes = () => memory.buffer.byteLength;
  return render;
}

if (typeof module !== "undefined" && module.exports) {
  module.exports = { createGraphviz };
} else {
  let compiled = null; // Promise of the compiled module, fetched once
  let renderer = null;
  let loading = null;
  let instances = 0;
  let memoryLimit = MEMORY_LIMIT;

  // load fetches and compiles Graphviz once and instantiates it when there
  // is no instance: at first, after an error (a failed render can break
  // one) and after the memory limit was passed.
  const load = (id) => {
    if (renderer) return Promise.resolve(renderer);
    if (!loading) {
      if (!compiled) {
        self.postMessage({ id, progress: "loading Graphviz" });
        compiled = fetch(GRAPHVIZ_WASM_URL)
          .then((r) => {
            if (!r.ok) throw new Error("graphviz.wasm: HTTP " + r.status);
            return r.arrayBuffer();
          })
          .then((bytes) => WebAssembly.compile(bytes));
        compiled.catch(() => (compiled = null));
      }
      loading = compiled
        .then((module) => createGraphviz(module))
        .then((r) => {
          instances++;
          r.instance = instances;
          return (renderer = r);
        })
        .catch((e) => {
          loading = null;
          throw e;
        });
    }
    return loading;
  };

  // renew drops the instance and starts the next one now, while the page
  // has nothing to ask.
  const renew = () => {
    renderer = null;
    loading = null;
    load(0).catch(() => {}); // the next request reports the error
  };

  self.onmessage = async (event) => {
    const { id, dot, shapes, memoryLimit: limit } = event.data || {};
    if (id === undefined) {
      if (Number.isFinite(limit) && limit > 0) memoryLimit = limit;
      return;
    }
    try {
      // No progress message for the layout itself: it takes milliseconds
      // and the page already says it is laying out.
      const render = await load(id);
      const own = shapes === "graphviz";
      if (own) render.shapes.use(false);
      render.shapes.written(); // count this layout's shapes only
      const started = performance.now();
      let svg;
      try {
        svg = render(String(dot));
      } finally {
        if (own) render.shapes.use(true);
      }
      const ms = performance.now() - started;
      const memory = render.memoryBytes();
      const written = render.shapes.written();
      self.postMessage({ id, svg, ms, memory, instance: render.instance, shapes: written });
      render.release();
      if (memory > memoryLimit) renew();
    } catch (e) {
      // Start a new instance next time: load() hands out the settled
      // promise of the old one while loading is set.
      renderer = null;
      loading = null;
      self.postMessage({ id, error: String((e && e.message) || e) });
    }
  };
}
