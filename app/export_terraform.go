package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// terraformFunc is the function of web/playground.js that downloads the
// scenario as Terraform: plDownloadTerraform(name, scenarioJSON) → a promise
// settled once name.tf is downloaded, rejected with the exporter's error.
// It writes the HCL in a Web Worker with a WebAssembly of its own
// (web/terraform.wasm, built from wasm/terraform), loaded on the first
// export: the UI's WebAssembly carries no HCL code.
const terraformFunc = "plDownloadTerraform"

// TerraformButton downloads the scenario as Terraform (Name.tf). While the
// export runs (the first one loads the exporter) the button is disabled
// and says so; a failure, such as an invalid scenario, is a notice.
type TerraformButton struct {
	app.Compo

	// Store is the playground's store.
	Store *Store
	// Name is the file's name without ".tf": the lesson's ID or "scenario".
	Name string
	// Notices shows why an export failed.
	Notices Notifier

	busy bool
}

// Render draws the button.
func (b *TerraformButton) Render() app.UI {
	label, title := "Terraform", "Download the scenario as Terraform (HCL)"
	if b.busy {
		label, title = "Terraform…", "Writing the scenario as Terraform (the first export loads the exporter)…"
	}
	return app.Button().ID("export-terraform").Title(title).Text(label).
		Disabled(b.busy).Aria("busy", b.busy).
		OnClick(b.export)
}

// export hands the scenario document to the page's Terraform worker and
// waits for the download without blocking the page.
func (b *TerraformButton) export(ctx app.Context, e app.Event) {
	if b.busy || !app.IsClient {
		return
	}
	if !app.Window().Get(terraformFunc).Truthy() {
		b.fail(ctx, "the page's Terraform export (web/playground.js) is not loaded")
		return
	}
	b.busy = true
	promise := app.Window().Call(terraformFunc, b.Name, string(b.Store.Document()))
	awaitPromise(ctx, promise,
		func(ctx app.Context, _ app.Value) { b.busy = false },
		func(ctx app.Context, msg string) { b.busy = false; b.fail(ctx, msg) })
}

// fail tells the learner why the scenario was not exported.
func (b *TerraformButton) fail(ctx app.Context, msg string) {
	if b.Notices != nil {
		b.Notices.Notify(ctx, "Not exported as Terraform: "+msg, true)
	}
}
