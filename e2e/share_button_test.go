package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"

	"privatelink-playground/engine/share"
)

// The Share button copies a link that reopens the scenario, and says so.
func TestShareButtonCopiesALinkThatOpensTheScenario(t *testing.T) {
	p := openPlayground(t)
	for _, name := range []string{"clipboard-read", "clipboard-write"} {
		if _, err := chromedp.CallBrowser(p.ctx, browser.SetPermission, browser.SetPermissionParams{
			Permission:       &browser.PermissionDescriptor{Name: name},
			Setting:          browser.PermissionSettingGranted,
			Origin:           baseURL,
			BrowserContextID: chromedp.FromContext(p.ctx).BrowserContextID,
		}); err != nil {
			t.Fatalf("granting %s: %v", name, err)
		}
	}
	p.do("sharing",
		chromedp.Click(chromedp.ID("share")),
		chromedp.WaitVisible(chromedp.ID("share-link")),
		chromedp.Poll[chromedp.Void](`document.getElementById("share-status").textContent === "Link copied:"`),
	)
	shown := eval[string](p, `document.getElementById("share-link").value`)
	copied := eval[string](p, `navigator.clipboard.readText()`)
	if copied != shown {
		t.Errorf("the clipboard holds %q, the page shows %q", copied, shown)
	}
	_, hash, ok := strings.Cut(shown, "#")
	if !ok {
		t.Fatalf("the link %q has no fragment", shown)
	}
	d, err := share.DecodeLink("#" + hash)
	if err != nil {
		t.Fatalf("the copied link does not open: %v", err)
	}
	if d.Scenario.Title != "S3 through a gateway endpoint" {
		t.Errorf("the copied link opens %q", d.Scenario.Title)
	}
	p.assertNoProblems()
}
