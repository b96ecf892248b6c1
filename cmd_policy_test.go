package main

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// policyInput names a `policy` subcommand input of engine/policy/testdata.
func policyInput(name string) string {
	return filepath.Join("engine", "policy", "testdata", name)
}

func TestPolicyCommand(t *testing.T) {
	tests := []struct {
		name       string
		args       []string
		wantCode   int
		wantResult string // decision on stdout
		wantLayers []string
		wantErr    string // prefix of the stderr line
	}{
		{"allowed through endpoint (POL-01, IF-05, POL-04)", []string{"--input", policyInput("input-through-endpoint-allowed.json")}, 0, "allowed", []string{"identity", "resource", "endpoint"}, ""},
		{"console request denied by aws:sourceVpce (POL-04)", []string{"--input", policyInput("input-console-denied.json")}, 0, "explicitDeny", []string{"identity", "resource"}, ""},
		{"cross-account caller filtered by endpoint (IF-05)", []string{"--input", policyInput("input-cross-account-implicit.json")}, 0, "implicitDeny", []string{"identity", "resource", "endpoint"}, ""},
		{"malformed policy (POL-05)", []string{"--input", policyInput("input-bad-effect.json")}, 2, "", nil, `POL-05 identityPolicies[0].Statement[1].Effect: must be Allow or Deny, got "allow"`},
		{"unknown input field (POL-05)", []string{"--input", policyInput("input-unknown-field.json")}, 2, "", nil, `POL-05 input: json: unknown field "identityPolicy"`},
		{"endpoint policy without principal (POL-06)", []string{"--input", policyInput("input-endpoint-no-principal.json")}, 2, "", nil, "POL-06 endpointPolicies[0].Statement[0]: "},
		{"missing file", []string{"--input", policyInput("does-not-exist.json")}, 2, "", nil, "policy: "},
		{"missing flag", nil, 2, "", nil, "usage: policy --input FILE"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := runPolicy(tt.args, &stdout, &stderr)
			if code != tt.wantCode {
				t.Fatalf("exit %d, want %d; stderr: %s", code, tt.wantCode, stderr.String())
			}
			if tt.wantErr != "" {
				if got := stderr.String(); !strings.HasPrefix(got, tt.wantErr) || strings.Count(got, "\n") != 1 {
					t.Errorf("stderr = %q, want one line starting %q", got, tt.wantErr)
				}
				if stdout.Len() != 0 {
					t.Errorf("stdout = %q, want nothing", stdout.String())
				}
				return
			}
			var out struct {
				Decision string `json:"decision"`
				Layers   []struct {
					Layer      string `json:"layer"`
					Decision   string `json:"decision"`
					Statements []struct {
						Index int    `json:"index"`
						Why   string `json:"why"`
					} `json:"statements"`
				} `json:"layers"`
			}
			if err := json.Unmarshal(stdout.Bytes(), &out); err != nil {
				t.Fatalf("stdout is not JSON: %v\n%s", err, stdout.String())
			}
			if out.Decision != tt.wantResult {
				t.Errorf("decision = %s, want %s\n%s", out.Decision, tt.wantResult, stdout.String())
			}
			var layers []string
			for _, l := range out.Layers {
				layers = append(layers, l.Layer)
				for _, s := range l.Statements {
					if s.Why == "" {
						t.Errorf("%s statement %d has no why", l.Layer, s.Index)
					}
				}
			}
			if strings.Join(layers, ",") != strings.Join(tt.wantLayers, ",") {
				t.Errorf("layers = %v, want %v", layers, tt.wantLayers)
			}
			if !strings.Contains(stdout.String(), "\n  \"layers\"") {
				t.Errorf("stdout is not indented JSON:\n%s", stdout.String())
			}
		})
	}
}

func TestPolicyCommandDeterministic(t *testing.T) {
	var first bytes.Buffer
	runPolicy([]string{"--input", policyInput("input-through-endpoint-allowed.json")}, &first, &bytes.Buffer{})
	for range 10 {
		var again bytes.Buffer
		runPolicy([]string{"--input", policyInput("input-through-endpoint-allowed.json")}, &again, &bytes.Buffer{})
		if again.String() != first.String() {
			t.Fatalf("output differs between runs")
		}
	}
}
