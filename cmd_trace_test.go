package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"privatelink-playground/engine"
)

const traceExample = "engine/testdata/examples/s3-gateway-endpoint.json"

func runTraceArgs(args ...string) (int, string, string) {
	var out, errOut bytes.Buffer
	code := runTrace(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestTraceSavedTracesAsJSONArray(t *testing.T) {
	code, out, errOut := runTraceArgs("--scenario", traceExample)
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var traces []engine.Trace
	if err := json.Unmarshal([]byte(out), &traces); err != nil {
		t.Fatal(err)
	}
	want := []string{engine.VerdictAllowed, engine.VerdictDenied, engine.VerdictUnreachable}
	if len(traces) != len(want) {
		t.Fatalf("%d traces", len(traces))
	}
	for i, tr := range traces {
		if tr.Verdict != want[i] {
			t.Errorf("trace %d: %s, want %s", i, tr.Verdict, want[i])
		}
		if err := tr.Validate(); err != nil {
			t.Errorf("trace %d: %v", i, err)
		}
	}
}

func TestTraceOneRequestAsJSONObject(t *testing.T) {
	code, out, _ := runTraceArgs("--scenario", traceExample, "--from", "i-public", "--to", "app-reports.s3.us-east-1.amazonaws.com", "--action", "s3:GetObject", "--resource", "arn:aws:s3:::app-reports/x")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var tr engine.Trace
	if err := json.Unmarshal([]byte(out), &tr); err != nil {
		t.Fatal(err)
	}
	if tr.Verdict != engine.VerdictDenied || tr.Request.Port != 443 {
		t.Errorf("got %s %+v", tr.Verdict, tr.Request)
	}
}

func TestTraceTextReadsLikeATeacher(t *testing.T) {
	code, out, _ := runTraceArgs("--scenario", traceExample, "--from", "i-private", "--to", "bucket-west.s3.us-west-2.amazonaws.com", "--format", "text")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"Trace from i-private to bucket-west", " 1. [dns]", "(GW-03)", "Verdict: unreachable"} {
		if !strings.Contains(out, want) {
			t.Errorf("text lacks %q:\n%s", want, out)
		}
	}
}

func TestTraceTextViewShowsOnlyItsHops(t *testing.T) {
	args := []string{"--scenario", traceExample, "--from", "i-private", "--to", "bucket-west.s3.us-west-2.amazonaws.com", "--format", "text"}
	_, full, _ := runTraceArgs(args...)
	code, failures, _ := runTraceArgs(append(args, "--view", "failures")...)
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	if strings.Contains(failures, "[dns]") || !strings.Contains(failures, "(GW-03)") || !strings.Contains(failures, "Verdict: unreachable") {
		t.Errorf("the failures view is not the failing route alone:\n%s", failures)
	}
	if len(failures) >= len(full) {
		t.Errorf("the failures view is as long as the whole trace:\n%s", failures)
	}
}

func TestTraceBadInputExits2WithOneLine(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	os.WriteFile(bad, []byte(`{"version": 1, "vpcs": [{"id": "vpc-1"}]}`), 0o644)
	cases := [][]string{
		{},
		{"--scenario", filepath.Join(dir, "missing.json")},
		{"--scenario", bad},
		{"--scenario", traceExample, "--from", "i-nobody", "--to", "10.0.0.1"},
		{"--scenario", traceExample, "--from", "i-private"},
		{"--scenario", traceExample, "--to", "10.0.0.1"},
		{"--scenario", traceExample, "--format", "svg"},
		{"--scenario", traceExample, "--format", "yaml"},
		{"--scenario", traceExample, "--format", "text", "--view", "everything"},
		{"--scenario", traceExample, "--view", "failures"},
		{"--bogus"},
	}
	for _, args := range cases {
		code, out, errOut := runTraceArgs(args...)
		if code != 2 || out != "" || strings.Count(errOut, "\n") != 1 || !strings.HasPrefix(errOut, "trace: ") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, out, errOut)
		}
	}
	if _, _, errOut := runTraceArgs("--scenario", traceExample, "--format", "svg"); !strings.Contains(errOut, "--format svg draws one trace") {
		t.Errorf("svg of every trace: %q", errOut)
	}
}

func TestTraceDotDrawsEverySavedTrace(t *testing.T) {
	code, out, errOut := runTraceArgs("--scenario", traceExample, "--format", "dot")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	if n := strings.Count(out, "digraph trace"); n != 3 {
		t.Errorf("%d trace graphs, want one per saved trace (3)", n)
	}
	if !strings.Contains(out, "GW-03") || !strings.Contains(out, "unreachable") {
		t.Errorf("the dot output lacks the third trace's rule and verdict")
	}
}

func TestTraceSVGIsRenderedNatively(t *testing.T) {
	code, out, errOut := runTraceArgs("--scenario", traceExample, "--from", "i-private",
		"--to", "app-reports.s3.us-east-1.amazonaws.com", "--format", "svg")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	if !strings.Contains(out, "<svg") || !strings.Contains(out, "vpce&#45;1a2b3c4d") || !strings.Contains(out, "allowed") {
		t.Errorf("svg lacks the diagram, the endpoint or the verdict: %.200q", out)
	}
}
