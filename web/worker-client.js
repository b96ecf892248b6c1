// Worker client of the PrivateLink Playground: the page's side of a Web
// Worker that answers requests by id (web/render-worker.js,
// web/terraform-worker.js).
//
// plWorkerClient(url, name) → request(message, onProgress) → Promise of the
// answer. The worker starts on the first request, not before. A request is
// posted as {id, ...message}; the worker's {id, progress} goes to
// onProgress, {id, error} rejects with that error, any other {id, ...}
// resolves with the whole answer. A worker that fails (its script does not
// load, or it throws) rejects every pending request and is started afresh
// by the next one; name says which worker failed.
"use strict";

window.plWorkerClient = function (url, name) {
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
    worker = new Worker(url);
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
      else p.resolve(msg);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      fail("the " + name + " failed: " + (event.message || "unknown error"));
    };
  }

  return function request(message, onProgress) {
    if (!worker) start();
    const id = nextID++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject, onProgress });
      worker.postMessage(Object.assign({}, message, { id }));
    });
  };
};
