package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"privatelink-playground/engine"
)

func runMatrixArgs(args ...string) (int, string, string) {
	var out, errOut bytes.Buffer
	code := dispatch(append([]string{"matrix"}, args...), &out, &errOut)
	return code, out.String(), errOut.String()
}

// The example's saved traces give the verdicts: i-private reaches
// app-reports through its gateway endpoint, i-public is refused by the
// bucket policy, and the gateway endpoint cannot reach us-west-2 (GW-03).
var matrixExampleCells = [][]engine.MatrixCell{
	{{Verdict: "allowed", Rule: "POL-03", Via: "vpce-1a2b3c4d"}, {Verdict: "allowed", Rule: "POL-01", Via: "vpce-1a2b3c4d"}, {Verdict: "unreachable", Rule: "GW-03"}},
	{{Verdict: "allowed", Rule: "POL-03", Via: "igw-01"}, {Verdict: "denied", Rule: "POL-01", Via: "igw-01"}, {Verdict: "allowed", Rule: "POL-01", Via: "igw-01"}},
}

func TestMatrixJSON(t *testing.T) {
	code, out, errOut := runMatrixArgs("--scenario", traceExample)
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"sources", "targets", "cells"} {
		if _, ok := raw[key]; !ok {
			t.Errorf("no %q in %s", key, out)
		}
	}
	var m engine.Matrix
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		t.Fatal(err)
	}
	if want := []string{"i-private", "i-public"}; !reflect.DeepEqual(m.Sources, want) {
		t.Errorf("sources %v, want %v", m.Sources, want)
	}
	want := []engine.MatrixTarget{
		{Name: "com.amazonaws.us-east-1.s3", Kind: "aws-service", To: "s3.us-east-1.amazonaws.com", Port: 443},
		{Name: "app-reports", Kind: "bucket", To: "app-reports.s3.us-east-1.amazonaws.com", Port: 443, Action: "s3:GetObject", Resource: "arn:aws:s3:::app-reports/*"},
		{Name: "bucket-west", Kind: "bucket", To: "bucket-west.s3.us-west-2.amazonaws.com", Port: 443, Action: "s3:GetObject", Resource: "arn:aws:s3:::bucket-west/*"},
	}
	if !reflect.DeepEqual(m.Targets, want) {
		t.Errorf("targets %+v, want %+v", m.Targets, want)
	}
	if !reflect.DeepEqual(m.Cells, matrixExampleCells) {
		t.Errorf("cells %+v, want %+v", m.Cells, matrixExampleCells)
	}
	if !strings.Contains(out, `"verdict": "unreachable",`) || !strings.Contains(out, `"rule": "GW-03"`) {
		t.Errorf("cell keys are not verdict, rule, via:\n%s", out)
	}
}

func TestMatrixText(t *testing.T) {
	code, out, errOut := runMatrixArgs("--scenario", traceExample, "--format", "text")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		"2 sources × 3 targets",
		"s3:app-reports  app-reports.s3.us-east-1.amazonaws.com:443 s3:GetObject on arn:aws:s3:::app-reports/* (bucket)",
		"✔ allowed  ✖ denied  ⊘ unreachable  ? unresolved",
		"source     s3.us-east-1  s3:app-reports  s3:bucket-west\n",
		"i-private  ✔ POL-03      ✔ POL-01        ⊘ GW-03\n",
		"i-public   ✔ POL-03      ✖ POL-01        ✔ POL-01\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("text lacks %q:\n%s", want, out)
		}
	}
}

func TestMatrixTextUnresolved(t *testing.T) {
	code, out, _ := runMatrixArgs("--scenario", "engine/testdata/examples/endpoint-service-acceptance.json", "--format", "text")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	if !strings.Contains(out, "2 sources × 1 target.") || !strings.Contains(out, "i-api     ? DNS-01") {
		t.Errorf("text:\n%s", out)
	}
}

func TestMatrixCSV(t *testing.T) {
	code, out, errOut := runMatrixArgs("--scenario", traceExample, "--format", "csv")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	header := []string{"source", "target", "kind", "to", "port", "action", "resource", "verdict", "rule", "via"}
	if len(rows) != 1+2*3 || !reflect.DeepEqual(rows[0], header) {
		t.Fatalf("rows %v", rows)
	}
	want := []string{"i-public", "app-reports", "bucket", "app-reports.s3.us-east-1.amazonaws.com", "443", "s3:GetObject", "arn:aws:s3:::app-reports/*", "denied", "POL-01", "igw-01"}
	if !reflect.DeepEqual(rows[5], want) {
		t.Errorf("row 5 %v, want %v", rows[5], want)
	}
}

func TestMatrixErrorsExit2OneLine(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "bad.json")
	if err := os.WriteFile(bad, []byte(`{"version": 1, "vpcs": [{"id": "vpc-1", "cidrBlocks": ["10.0.0.0/99"]}]}`), 0o600); err != nil {
		t.Fatal(err)
	}
	for name, args := range map[string][]string{
		"invalid scenario": {"--scenario", bad},
		"not JSON":         {"--scenario", "go.mod"},
		"missing file":     {"--scenario", filepath.Join(t.TempDir(), "none.json")},
		"no scenario":      {},
		"bad format":       {"--scenario", traceExample, "--format", "dot"},
		"unknown flag":     {"--scenario", traceExample, "--from", "i-private"},
		"extra argument":   {"--scenario", traceExample, "extra"},
	} {
		code, out, errOut := runMatrixArgs(args...)
		if code != 2 || out != "" {
			t.Errorf("%s: exit %d, stdout %q", name, code, out)
		}
		if !strings.HasPrefix(errOut, "matrix: ") || strings.Count(errOut, "\n") != 1 {
			t.Errorf("%s: stderr %q is not one line", name, errOut)
		}
	}
}

func TestMatrixListedInHelp(t *testing.T) {
	var out, errOut bytes.Buffer
	dispatch([]string{"help"}, &out, &errOut)
	if !strings.Contains(out.String(), "matrix --scenario FILE [--format json|text|csv]") {
		t.Errorf("help:\n%s", out.String())
	}
}
