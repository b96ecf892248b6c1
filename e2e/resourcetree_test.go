package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"

	"privatelink-playground/engine"
	"privatelink-playground/engine/diagram"
)

func TestLongResourceListDrawsAPageThenEverything(t *testing.T) {
	p := openPlayground(t)
	// 30 VPCs of 6 subnets and 6 instances: over 400 resources.
	var sc engine.Scenario
	sc.Version, sc.Region, sc.Title = 1, "us-east-1", "Many resources"
	sc.Accounts = []engine.Account{{ID: "111122223333"}}
	for v := range 30 {
		vpc := engine.VPC{ID: fmt.Sprintf("vpc-%02d", v), Account: "111122223333", CIDRBlocks: []string{fmt.Sprintf("10.%d.0.0/16", v)},
			RouteTables: []engine.RouteTable{{ID: fmt.Sprintf("rtb-%02d", v), Main: true}}}
		for n := range 6 {
			sid := fmt.Sprintf("subnet-%02d-%d", v, n)
			vpc.Subnets = append(vpc.Subnets, engine.Subnet{ID: sid, AvailabilityZone: "us-east-1a", CIDRBlock: fmt.Sprintf("10.%d.%d.0/24", v, n)})
			vpc.Instances = append(vpc.Instances, engine.Instance{ID: fmt.Sprintf("i-%02d-%d", v, n), Subnet: sid, PrivateIPAddress: fmt.Sprintf("10.%d.%d.10", v, n)})
		}
		sc.VPCs = append(sc.VPCs, vpc)
	}
	doc, err := json.Marshal(sc)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "many.json")
	if err := os.WriteFile(file, doc, 0o644); err != nil {
		t.Fatal(err)
	}
	count := `document.querySelectorAll(".resource-tree .resource").length`
	p.do("importing many resources",
		chromedp.SetUploadFiles(chromedp.ID("import-files"), []string{file}),
		chromedp.WaitVisible(chromedp.CSS(`.resource[data-id="vpc-00"]`)),
		chromedp.WaitVisible(chromedp.ID("resources-more")),
	)
	if n := eval[int](p, count); n != 200 {
		t.Errorf("the tree draws %d resources at first, want a page of 200", n)
	}
	// Selecting a resource past the page from the diagram draws the tree
	// as far as it.
	past := "i-15-0" // about the 220th resource of 400
	p.do("selecting an instance past the first page in the diagram",
		chromedp.WaitReady(chromedp.ID(diagram.ElementID(past))),
		chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`document.getElementById(%q).dispatchEvent(new MouseEvent("click", { bubbles: true }))`, diagram.ElementID(past))),
		chromedp.WaitVisible(chromedp.CSS(fmt.Sprintf(`.resource.selected[data-id=%q]`, past))),
	)
	if n := eval[int](p, count); n <= 200 || n >= 400 {
		t.Errorf("with %s selected the tree draws %d resources, want as far as it (over 200, not all)", past, n)
	}
	p.do("showing every resource",
		chromedp.Click(chromedp.ID("resources-more")),
		chromedp.WaitNotPresent(chromedp.ID("resources-more")),
	)
	if n := eval[int](p, count); n <= 400 {
		t.Errorf("after Show all the tree draws %d resources, want every one (over 400)", n)
	}
	p.assertNoProblems()
}
