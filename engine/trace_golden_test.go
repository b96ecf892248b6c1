package engine

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/golden")

// TestGoldenExamples traces every saved request of the shared examples and
// compares the traces with testdata/golden (go test -run Golden -update).
func TestGoldenExamples(t *testing.T) {
	for _, name := range exampleNames {
		t.Run(name, func(t *testing.T) {
			w := compileData(t, exampleData(t, name))
			traces := w.TraceAll()
			for i := range traces {
				if err := traces[i].Validate(); err != nil {
					t.Errorf("trace %d: %v", i, err)
				}
			}
			got, err := json.MarshalIndent(traces, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			path := filepath.Join("testdata", "golden", name+".json")
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./engine -run Golden -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from the traces; review and rerun with -update", path)
			}
		})
	}
}

// TestGoldenVerdicts pins the verdicts the examples teach.
func TestGoldenVerdicts(t *testing.T) {
	cases := []struct {
		example string
		verdict []string
		rule    []string // the rule of the hop that settled each trace
	}{
		{"s3-gateway-endpoint", []string{VerdictAllowed, VerdictDenied, VerdictUnreachable}, []string{"POL-01", "POL-01", "GW-03"}},
		{"interface-endpoint-private-dns", []string{VerdictAllowed, VerdictDenied}, []string{"POL-01", "IF-05"}},
		{"onprem-s3-inbound-resolver", []string{VerdictAllowed, VerdictAllowed}, []string{"POL-01", "POL-01"}},
		{"endpoint-service-acceptance", []string{VerdictUnreachable}, []string{"SVC-07"}},
	}
	for _, c := range cases {
		t.Run(c.example, func(t *testing.T) {
			traces := compileData(t, exampleData(t, c.example)).TraceAll()
			if len(traces) != len(c.verdict) {
				t.Fatalf("%d traces, want %d", len(traces), len(c.verdict))
			}
			for i, tr := range traces {
				if err := tr.Validate(); err != nil {
					t.Errorf("trace %d: %v", i, err)
				}
				if tr.Verdict != c.verdict[i] || lastHop(tr).Rule != c.rule[i] {
					t.Errorf("trace %d: %s by %s, want %s by %s\n%s", i, tr.Verdict, lastHop(tr).Rule, c.verdict[i], c.rule[i], tr.Text())
				}
			}
		})
	}
	// The paths the examples teach.
	s3 := compileData(t, exampleData(t, "s3-gateway-endpoint")).TraceAll()
	if !hasHop(s3[0], HopEndpoint, "vpce-1a2b3c4d") {
		t.Errorf("trace 1 does not go through the gateway endpoint\n%s", s3[0].Text())
	}
	if !hasHop(s3[1], HopGateway, "igw-01") || hasHop(s3[1], HopService, "aws:SourceVpce") {
		t.Errorf("trace 2 should go through the IGW without aws:SourceVpce\n%s", s3[1].Text())
	}
	onprem := compileData(t, exampleData(t, "onprem-s3-inbound-resolver")).TraceAll()
	if !hasHop(onprem[0], HopEndpoint, "Interface endpoint vpce-s3-interface") || onprem[0].Hops[1].Rule != "DNS-07" {
		t.Errorf("trace 1 should resolve by DNS-07 to the interface endpoint\n%s", onprem[0].Text())
	}
	if !hasHop(onprem[1], HopEndpoint, "Gateway endpoint vpce-s3-gateway") {
		t.Errorf("trace 2 should use the gateway endpoint\n%s", onprem[1].Text())
	}
	sqs := compileData(t, exampleData(t, "interface-endpoint-private-dns")).TraceAll()
	if !hasHop(sqs[0], HopEndpoint, "Interface endpoint vpce-0sqs") {
		t.Errorf("trace 1 should use the endpoint interface\n%s", sqs[0].Text())
	}
}

// TestExampleCopiesMatchShared keeps testdata/examples in step with the
// shared examples when both are present.
func TestExampleCopiesMatchShared(t *testing.T) {
	for _, name := range exampleNames {
		shared, err := os.ReadFile(filepath.Join("..", "..", "shared", "examples", name+".json"))
		if err != nil {
			t.Skip("shared examples not present")
		}
		local, err := os.ReadFile(filepath.Join("testdata", "examples", name+".json"))
		if err != nil || !bytes.Equal(shared, local) {
			t.Errorf("testdata/examples/%s.json differs from the shared example; copy it again", name)
		}
	}
}
