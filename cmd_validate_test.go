package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestValidateExamplesExit0(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "shared", "examples", "*.json"))
	n := 0
	for _, f := range files {
		if strings.HasSuffix(f, ".actions.json") {
			continue
		}
		var stdout, stderr bytes.Buffer
		if code := runValidate([]string{"--scenario", f}, &stdout, &stderr); code != 0 || stdout.Len() > 0 {
			t.Errorf("%s: exit %d, stdout %q, stderr %q", f, code, stdout.String(), stderr.String())
		}
		n++
	}
	if n == 0 {
		t.Skip("no shared examples found")
	}
}

func TestValidateBrokenExit1(t *testing.T) {
	cases := []struct {
		file string
		want []string
	}{
		{"invalid-broken.json", []string{
			"DNS-01 vpcs[0].enableDnsHostnames: enableDnsHostnames needs enableDnsSupport, which is false",
			"VAL-02 vpcs[0].subnets[0].cidrBlock: 10.9.0.0/24 is not inside the VPC's CIDRs 10.0.0.0/16",
			"VAL-01 vpcs[0].subnets[0].routeTable: no route table rtb-missing in the scenario",
		}},
		{"invalid-decode.json", []string{
			"VAL-04 vpcs[0].cidrBlok: unknown field",
		}},
	}
	for _, c := range cases {
		var stdout, stderr bytes.Buffer
		code := runValidate([]string{"--scenario", filepath.Join("engine", "testdata", c.file)}, &stdout, &stderr)
		if code != 1 || stderr.Len() > 0 {
			t.Errorf("%s: exit %d, stderr %q", c.file, code, stderr.String())
		}
		if got := strings.Split(strings.TrimSuffix(stdout.String(), "\n"), "\n"); strings.Join(got, "\n") != strings.Join(c.want, "\n") {
			t.Errorf("%s: stdout\n%s\nwant\n%s", c.file, stdout.String(), strings.Join(c.want, "\n"))
		}
	}
}

func TestValidateUsageErrorsExit2(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "missing.json")
	for _, args := range [][]string{{}, {"--bogus"}, {"--scenario"}, {"--scenario", missing}, {"--scenario", missing, "extra"}} {
		var stdout, stderr bytes.Buffer
		code := runValidate(args, &stdout, &stderr)
		lines := strings.Count(stderr.String(), "\n")
		if code != 2 || stdout.Len() > 0 || lines != 1 {
			t.Errorf("%q: exit %d, stdout %q, stderr %q", args, code, stdout.String(), stderr.String())
		}
	}
}

func TestValidateTooLargeFile(t *testing.T) {
	name := filepath.Join(t.TempDir(), "big.json")
	if err := os.WriteFile(name, bytes.Repeat([]byte(" "), 2<<20), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := runValidate([]string{"--scenario", name}, &stdout, &stderr); code != 1 || !strings.HasPrefix(stdout.String(), "VAL-04 $: document is") {
		t.Errorf("exit %d, stdout %q", code, stdout.String())
	}
}
