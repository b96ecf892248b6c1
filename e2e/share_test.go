package e2e

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"privatelink-playground/engine"
	"privatelink-playground/engine/lessons"
	"privatelink-playground/engine/share"
)

func TestShareLinkOpensTheScenarioAndItsTrace(t *testing.T) {
	s, err := engine.Decode(lessons.Default().Scenario)
	if err != nil {
		t.Fatal(err)
	}
	s.Title = "Shared <b>scenario</b>"
	link, err := share.EncodeLink(baseURL+"/", s, 2)
	if err != nil {
		t.Fatal(err)
	}
	p := newPage(t, 60*time.Second)
	p.do("opening the link",
		chromedp.Navigate(link),
		chromedp.WaitNotPresent(chromedp.ID("app-wasm-loader")),
		chromedp.WaitVisible(chromedp.CSS(`.lesson h2`)),
		chromedp.WaitVisible(chromedp.CSS(`.trace-item.selected[data-index="2"]`)),
	)
	if got := eval[string](p, `document.querySelector(".lesson h2").textContent`); got != s.Title {
		t.Errorf("title = %q, want the shared title as text", got)
	}
	if n := eval[int](p, `document.querySelectorAll(".lesson h2 b").length`); n != 0 {
		t.Errorf("markup in the shared title became HTML")
	}
	if got := eval[string](p, `document.getElementById("trace-verdict").textContent`); !strings.Contains(got, "unreachable") {
		t.Errorf("the selected trace's verdict = %q", got)
	}
	// An edit keeps the address bar's link current.
	before := eval[string](p, `location.href`)
	p.do("editing",
		chromedp.Click(chromedp.CSS(`.resource[data-id="i-public"] button`)),
		chromedp.Click(chromedp.ID("delete-resource")),
		chromedp.WaitNotPresent(chromedp.CSS(`.resource[data-id="i-public"]`)),
	)
	p.newAddress(before)
	hash := eval[string](p, `location.hash`)
	again, err := share.DecodeLink(hash)
	if err != nil {
		t.Fatalf("the address bar's link %q does not open: %v", hash, err)
	}
	if len(again.Scenario.VPCs[0].Instances) != 1 {
		t.Errorf("the address bar's link has %d instances, want the edited 1", len(again.Scenario.VPCs[0].Instances))
	}
	p.assertNoProblems()
}

func TestBadLinksSayWhyAndKeepTheLesson(t *testing.T) {
	bomb := strings.Repeat("A", 70<<10)
	for name, frag := range map[string]string{
		"corrupt base64":  "#s=v1.!!!!",
		"unknown version": "#s=v7.AAAA",
		"too long":        "#s=v1." + bomb,
		"truncated":       "#s=v1.q1YqS8wpTVWyUlAqLU4tUgIA",
	} {
		t.Run(name, func(t *testing.T) {
			p := newPage(t, 60*time.Second)
			p.do("opening the bad link",
				chromedp.Navigate(baseURL+"/"+frag),
				chromedp.WaitNotPresent(chromedp.ID("app-wasm-loader")),
				chromedp.WaitVisible(chromedp.CSS(`#notice.notice-error`)),
				chromedp.WaitVisible(chromedp.CSS(`#topology svg`)),
			)
			if got := eval[string](p, `document.querySelector(".lesson h2").textContent`); got != "S3 through a gateway endpoint" {
				t.Errorf("after a bad link the page shows %q, want the default lesson", got)
			}
			p.assertNoProblems()
		})
	}
}

func TestImportingAScenarioFileAndAWSOutput(t *testing.T) {
	p := openPlayground(t)
	example, _ := filepath.Abs(filepath.Join("..", "engine", "testdata", "examples", "interface-endpoint-private-dns.json"))
	p.do("importing a scenario file",
		chromedp.SetUploadFiles(chromedp.ID("import-files"), []string{example}),
		chromedp.WaitVisible(chromedp.CSS(`#notice`)),
		chromedp.WaitVisible(chromedp.CSS(`.resource[data-id="vpce-0sqs"]`)),
	)
	files := awsCapture(t, "vpc-peering")
	p.do("importing aws ec2 describe output",
		chromedp.SetUploadFiles(chromedp.ID("import-files"), files),
		chromedp.WaitNotPresent(chromedp.CSS(`.resource[data-id="vpce-0sqs"]`)),
		chromedp.WaitVisible(chromedp.CSS(`#notice`)),
	)
	if n := eval[int](p, `document.querySelectorAll('.resource.kind-vpc').length`); n != 3 {
		t.Errorf("the vpc-peering capture imported %d VPCs, want 3", n)
	}
	p.do("undoing the import", chromedp.Click(chromedp.ID("undo")), chromedp.WaitVisible(chromedp.CSS(`.resource[data-id="vpce-0sqs"]`)))
	p.assertNoProblems()
}
