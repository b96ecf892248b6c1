//go:build js && wasm

// Command terraform is the playground's Terraform export compiled to
// WebAssembly (web/terraform.wasm), apart from the UI's (web/app.wasm): the
// HCL libraries of engine/terraform load only when a learner first exports.
// It runs in a Web Worker (web/terraform-worker.js), where it registers
// self.plTerraformExport(scenarioJSON) → {tf} or {error} and then waits for
// calls.
package main

import (
	"syscall/js"
)

func main() {
	js.Global().Set("plTerraformExport", js.FuncOf(func(this js.Value, args []js.Value) any {
		if len(args) != 1 || args[0].Type() != js.TypeString {
			return map[string]any{"error": "plTerraformExport takes the scenario document as a string"}
		}
		tf, err := export([]byte(args[0].String()))
		if err != nil {
			return map[string]any{"error": err.Error()}
		}
		return map[string]any{"tf": string(tf)}
	}))
	select {}
}
