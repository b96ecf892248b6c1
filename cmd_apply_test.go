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

// applyTestdata is the engine's apply fixtures, copies of the shared
// examples among them.
func applyTestdata(name string) string {
	return filepath.Join("engine", "testdata", "apply", name)
}

// writeTemp writes a file for one test and returns its path.
func writeTemp(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestApplyCommandExample(t *testing.T) {
	var out, errOut bytes.Buffer
	code := dispatch([]string{"apply", "--scenario", applyTestdata("endpoint-service-acceptance.json"),
		"--actions", applyTestdata("endpoint-service-acceptance.actions.json")}, &out, &errOut)
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errOut.String())
	}
	var got struct {
		Scenario json.RawMessage `json:"scenario"`
		Events   []engine.Event  `json:"events"`
	}
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	s, ps := engine.Load(got.Scenario)
	if len(ps) > 0 {
		t.Fatalf("the printed scenario is invalid: %v", ps)
	}
	if st := engine.EffectiveEndpointState(s, 0, 0); st != engine.StateAvailable {
		t.Errorf("vpce-partner is %s, want Available", st)
	}
	var transitions []string
	for _, e := range got.Events {
		if e.Kind == engine.KindState {
			transitions = append(transitions, e.From+"→"+e.To)
		}
	}
	if strings.Join(transitions, ",") != "PendingAcceptance→Pending,Pending→Available" {
		t.Errorf("transitions %v", transitions)
	}
	if !strings.HasPrefix(out.String(), "{\n  \"scenario\": {") {
		t.Errorf("output is not indented JSON: %.40q", out.String())
	}
}

func TestApplyCommandRefusedActionsExit0(t *testing.T) {
	actions := writeTemp(t, "actions.json", `[{"action": "accept-vpc-endpoint-connections", "serviceId": "vpce-svc-0partner", "vpcEndpointIds": ["vpce-nowhere"]}]`)
	var out, errOut bytes.Buffer
	if code := dispatch([]string{"apply", "--scenario", applyTestdata("endpoint-service-acceptance.json"), "--actions", actions}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errOut.String())
	}
	if !strings.Contains(out.String(), `"kind": "refused"`) {
		t.Errorf("no refusal in %s", out.String())
	}
}

func TestApplyCommandDeterministic(t *testing.T) {
	run := func() string {
		var out, errOut bytes.Buffer
		dispatch([]string{"apply", "--scenario", applyTestdata("lifecycle.json"), "--actions", applyTestdata("endpoint-service-acceptance.actions.json")}, &out, &errOut)
		return out.String() + errOut.String()
	}
	if a, b := run(), run(); a != b {
		t.Error("two runs differ")
	}
}

func TestApplyCommandMalformedInput(t *testing.T) {
	scenario := applyTestdata("endpoint-service-acceptance.json")
	actions := applyTestdata("endpoint-service-acceptance.actions.json")
	badActions := writeTemp(t, "bad.json", `[{"action": "advance-time", "seconds": 1}, {"action": "advance-time", "sconds": 1}]`)
	badScenario := writeTemp(t, "bad-scenario.json", `{"version": 1, "vpcs": [{"id": "vpc-1", "account": "1", "cidrBlocks": ["10.0.0.0/33"]}]}`)
	for _, c := range []struct {
		name string
		args []string
		want string
	}{
		{"no flags", nil, "required"},
		{"no actions", []string{"--scenario", scenario}, "required"},
		{"extra argument", []string{"--scenario", scenario, "--actions", actions, "more"}, "unexpected argument"},
		{"unknown flag", []string{"--frobnicate"}, "frobnicate"},
		{"missing file", []string{"--scenario", "no-such-file.json", "--actions", actions}, "no-such-file.json"},
		{"bad actions", []string{"--scenario", scenario, "--actions", badActions}, "$[1].sconds: unknown field"},
		{"bad scenario", []string{"--scenario", badScenario, "--actions", actions}, "vpcs[0]"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			if code := dispatch(append([]string{"apply"}, c.args...), &out, &errOut); code != 2 {
				t.Fatalf("exit %d, want 2", code)
			}
			msg := errOut.String()
			if !strings.Contains(msg, c.want) || strings.Count(msg, "\n") != 1 || out.Len() != 0 {
				t.Errorf("stderr %q, stdout %q: want one line with %q", msg, out.String(), c.want)
			}
		})
	}
}
