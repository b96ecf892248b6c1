//go:build js && wasm

// Command ui is the playground's user interface compiled to WebAssembly
// (web/app.wasm): it takes over the prerendered page and runs the app.
package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	ui "privatelink-playground/app"
)

func main() {
	seedPrerenderedLayouts()
	ui.RegisterRoutes()
	app.RunWhenOnBrowser()
}

// seedPrerenderedLayouts keeps the diagrams the server laid out: go-app
// replaces the prerendered body when it starts, so their SVG goes into the
// layout cache first and the page never waits for a layout it already had.
func seedPrerenderedLayouts() {
	doc := app.Window().Get("document")
	nodes := doc.Call("querySelectorAll", "[data-dot-hash]")
	for i := 0; i < nodes.Length(); i++ {
		el := nodes.Index(i)
		hash := el.Call("getAttribute", "data-dot-hash").String()
		svg := el.Call("querySelector", "svg")
		if hash == "" || !svg.Truthy() {
			continue
		}
		ui.SeedPrerenderedLayout(hash, svg.Get("outerHTML").String())
	}
}
