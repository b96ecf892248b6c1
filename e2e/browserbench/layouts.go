package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os/exec"
	"strings"

	"github.com/chromedp/chromedp"

	"privatelink-playground/engine"
	"privatelink-playground/engine/diagram"
)

// grid builds a topology of vpcs VPCs with subnets subnets each, one
// instance per subnet.
func grid(vpcs, subnets int) *engine.Scenario {
	s := &engine.Scenario{Version: 1, Region: "us-east-1", Accounts: []engine.Account{{ID: "111122223333"}}}
	for v := 0; v < vpcs; v++ {
		vpc := engine.VPC{
			ID: fmt.Sprintf("vpc-%02d", v), Account: "111122223333",
			CIDRBlocks:  []string{fmt.Sprintf("10.%d.0.0/16", v)},
			RouteTables: []engine.RouteTable{{ID: fmt.Sprintf("rtb-%02d", v), Main: true}},
		}
		for n := 0; n < subnets; n++ {
			sid := fmt.Sprintf("subnet-%02d-%02d", v, n)
			vpc.Subnets = append(vpc.Subnets, engine.Subnet{
				ID: sid, AvailabilityZone: fmt.Sprintf("us-east-1%c", 'a'+n%3),
				CIDRBlock: fmt.Sprintf("10.%d.%d.0/24", v, n),
			})
			vpc.Instances = append(vpc.Instances, engine.Instance{
				ID: fmt.Sprintf("i-%02d-%02d", v, n), Subnet: sid,
				PrivateIPAddress: fmt.Sprintf("10.%d.%d.10", v, n),
			})
		}
		s.VPCs = append(s.VPCs, vpc)
	}
	return s
}

func printLayouts(ctx context.Context, base string, runs int) error {
	bctx, done, err := browser(ctx)
	if err != nil {
		return err
	}
	defer done()
	if err := chromedp.Do(bctx,
		chromedp.Navigate(base+"/"),
		chromedp.WaitNotPresent(chromedp.ID("app-wasm-loader")),
	); err != nil {
		return err
	}
	first, err := timeLayout(bctx, diagram.Topology(grid(1, 2)))
	if err != nil {
		return err
	}
	fmt.Printf("| render worker layout (median of %d) | ms |\n", runs)
	fmt.Println("|---|---:|")
	fmt.Printf("| first layout, worker start and Graphviz compile included (1 × 2) | %.1f |\n", first)
	for _, size := range [][2]int{{3, 3}, {6, 4}, {12, 6}} {
		dot := diagram.Topology(grid(size[0], size[1]))
		var ms []float64
		for i := 0; i < runs; i++ {
			t, err := timeLayout(bctx, dot)
			if err != nil {
				return err
			}
			ms = append(ms, t)
		}
		fmt.Printf("| %d × %d | %.1f |\n", size[0], size[1], median(ms))
	}
	fmt.Println()
	return nil
}

func timeLayout(ctx context.Context, dot string) (float64, error) {
	arg, _ := json.Marshal(dot)
	expr := fmt.Sprintf(`(async () => { const t = performance.now(); await plLayout(%s, () => {}); return performance.now() - t; })()`, arg)
	return chromedp.Run(ctx, chromedp.Evaluate[float64](expr, chromedp.EvalAwaitPromise))
}

func chromiumVersion(ctx context.Context) string {
	for _, exe := range []string{"chromium", "chromium-browser", "google-chrome"} {
		out, err := exec.CommandContext(ctx, exe, "--version").Output()
		if err == nil {
			return strings.TrimSpace(string(out))
		}
	}
	return "Chromium"
}
