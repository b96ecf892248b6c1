package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"privatelink-playground/engine"
)

// importSamples is the folder of the importer's AWS captures.
var importSamples = filepath.Join("engine", "awsimport", "testdata")

// runImportCmd runs the import command and returns its exit code and output.
func runImportCmd(args ...string) (int, string, string) {
	var out, errOut bytes.Buffer
	code := runImport(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestImportSamples(t *testing.T) {
	for _, name := range []string{"public-private-subnet", "nat-gateway", "vpc-peering"} {
		t.Run(name, func(t *testing.T) {
			code, out, errOut := runImportCmd("--aws", filepath.Join(importSamples, name))
			if code != 0 {
				t.Fatalf("exit %d: %s%s", code, out, errOut)
			}
			s, problems := engine.Load([]byte(out))
			if s == nil || len(problems) > 0 {
				t.Fatalf("output is not a valid scenario: %v", problems)
			}
			for _, line := range strings.Split(strings.TrimSuffix(errOut, "\n"), "\n") {
				if line != "" && !strings.HasPrefix(line, "unmapped ") {
					t.Errorf("stderr line %q is not an unmapped item", line)
				}
			}
		})
	}
	_, _, errOut := runImportCmd("--aws", filepath.Join(importSamples, "public-private-subnet"))
	want := "unmapped VpnConnections.json VpnConnections[0]: VPN connection vpn-05044757278685fd3 to cgw-0e0d620a3ae284684 (1.1.1.1) mapped as on-premises network"
	if !strings.Contains(errOut, want) {
		t.Errorf("stderr %q does not hold %q", errOut, want)
	}
}

func TestImportOut(t *testing.T) {
	file := filepath.Join(t.TempDir(), "scenario.json")
	code, out, errOut := runImportCmd("--aws", filepath.Join(importSamples, "nat-gateway"), "--out", file)
	if code != 0 || out != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if _, problems := engine.Load(data); len(problems) > 0 {
		t.Errorf("written scenario: %v", problems)
	}
	_, stdoutJSON, _ := runImportCmd("--aws", filepath.Join(importSamples, "nat-gateway"))
	if stdoutJSON != string(data) {
		t.Errorf("--out and stdout differ")
	}
}

func TestImportInvalidExits1(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "vpcs.json"), []byte(`{"Vpcs": [{"VpcId": "vpc-1", "OwnerId": "111122223333", "CidrBlock": "10.0.0.0/8"}]}`), 0o644)
	code, out, _ := runImportCmd("--aws", dir)
	if code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	if !strings.HasPrefix(out, "VAL-02 vpcs[0].cidrBlocks[0]: ") {
		t.Errorf("stdout %q: want the problems, one a line", out)
	}
}

func TestImportErrors(t *testing.T) {
	bad := t.TempDir()
	os.WriteFile(filepath.Join(bad, "vpcs.json"), []byte(`{"Vpcs": [`), 0o644)
	empty := t.TempDir()
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no flags", nil, "--aws DIR is required"},
		{"bad flag", []string{"--gcp", "x"}, "gcp"},
		{"extra argument", []string{"--aws", bad, "more"}, `unexpected argument "more"`},
		{"missing directory", []string{"--aws", filepath.Join(bad, "none")}, "no such file"},
		{"empty directory", []string{"--aws", empty}, "no *.json files"},
		{"not JSON", []string{"--aws", bad}, "vpcs.json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runImportCmd(tt.args...)
			if code != 2 || out != "" {
				t.Errorf("exit %d, stdout %q", code, out)
			}
			if strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, tt.want) {
				t.Errorf("stderr %q: want one line holding %q", errOut, tt.want)
			}
		})
	}
}
