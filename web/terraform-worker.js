// Terraform worker of the PrivateLink Playground: writes a scenario as
// Terraform with web/terraform.wasm (engine/terraform, built from
// wasm/terraform), off the page's thread. The page starts it on the first
// Terraform export (plDownloadTerraform of web/playground.js), so neither
// this worker nor its WebAssembly is fetched before.
//
// Protocol: postMessage({id, scenario}) → {id, tf} or {id, error} (scenario:
// the scenario document as JSON text). The first message fetches and
// compiles the WebAssembly and starts its Go program, which registers
// self.plTerraformExport; a program that has exited or failed is started
// again from the compiled module for the next message.
"use strict";

// go-app serves the wasm_exec.js that matches the Go of the build.
importScripts("/wasm_exec.js");

const TERRAFORM_WASM_URL = "/web/terraform.wasm";

let compiled = null; // Promise of the compiled module, fetched once
let ready = null; // Promise of plTerraformExport of a running program

function compile() {
  if (!compiled) {
    compiled = fetch(TERRAFORM_WASM_URL).then((r) => {
      if (!r.ok) throw new Error("terraform.wasm: HTTP " + r.status);
      return WebAssembly.compileStreaming(r);
    });
    compiled.catch(() => (compiled = null));
  }
  return compiled;
}

// start runs the Go program until it waits for calls: go.run returns then,
// with plTerraformExport registered; its promise settles when the program
// ends, after which the next message starts a new one.
async function start() {
  const go = new Go();
  const instance = await WebAssembly.instantiate(await compile(), go.importObject);
  delete self.plTerraformExport;
  const ended = () => (ready = null);
  go.run(instance).then(ended, ended);
  if (typeof self.plTerraformExport !== "function") {
    throw new Error("the Terraform exporter did not start");
  }
  return self.plTerraformExport;
}

function load() {
  if (!ready) {
    ready = start();
    ready.catch(() => (ready = null));
  }
  return ready;
}

self.onmessage = async (event) => {
  const { id, scenario } = event.data || {};
  if (id === undefined) return;
  try {
    const exportTerraform = await load();
    const answer = exportTerraform(String(scenario));
    if (answer.error !== undefined) self.postMessage({ id, error: String(answer.error) });
    else self.postMessage({ id, tf: String(answer.tf) });
  } catch (e) {
    // The program failed (or never started): the next message starts a new one.
    ready = null;
    self.postMessage({ id, error: String((e && e.message) || e) });
  }
};
