package e2e

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"

	"privatelink-playground/engine"
)

// waitForFile waits for a finished download named name in dir.
func waitForFile(t *testing.T, dir, name string) []byte {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err == nil && len(b) > 0 {
			return b
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("no download %s in %s", name, dir)
	return nil
}

func TestExportDownloadsJSONSVGAndPNG(t *testing.T) {
	p := openPlayground(t)
	dir := t.TempDir()
	if _, err := chromedp.CallBrowser(p.ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dir,
		// Each test's tab is in a browser context of its own.
		BrowserContextID: chromedp.FromContext(p.ctx).BrowserContextID,
	}); err != nil {
		t.Fatal(err)
	}
	p.do("exporting the scenario", chromedp.Click(chromedp.ID("export-json")))
	doc := waitForFile(t, dir, "s3-gateway-endpoint.json")
	s, err := engine.Decode(doc)
	if err != nil {
		t.Fatalf("the exported JSON does not decode: %v", err)
	}
	if s.Title != "S3 through a gateway endpoint" {
		t.Errorf("exported title = %q", s.Title)
	}
	p.do("exporting the diagram as SVG", chromedp.Click(chromedp.ID("export-svg")))
	svg := waitForFile(t, dir, "s3-gateway-endpoint.svg")
	if !strings.HasPrefix(string(svg), "<svg") || !strings.Contains(string(svg), "vpce-1a2b3c4d") {
		t.Errorf("the SVG export is not the diagram: %.80q", svg)
	}
	p.do("exporting the diagram as PNG", chromedp.Click(chromedp.ID("export-png")))
	png := waitForFile(t, dir, "s3-gateway-endpoint.png")
	if !bytes.HasPrefix(png, []byte("\x89PNG\r\n\x1a\n")) {
		t.Errorf("the PNG export is not a PNG: %.8q", png)
	}
	p.assertNoProblems()
}
