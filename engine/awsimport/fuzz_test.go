package awsimport

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"privatelink-playground/engine"
)

// FuzzImport imports arbitrary describe output: Import never panics, and
// what it returns can be written as JSON, validated and, when valid,
// compiled and traced.
func FuzzImport(f *testing.F) {
	for _, name := range append(slices.Clone(samples), tgwSample, plSample) {
		entries, _ := os.ReadDir(filepath.Join("testdata", name))
		for _, e := range entries {
			data, err := os.ReadFile(filepath.Join("testdata", name, e.Name()))
			if err == nil && len(data) < 4096 {
				f.Add(data)
			}
		}
	}
	for _, files := range []map[string]string{baseFiles(), tgwFiles(), elbFiles(), svcFiles()} {
		for _, v := range files {
			f.Add([]byte(v))
		}
	}
	f.Add(oneDocument(f, tgwFiles()))
	f.Add(oneDocument(f, elbFiles()))
	f.Add(oneDocument(f, svcFiles()))
	base := baseFiles()
	f.Fuzz(func(t *testing.T, data []byte) {
		files := map[string][]byte{"fuzz.json": data}
		for k, v := range base {
			files[k] = []byte(v)
		}
		r, err := Import(files)
		if err != nil {
			return
		}
		if r.Scenario == nil {
			t.Fatal("no scenario and no error")
		}
		doc, err := json.Marshal(r.Scenario)
		if err != nil {
			t.Fatal(err)
		}
		s, problems := engine.Load(doc)
		if s == nil || len(problems) > 0 {
			return
		}
		w, err := engine.Compile(s)
		if err != nil {
			return
		}
		for _, v := range s.VPCs {
			for _, in := range v.Instances {
				w.Trace(engine.TraceRequest{From: in.ID, To: "8.8.8.8", Port: 443})
			}
		}
	})
}

// oneDocument merges the top-level keys of files into one document, so
// that a single fuzzed input holds, say, transit gateways with their
// attachments and routes.
func oneDocument(f *testing.F, files map[string]string) []byte {
	merged := map[string]json.RawMessage{}
	for _, v := range files {
		var top map[string]json.RawMessage
		if err := json.Unmarshal([]byte(v), &top); err != nil {
			f.Fatal(err)
		}
		for k, raw := range top {
			merged[k] = raw
		}
	}
	data, err := json.Marshal(merged)
	if err != nil {
		f.Fatal(err)
	}
	return data
}
