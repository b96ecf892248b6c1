package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// A provider's and a consumer's AWS CLI output, chosen together in the file
// picker, become one scenario whose consumer reaches the provider's service
// through PrivateLink, traced in the page.
func TestImportingAProviderAndConsumerTracesThroughPrivateLink(t *testing.T) {
	p := openPlayground(t)
	files := awsCapture(t, "privatelink-service")
	p.do("importing the provider's and the consumer's output",
		chromedp.SetUploadFiles(chromedp.ID("import-files"), files),
		chromedp.WaitVisible(chromedp.CSS(`#notice`)),
		chromedp.WaitVisible(chromedp.CSS(`.resource[data-id="api-nlb"]`)),
		chromedp.WaitVisible(chromedp.CSS(`.resource[data-id="vpce-svc-0c4d8e2f6a1b3c5d7"]`)),
		chromedp.WaitVisible(chromedp.CSS(`#topology svg`)),
	)
	p.do("tracing from the consumer's instance to the service's private DNS name",
		chromedp.SetValue(chromedp.ID("trace-from"), "i-0c9d0e1f2a3b4c5d6"),
		chromedp.Evaluate[chromedp.Void](`document.getElementById("trace-from").dispatchEvent(new Event("change", {bubbles: true}))`),
		chromedp.SendKeys(chromedp.ID("trace-to"), "api.provider.example"),
		chromedp.Click(chromedp.ID("trace-run")),
		chromedp.WaitVisible(chromedp.CSS("#trace-verdict.verdict-allowed")),
	)
	rules := eval[[]string](p, `[...document.querySelectorAll(".trace-result .hops .hop .rule")].map(e => e.textContent)`)
	for _, want := range []string{"IF-01", "SVC-08", "SVC-01"} {
		if !strings.Contains(strings.Join(rules, " "), want) {
			t.Errorf("no hop decided by %s (rules: %v)", want, rules)
		}
	}
	text := eval[string](p, `document.querySelector(".trace-result .hops").textContent`)
	if !strings.Contains(text, "i-0b8c9d0e1f2a3b4c5") {
		t.Errorf("the trace does not reach the healthy target i-0b8c9d0e1f2a3b4c5: %.300s", text)
	}
	p.assertNoProblems()
}
