package engine

import "testing"

// FuzzTrace runs decode, validation, compile and every saved trace (plus
// one fuzzed request) over arbitrary documents: nothing may panic, and
// every trace must keep its invariants.
func FuzzTrace(f *testing.F) {
	for _, name := range exampleNames {
		f.Add(exampleData(f, name), "i-private", "app-reports.s3.us-east-1.amazonaws.com", 443)
	}
	f.Add([]byte(baseScenario), "i-priv", "10.0.2.10", 22)
	f.Fuzz(func(t *testing.T, data []byte, from, to string, port int) {
		s, ps := Load(data)
		if s == nil || len(ps) > 0 {
			return
		}
		w, err := Compile(s)
		if err != nil {
			return
		}
		traces := w.TraceAll()
		traces = append(traces, w.Trace(TraceRequest{From: from, To: to, Port: port}))
		for _, tr := range traces {
			if err := tr.Validate(); err != nil {
				t.Fatalf("invalid trace: %v\n%s", err, tr.Text())
			}
		}
	})
}
