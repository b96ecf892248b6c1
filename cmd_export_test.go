package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2/hclparse"
)

// exportExample is the default example scenario.
var exportExample = filepath.Join("engine", "testdata", "examples", "s3-gateway-endpoint.json")

// runExportCmd runs the export command and returns its exit code and output.
func runExportCmd(args ...string) (int, string, string) {
	var out, errOut bytes.Buffer
	code := runExport(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestExportTerraform(t *testing.T) {
	code, out, errOut := runExportCmd("--terraform", "--scenario", exportExample)
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	if _, diags := hclparse.NewParser().ParseHCL([]byte(out), "main.tf"); diags.HasErrors() {
		t.Fatalf("output does not parse: %s", diags.Error())
	}
	golden, err := os.ReadFile(filepath.Join("engine", "terraform", "testdata", "s3-gateway-endpoint.tf"))
	if err != nil {
		t.Fatal(err)
	}
	if out != string(golden) {
		t.Errorf("stdout differs from the package's golden file")
	}
	if !strings.Contains(out, `resource "aws_vpc_endpoint" "vpce_1a2b3c4d"`) {
		t.Errorf("no endpoint in:\n%s", out)
	}
}

func TestExportOut(t *testing.T) {
	file := filepath.Join(t.TempDir(), "main.tf")
	code, out, errOut := runExportCmd("--terraform", "--scenario", exportExample, "--out", file)
	if code != 0 || out != "" || errOut != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	_, stdout, _ := runExportCmd("--terraform", "--scenario", exportExample)
	if string(data) != stdout {
		t.Errorf("--out and stdout differ")
	}
}

func TestExportDispatch(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := dispatch([]string{"export", "--terraform", "--scenario", exportExample}, &out, &errOut); code != 0 || !strings.HasPrefix(out.String(), "# ") {
		t.Errorf("dispatch: exit %d, stderr %q", code, errOut.String())
	}
}

func TestExportErrors(t *testing.T) {
	dir := t.TempDir()
	invalid := filepath.Join(dir, "invalid.json")
	os.WriteFile(invalid, []byte(`{"version": 1, "vpcs": [{"id": "vpc-1", "account": "111122223333", "cidrBlocks": ["10.0.0.0/8"]}, {"id": "vpc-2", "account": "1", "cidrBlocks": ["10.0.0.0/8"]}]}`), 0o644)
	malformed := filepath.Join(dir, "malformed.json")
	os.WriteFile(malformed, []byte(`{"version": 1, "vpcs": [`), 0o644)
	for _, c := range []struct {
		name string
		args []string
		want string
	}{
		{"no flags", nil, "export: --terraform is required"},
		{"no format", []string{"--scenario", exportExample}, "export: --terraform is required"},
		{"no scenario", []string{"--terraform"}, "export: --scenario FILE is required"},
		{"argument", []string{"--terraform", "--scenario", exportExample, "extra"}, `export: unexpected argument "extra"`},
		{"unknown flag", []string{"--hcl"}, "export: flag provided but not defined"},
		{"missing file", []string{"--terraform", "--scenario", filepath.Join(dir, "none.json")}, "export: open "},
		{"invalid", []string{"--terraform", "--scenario", invalid}, "export: VAL-01 vpcs[0].account: "},
		{"malformed", []string{"--terraform", "--scenario", malformed}, "export: VAL-04 "},
	} {
		t.Run(c.name, func(t *testing.T) {
			code, out, errOut := runExportCmd(c.args...)
			if code != 2 || out != "" {
				t.Errorf("exit %d, stdout %q; want 2 and nothing", code, out)
			}
			if !strings.HasPrefix(errOut, c.want) || strings.Count(errOut, "\n") != 1 {
				t.Errorf("stderr %q: want one line starting %q", errOut, c.want)
			}
			if c.name == "invalid" && !strings.Contains(errOut, " more problems)") {
				t.Errorf("stderr %q does not count the other problems", errOut)
			}
		})
	}
}

func TestExportHelp(t *testing.T) {
	code, out, _ := runExportCmd("-h")
	if code != 0 || !strings.HasPrefix(out, "usage: export --terraform") {
		t.Errorf("exit %d, stdout %q", code, out)
	}
}
