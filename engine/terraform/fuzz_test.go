package terraform

import (
	"encoding/json"
	"os"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"privatelink-playground/engine"
)

// FuzzExport checks that Export never panics and always writes HCL that
// parses, for every document that decodes.
func FuzzExport(f *testing.F) {
	for _, path := range scenarioFiles(f) {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	if data, err := json.Marshal(injectionScenario()); err == nil {
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := engine.Decode(data)
		if err != nil {
			return
		}
		out, err := Export(s)
		if err != nil {
			t.Fatalf("Export: %v", err)
		}
		parse(t, out)
	})
}

// FuzzExportStrings puts one string everywhere a user string reaches the
// HCL and checks that the HCL parses and gives the string back.
func FuzzExportStrings(f *testing.F) {
	for _, s := range []string{nasty, "", "${", "%{", "$${", "\\", "\"", "\n", "EOT", "é\u0301", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		s := injectionScenario()
		s.Title, s.Description = text, text
		s.VPCs[0].Subnets[0].AvailabilityZone = text
		s.VPCs[0].SecurityGroups[0].GroupName = text
		s.VPCs[0].Endpoints[0].ServiceName = text
		s.VPCs[0].Endpoints[0].Tags = map[string]string{text: text}
		s.Networks[0].Name = text
		s.Buckets[0].Name = text
		out, err := Export(s)
		if err != nil {
			t.Fatalf("Export: %v", err)
		}
		tf := parse(t, out)
		if !utf8.ValidString(text) {
			return
		}
		sub := tf.tagged(t, "subnet-1", "aws_subnet")
		if got, _ := literal(sub.Body, "availability_zone"); got != norm.NFC.String(text) {
			t.Errorf("availability_zone = %q, want %q", got, text)
		}
	})
}
