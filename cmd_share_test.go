package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"privatelink-playground/engine"
	"privatelink-playground/engine/share"
)

// shareExample is a scenario file the share tests encode.
var shareExample = filepath.Join("engine", "share", "testdata", "examples", "s3-gateway-endpoint.json")

// runShareCmd runs the share command and returns its exit code and output.
func runShareCmd(args ...string) (int, string, string) {
	var out, errOut bytes.Buffer
	code := runShare(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestShareEncodeDecodeRoundTrip(t *testing.T) {
	code, out, errOut := runShareCmd("encode", shareExample)
	if code != 0 || errOut != "" {
		t.Fatalf("encode: exit %d, stderr %q", code, errOut)
	}
	link := strings.TrimSuffix(out, "\n")
	if !strings.HasPrefix(link, "http://127.0.0.1:8080/#s=v1.") || strings.Contains(link, "\n") {
		t.Fatalf("link %q", link)
	}
	code, out, errOut = runShareCmd("decode", link)
	if code != 0 || errOut != "" {
		t.Fatalf("decode: exit %d, stderr %q", code, errOut)
	}
	if !strings.HasPrefix(out, "{\n  \"version\": 1,") {
		t.Errorf("decode output is not indented scenario JSON: %.40q", out)
	}
	got, err := engine.Decode([]byte(out))
	if err != nil {
		t.Fatalf("decoded JSON does not decode: %v", err)
	}
	data, _ := os.ReadFile(shareExample)
	want, _ := engine.Decode(data)
	a, _ := share.CanonicalJSON(got)
	b, _ := share.CanonicalJSON(want)
	if !bytes.Equal(a, b) {
		t.Errorf("round trip changed the scenario:\n%s\n%s", a, b)
	}
}

func TestShareEncodeFlags(t *testing.T) {
	code, out, errOut := runShareCmd("encode", shareExample, "--base", "https://playground.example/lab?x=1#old", "--trace", "1")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	link := strings.TrimSpace(out)
	if !strings.HasPrefix(link, "https://playground.example/lab?x=1#s=v1.") || !strings.HasSuffix(link, "&t=1") {
		t.Errorf("link %q", link)
	}
	sh, err := share.DecodeLink(link)
	if err != nil || sh.Trace != 1 {
		t.Errorf("trace %d, err %v", sh.Trace, err)
	}
	if code, _, errOut := runShareCmd("encode", "--trace", "99", shareExample); code != 2 || !strings.Contains(errOut, "saved trace 99") {
		t.Errorf("trace 99: exit %d, stderr %q", code, errOut)
	}
}

func TestShareErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	os.WriteFile(bad, []byte(`{"version": 1, "vpcz": []}`), 0o644)
	invalid := filepath.Join(dir, "invalid.json")
	os.WriteFile(invalid, []byte(`{"version": 1, "vpcs": [{"id": "vpc-1", "account": "111122223333", "cidrBlocks": ["10.0.0.0/16"]}]}`), 0o644)
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no action", nil, "share encode FILE"},
		{"unknown action", []string{"send"}, `unknown action "send"`},
		{"encode without file", []string{"encode"}, "want one scenario FILE"},
		{"encode two files", []string{"encode", bad, invalid}, "want one scenario FILE"},
		{"encode missing file", []string{"encode", filepath.Join(dir, "none.json")}, "no such file"},
		{"encode undecodable file", []string{"encode", bad}, "VAL-04 vpcz: unknown field"},
		{"encode invalid file", []string{"encode", invalid}, "VAL-01 vpcs[0].account"},
		{"encode bad flag", []string{"encode", "--colour", bad}, "colour"},
		{"decode without link", []string{"decode"}, "want one LINK"},
		{"decode unknown version", []string{"decode", "http://127.0.0.1:8080/#s=v9.abc"}, "unknown share-link version v9; this playground opens v1"},
		{"decode corrupt link", []string{"decode", "#s=v1.@@@"}, "base64url"},
		{"decode no scenario", []string{"decode", "http://127.0.0.1:8080/"}, "no #s="},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runShareCmd(tt.args...)
			if code != 2 {
				t.Errorf("exit %d, want 2", code)
			}
			if out != "" {
				t.Errorf("stdout %q", out)
			}
			if strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, tt.want) {
				t.Errorf("stderr %q: want one line holding %q", errOut, tt.want)
			}
		})
	}
}

func TestShareDecodeOutputIsAScenarioFile(t *testing.T) {
	data, _ := os.ReadFile(shareExample)
	s, _ := engine.Decode(data)
	frag, err := share.Encode(s)
	if err != nil {
		t.Fatal(err)
	}
	code, out, _ := runShareCmd("decode", frag)
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var v map[string]any
	if err := json.Unmarshal([]byte(out), &v); err != nil || !strings.HasSuffix(out, "}\n") {
		t.Errorf("output is not one JSON document ending in a newline: %v", err)
	}
	if _, problems := engine.Load([]byte(out)); len(problems) > 0 {
		t.Errorf("problems: %v", problems)
	}
}
