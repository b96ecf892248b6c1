package main

import (
	"context"
	"fmt"
	"os/exec"
	"strings"

	"privatelink-playground/engine"
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

// chromiumVersion names the browser the benchmark runs.
func chromiumVersion(ctx context.Context) string {
	for _, exe := range []string{"chromium", "chromium-browser", "google-chrome"} {
		out, err := exec.CommandContext(ctx, exe, "--version").Output()
		if err == nil {
			return strings.TrimSpace(string(out))
		}
	}
	return "Chromium"
}
