package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
)

func TestClickingADiagramNodeSelectsItAndBack(t *testing.T) {
	p := openPlayground(t)
	p.do("clicking i-private in the diagram",
		chromedp.Click(chromedp.CSS(`#topology g#r-i-private`)),
		chromedp.WaitVisible(chromedp.CSS(`.inspector[data-resource="i-private"]`)),
	)
	if got := eval[bool](p, `document.querySelector('.resource[data-id="i-private"]').classList.contains("selected")`); !got {
		t.Errorf("the resource tree does not show i-private selected")
	}
	p.do("choosing subnet-public in the tree",
		chromedp.Click(chromedp.CSS(`.resource[data-id="subnet-public"] button`)),
		chromedp.WaitVisible(chromedp.CSS(`.inspector[data-resource="subnet-public"]`)),
		chromedp.WaitVisible(chromedp.CSS(`#topology g#r-subnet-public.is-selected`)),
	)
	p.assertNoProblems()
}

func TestEditingShowsProblemsWithRulesAndUndoRestores(t *testing.T) {
	p := openPlayground(t)
	p.do("selecting subnet-private",
		chromedp.Click(chromedp.CSS(`.resource[data-id="subnet-private"] button`)),
		chromedp.WaitVisible(chromedp.ID("resource-json")),
	)
	// A subnet outside its VPC breaks VAL-02: shown as you type, with its rule.
	p.do("typing a bad CIDR",
		chromedp.SetValue(chromedp.ID("resource-json"), `{"id": "subnet-private", "availabilityZone": "us-east-1a", "cidrBlock": "10.99.1.0/24", "routeTable": "rtb-private"}`),
		chromedp.Evaluate[chromedp.Void](`document.getElementById("resource-json").dispatchEvent(new Event("input", {bubbles: true}))`),
		chromedp.WaitVisible(chromedp.CSS(".draft-error")),
	)
	if msg := eval[string](p, `document.querySelector(".draft-error").textContent`); !contains(msg, "VAL-02") {
		t.Errorf("draft problem = %q, want VAL-02", msg)
	}
	p.do("applying it",
		chromedp.Click(chromedp.ID("apply-json")),
		chromedp.WaitVisible(chromedp.CSS(`.inspector .problems .rule[data-rule="VAL-02"]`)),
	)
	// Syntax errors say where they are.
	p.do("typing broken JSON",
		chromedp.SetValue(chromedp.ID("resource-json"), `{"id": "subnet-private",`),
		chromedp.Evaluate[chromedp.Void](`document.getElementById("resource-json").dispatchEvent(new Event("input", {bubbles: true}))`),
		chromedp.WaitVisible(chromedp.CSS(".draft-error")),
	)
	if msg := eval[string](p, `document.querySelector(".draft-error").textContent`); !contains(msg, "line 1") {
		t.Errorf("syntax error = %q, want its position", msg)
	}
	p.do("undoing with the button",
		chromedp.Click(chromedp.ID("undo")),
		chromedp.WaitNotPresent(chromedp.CSS(`.inspector .problems`)),
	)
	p.do("redoing with Ctrl+Shift+Z",
		chromedp.Click(chromedp.CSS(".brand")),
		chromedp.KeyEvent("Z", chromedp.KeyModifiers(chromedp.ModifierCtrl, chromedp.ModifierShift)),
		chromedp.WaitVisible(chromedp.CSS(`.inspector .problems .rule[data-rule="VAL-02"]`)),
	)
	p.do("undoing with Ctrl+Z",
		chromedp.KeyEvent("z", chromedp.KeyModifiers(chromedp.ModifierCtrl)),
		chromedp.WaitNotPresent(chromedp.CSS(`.inspector .problems`)),
	)
	p.assertNoProblems()
}

func TestAddingAndDeletingResourcesRelaysTheDiagram(t *testing.T) {
	p := openPlayground(t)
	p.do("adding a subnet to the VPC",
		chromedp.Click(chromedp.CSS(`.resource[data-id="vpc-0a1b2c3d"] button`)),
		chromedp.WaitVisible(chromedp.CSS(`.inspector[data-resource="vpc-0a1b2c3d"]`)),
		chromedp.Click(chromedp.CSS(`.add-menu .add-subnet`)),
		chromedp.WaitVisible(chromedp.CSS(`.inspector[data-resource="subnet-new1"]`)),
	)
	// The new subnet has no CIDR yet: the validator says so.
	if n := eval[int](p, `document.querySelectorAll(".inspector .problems .problem").length`); n == 0 {
		t.Errorf("a subnet without a CIDR shows no problem")
	}
	p.do("deleting i-public",
		chromedp.Click(chromedp.CSS(`.resource[data-id="i-public"] button`)),
		chromedp.WaitVisible(chromedp.CSS(`.inspector[data-resource="i-public"]`)),
		chromedp.Click(chromedp.ID("delete-resource")),
		chromedp.WaitNotPresent(chromedp.CSS(`.resource[data-id="i-public"]`)),
		chromedp.WaitNotPresent(chromedp.CSS(`#topology g#r-i-public`)),
		chromedp.WaitVisible(chromedp.CSS(`#topology g#r-i-private`)),
	)
	p.assertNoProblems()
}

func TestANewLayoutShowsProgressAndIsCachedAcrossReloads(t *testing.T) {
	p := openPlayground(t)
	// Watch the diagram's status while an edit lays it out anew.
	eval[bool](p, `(window.__sawProgress = false, new MutationObserver(() => {
		if (document.querySelector('#topology[aria-busy="true"] .diagram-status')) window.__sawProgress = true;
	}).observe(document.body, {subtree: true, childList: true, attributes: true}), true)`)
	before := eval[string](p, `location.href`)
	p.do("adding an instance",
		chromedp.Click(chromedp.CSS(`.resource[data-id="vpc-0a1b2c3d"] button`)),
		chromedp.WaitVisible(chromedp.CSS(`.inspector[data-resource="vpc-0a1b2c3d"]`)),
		chromedp.Click(chromedp.CSS(`.add-menu .add-instance`)),
		chromedp.WaitVisible(chromedp.CSS(`#topology g#r-i-new1`)),
	)
	if !eval[bool](p, `window.__sawProgress`) {
		t.Errorf("no progress was shown while the new diagram was laid out")
	}
	link := p.newAddress(before)
	p.do("reloading the edited scenario",
		chromedp.Navigate(link),
		chromedp.WaitNotPresent(chromedp.ID("app-wasm-loader")),
		chromedp.WaitVisible(chromedp.CSS(`#topology g#r-i-new1`)),
	)
	if n := eval[int](p, `performance.getEntriesByType("resource").filter(e => e.name.endsWith("/web/graphviz.wasm")).length`); n != 0 {
		t.Errorf("after a reload the diagram was laid out again (graphviz.wasm fetched %d times); the Cache API should have it", n)
	}
	p.assertNoProblems()
}

func TestRenamingAResourceRenamesItsReferences(t *testing.T) {
	p := openPlayground(t)
	p.do("renaming subnet-private",
		chromedp.Click(chromedp.CSS(`.resource[data-id="subnet-private"] button`)),
		chromedp.WaitVisible(chromedp.ID("rename-id")),
		chromedp.SendKeys(chromedp.ID("rename-id"), "subnet-app"),
		chromedp.Click(chromedp.ID("rename-resource")),
		chromedp.WaitVisible(chromedp.CSS(`.inspector[data-resource="subnet-app"]`)),
		chromedp.WaitVisible(chromedp.CSS(`#topology g#r-subnet-app`)),
	)
	// i-private lives in the renamed subnet: the scenario is still valid and
	// the saved traces keep their verdicts.
	if n := eval[int](p, `document.querySelectorAll(".problems .problem").length`); n != 0 {
		t.Errorf("renaming left %d problems: a reference was not renamed", n)
	}
	got := eval[[]string](p, `[...document.querySelectorAll(".trace-list .verdict")].map(e => e.textContent)`)
	if len(got) != 3 || got[0] != "✔ allowed" {
		t.Errorf("verdicts after the rename = %q", got)
	}
	p.do("refusing a rename to an ID in use",
		chromedp.SendKeys(chromedp.ID("rename-id"), "i-private"),
		chromedp.Click(chromedp.ID("rename-resource")),
		chromedp.WaitVisible(chromedp.CSS(`.inspector .draft-error`)),
	)
	p.assertNoProblems()
}
