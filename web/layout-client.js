// Layout client of the PrivateLink Playground: the page's side of the render
// worker. plLayout(dot, onProgress) → Promise<svg>. The worker (and with it
// Graphviz's WebAssembly) starts only when the first layout is needed
// (web/worker-client.js, loaded first, starts and talks to it).
"use strict";

(function () {
  const request = window.plWorkerClient("/web/render-worker.js", "render worker");

  function layOut(dot, onProgress) {
    return request({ dot: String(dot) }, onProgress).then((answer) => answer.svg);
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
