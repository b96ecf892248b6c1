// Layout client of the PrivateLink Playground: the page's side of the render
// worker. plLayout(dot, onProgress) → Promise<svg>. The worker (and with it
// Graphviz's WebAssembly) starts only when the first layout is needed.
"use strict";

(function () {
  let worker = null;
  let nextID = 1;
  const pending = new Map();

  function fail(error) {
    for (const [, p] of pending) p.reject(new Error(error));
    pending.clear();
    if (worker) worker.terminate();
    worker = null;
  }

  function start() {
    worker = new Worker("/web/render-worker.js");
    worker.onmessage = (event) => {
      const msg = event.data || {};
      const p = pending.get(msg.id);
      if (!p) return;
      if (msg.progress !== undefined) {
        if (p.onProgress) p.onProgress(msg.progress);
        return;
      }
      pending.delete(msg.id);
      if (msg.error !== undefined) p.reject(new Error(msg.error));
      else p.resolve(msg.svg);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      fail("the render worker failed: " + (event.message || "unknown error"));
    };
  }

  window.plLayout = function (dot, onProgress) {
    if (!worker) start();
    const id = nextID++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject, onProgress });
      worker.postMessage({ id, dot: String(dot) });
    });
  };
})();
