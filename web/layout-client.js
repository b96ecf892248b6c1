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

  function layOut(dot, onProgress) {
    if (!worker) start();
    const id = nextID++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject, onProgress });
      worker.postMessage({ id, dot: String(dot) });
    });
  }

  // plLayout lays out DOT text. Given the DOT's hash it first asks the site
  // for a layout prerendered at build time (the built-in lessons' diagrams),
  // so the worker and Graphviz load only when a layout is really needed.
  let prerendered = null;
  function prerenderedHashes() {
    if (!prerendered) {
      prerendered = fetch("/web/layouts/index.json")
        .then((r) => (r.ok ? r.json() : []))
        .then((list) => new Set(Array.isArray(list) ? list : []))
        .catch(() => new Set());
    }
    return prerendered;
  }

  // The browser's Cache API keeps layouts across reloads, keyed by the DOT's
  // hash (equal DOT text always lays out the same): the most recent
  // maxCached of them, since every edit makes a new diagram.
  const cacheName = "pl-layouts-v1";
  const maxCached = 200;
  async function cached(hash) {
    try {
      if (!self.caches) return null;
      const res = await (await caches.open(cacheName)).match("/layout-cache/" + hash);
      return res ? await res.text() : null;
    } catch (e) {
      return null;
    }
  }
  async function remember(hash, svg) {
    try {
      if (!self.caches) return;
      const cache = await caches.open(cacheName);
      await cache.put("/layout-cache/" + hash, new Response(svg, { headers: { "Content-Type": "image/svg+xml" } }));
      // keys() lists the entries oldest first (in the order they were put).
      const keys = await cache.keys();
      for (let i = 0; i < keys.length - maxCached; i++) await cache.delete(keys[i]);
    } catch (e) {
      // A full or unavailable cache only costs a layout next time.
    }
  }

  window.plLayout = async function (dot, onProgress, hash) {
    const known = hash && /^[0-9a-f]{32}$/.test(hash);
    if (known && (await prerenderedHashes()).has(hash)) {
      try {
        const res = await fetch("/web/layouts/" + hash + ".svg");
        if (res.ok) return await res.text();
      } catch (e) {
        // Offline: lay it out here.
      }
    }
    if (known) {
      const svg = await cached(hash);
      if (svg) return svg;
    }
    const svg = await layOut(dot, onProgress);
    if (known) remember(hash, svg);
    return svg;
  };
})();
