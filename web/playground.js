// Page helpers of the PrivateLink Playground that the WebAssembly calls:
// downloads of text, of a PNG drawn from SVG and of the scenario as
// Terraform, and copying to the clipboard.
"use strict";

(function () {
  function save(name, blob) {
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = name;
    a.rel = "noopener";
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  window.plDownload = function (name, mime, text) {
    save(name, new Blob([text], { type: mime }));
  };

  // plDownloadPNG draws an SVG document on a canvas at twice its size.
  window.plDownloadPNG = function (name, svgText) {
    const svg = new Blob([svgText], { type: "image/svg+xml" });
    const url = URL.createObjectURL(svg);
    const img = new Image();
    img.onload = () => {
      const scale = 2;
      const canvas = document.createElement("canvas");
      canvas.width = Math.max(1, Math.ceil(img.naturalWidth * scale));
      canvas.height = Math.max(1, Math.ceil(img.naturalHeight * scale));
      const g = canvas.getContext("2d");
      g.fillStyle = "#ffffff";
      g.fillRect(0, 0, canvas.width, canvas.height);
      g.drawImage(img, 0, 0, canvas.width, canvas.height);
      URL.revokeObjectURL(url);
      canvas.toBlob((png) => {
        if (png) save(name, png);
      }, "image/png");
    };
    img.onerror = () => {
      URL.revokeObjectURL(url);
      console.warn("the diagram could not be drawn as PNG");
    };
    img.src = url;
  };

  // plDownloadTerraform(name, scenarioJSON) → Promise: downloads the scenario
  // as Terraform, name + ".tf", written by web/terraform-worker.js (the
  // worker and its WebAssembly start on the first call), and rejects with
  // the exporter's error, such as the scenario's first problem.
  let terraform = null; // the worker's client (web/worker-client.js)
  window.plDownloadTerraform = function (name, scenarioJSON) {
    return Promise.resolve()
      .then(() => {
        terraform = terraform || window.plWorkerClient("/web/terraform-worker.js", "Terraform worker");
        return terraform({ scenario: String(scenarioJSON) });
      })
      .then((answer) => save(name + ".tf", new Blob([answer.tf], { type: "text/plain" })));
  };

  window.plCopy = function (text) {
    if (navigator.clipboard && navigator.clipboard.writeText) {
      return navigator.clipboard.writeText(text);
    }
    return Promise.reject(new Error("the clipboard is not available"));
  };
})();

// Reading files the learner chose or dropped: plReadFiles(FileList) →
// Promise<[{name, text}]>, refusing more than 64 files or 8 MiB each.
(function () {
  const maxFiles = 64;
  const maxBytes = 8 << 20;
  window.plReadFiles = function (list) {
    const files = Array.from(list || []);
    if (files.length > maxFiles) {
      return Promise.reject(new Error(files.length + " files: at most " + maxFiles));
    }
    for (const f of files) {
      if (f.size > maxBytes) {
        return Promise.reject(new Error(f.name + " is larger than 8 MiB"));
      }
    }
    return Promise.all(files.map((f) => f.text().then((text) => ({ name: f.name, text }))));
  };
})();
