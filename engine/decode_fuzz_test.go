package engine

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzDecode feeds arbitrary bytes to Load and Normalize: they must never
// panic, a scenario is returned exactly when decoding succeeded, and every
// problem names a rule.
func FuzzDecode(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "shared", "examples", "*.json"))
	files = append(files, filepath.Join("testdata", "valid-full.json"))
	for _, name := range files {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data)
		}
	}
	for _, s := range []string{
		``, `null`, `{}`, `[]`, `{"version": 1}`, `{"version": 1e400}`, `{"version": -1}`,
		`{"version": 1, "vpcs": [{"id": "vpc-1", "account": "1", "cidrBlocks": ["::/0", "10.0.0.0/33"], "subnets": [{"id": "vpc-1", "availabilityZone": ""}]}]}`,
		`{"version": 1, "vpcs": [{"id": "", "account": "", "cidrBlocks": [], "endpoints": [{"id": "", "vpcEndpointType": "Interface", "serviceName": "com.amazonaws.vpce..", "ipAddresses": {"": "x"}}]}]}`,
		`{"version": 1, "layout": ` + strings.Repeat("[", 200) + strings.Repeat("]", 200) + `}`,
		`{"version": 1, "title": "\ud800", "description": "\u0000"}`,
		`{"version": 1, "traces": [{"from": "", "to": "", "port": 99999999999999999999}]}`,
		`{"version": 1}` + "\x00",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, ps := Load(data)
		if s == nil && len(ps) == 0 {
			t.Fatal("no scenario and no problem")
		}
		for _, p := range ps {
			if p.Rule == "" {
				t.Fatalf("problem without a rule: %v", p)
			}
		}
		if s != nil {
			Normalize(s)
			Validate(Normalize(s))
		}
	})
}
