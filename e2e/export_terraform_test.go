package e2e

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"

	"privatelink-playground/engine"
	"privatelink-playground/engine/lessons"
	"privatelink-playground/engine/terraform"
)

// allowDownloads saves the page's downloads in a new directory and returns it.
func allowDownloads(p *page) string {
	p.t.Helper()
	dir := p.t.TempDir()
	if _, err := chromedp.CallBrowser(p.ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dir,
		// Each test's tab is in a browser context of its own.
		BrowserContextID: chromedp.FromContext(p.ctx).BrowserContextID,
	}); err != nil {
		p.t.Fatal(err)
	}
	return dir
}

// terraformWorkerFetched tells whether the page has fetched the Terraform
// worker's script.
const terraformWorkerFetched = `performance.getEntriesByType("resource").some(e => e.name.endsWith("/web/terraform-worker.js"))`

// watchTerraformButton records whether #export-terraform was seen busy:
// disabled and saying "Terraform…".
const watchTerraformButton = `(window.__terraformBusy = false, new MutationObserver(() => {
	const b = document.getElementById("export-terraform");
	if (b && b.disabled && b.textContent === "Terraform…") window.__terraformBusy = true;
}).observe(document.body, {subtree: true, childList: true, attributes: true, characterData: true}), true)`

func TestExportDownloadsTerraformFromItsOwnWasm(t *testing.T) {
	p := openPlayground(t)
	dir := allowDownloads(p)
	if eval[bool](p, terraformWorkerFetched) {
		t.Errorf("the Terraform worker was fetched before the first Terraform export")
	}
	eval[bool](p, watchTerraformButton)
	p.do("exporting the scenario as Terraform", chromedp.Click(chromedp.ID("export-terraform")))
	got := waitForFile(t, dir, "s3-gateway-endpoint.tf")

	s, err := engine.Decode(lessons.Default().Scenario)
	if err != nil {
		t.Fatal(err)
	}
	want, err := terraform.Export(s)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Errorf("the browser's Terraform (%d bytes) differs from terraform.Export's (%d bytes):\n%.400s", len(got), len(want), got)
	}
	if !eval[bool](p, terraformWorkerFetched) {
		t.Errorf("the page lists no fetch of the Terraform worker after the export")
	}
	if !eval[bool](p, `window.__terraformBusy`) {
		t.Errorf("the button did not show that the export was under way")
	}
	p.do("waiting for the button to be ready again",
		chromedp.Poll[chromedp.Void](`(b => !b.disabled && b.textContent === "Terraform")(document.getElementById("export-terraform"))`,
			chromedp.WithPollingTimeout(5*time.Second)))
	p.assertNoProblems()
}

func TestExportRefusesAnInvalidScenarioAsTerraform(t *testing.T) {
	p := openPlayground(t)
	dir := allowDownloads(p)
	// A subnet outside its VPC breaks VAL-02: the exporter refuses it, as
	// `export --terraform` does.
	p.do("applying a subnet outside its VPC",
		chromedp.Click(chromedp.CSS(`.resource[data-id="subnet-private"] button`)),
		chromedp.WaitVisible(chromedp.ID("resource-json")),
		chromedp.SetValue(chromedp.ID("resource-json"), `{"id": "subnet-private", "availabilityZone": "us-east-1a", "cidrBlock": "10.99.1.0/24", "routeTable": "rtb-private"}`),
		chromedp.Evaluate[chromedp.Void](`document.getElementById("resource-json").dispatchEvent(new Event("input", {bubbles: true}))`),
		// The draft is checked as it is typed: apply once it has been.
		chromedp.WaitVisible(chromedp.CSS(".draft-error")),
		chromedp.Click(chromedp.ID("apply-json")),
		chromedp.WaitVisible(chromedp.CSS(`.inspector .problems .rule[data-rule="VAL-02"]`)),
	)
	p.do("exporting it as Terraform",
		chromedp.Click(chromedp.ID("export-terraform")),
		chromedp.WaitVisible(chromedp.CSS(`#notice.notice-error`)),
	)
	msg := eval[string](p, `document.getElementById("notice").textContent`)
	if !contains(msg, "Not exported as Terraform: VAL-02 ") {
		t.Errorf("notice = %q, want the first problem (VAL-02)", msg)
	}
	time.Sleep(500 * time.Millisecond) // a download would have started by now
	if files, _ := os.ReadDir(dir); len(files) != 0 {
		t.Errorf("an invalid scenario was downloaded: %s", filepath.Join(dir, files[0].Name()))
	}
	p.assertNoProblems()
}
