package main

import (
	"fmt"

	ui "privatelink-playground/app"
	"privatelink-playground/engine"
	"privatelink-playground/engine/diagram"
	"privatelink-playground/engine/lessons"
)

// traceStep is one request typed into the trace form, with what the engine
// answers natively: the verdict the page must show and the hash of the
// trace path's DOT (the data-dot-hash of #trace-diagram once it is laid out).
type traceStep struct {
	Req     engine.TraceRequest
	Verdict string
	Hash    string
}

// traceSteps picks n requests on the default lesson whose trace paths are
// all new diagrams (not prerendered, not seen before in the sequence), so
// every click needs a real layout, and whose verdicts alternate, so
// #trace-verdict changes on every click (the first differs from the saved
// trace the lesson opens on).
func traceSteps(n int, prerendered map[string]bool) ([]traceStep, error) {
	l := lessons.Default()
	sc, err := engine.Decode(l.Scenario)
	if err != nil {
		return nil, fmt.Errorf("the default lesson: %w", err)
	}
	w, err := engine.Compile(sc)
	if err != nil {
		return nil, fmt.Errorf("the default lesson: %w", err)
	}
	prev := ""
	if saved := w.TraceAll(); len(saved) > 0 {
		prev = saved[0].Verdict
	}
	seen := map[string]bool{}
	var pool []traceStep
	for _, req := range traceCandidates(sc) {
		if w.CheckRequest(req.WithDefaults()) != nil {
			continue
		}
		t := w.Trace(req)
		hash := ui.DOTHash(diagram.TracePath(sc, t))
		if prerendered[hash] || seen[hash] {
			continue
		}
		seen[hash] = true
		pool = append(pool, traceStep{Req: req, Verdict: t.Verdict, Hash: hash})
	}
	// Greedy: always take the first unused request whose verdict differs
	// from the one on show.
	var out []traceStep
	used := make([]bool, len(pool))
	for len(out) < n {
		found := false
		for i, st := range pool {
			if !used[i] && st.Verdict != prev {
				used[i], found, prev = true, true, st.Verdict
				out = append(out, st)
				break
			}
		}
		if !found {
			return nil, fmt.Errorf("the default lesson gives only %d of the %d distinct trace diagrams with alternating verdicts the benchmark needs (%d candidates)", len(out), n, len(pool))
		}
	}
	return out, nil
}

// traceCandidates lists requests from every source of the scenario to its
// instances, its buckets (in and out of the Region), names that do not
// resolve and addresses on the internet, on a few ports and S3 actions.
func traceCandidates(sc *engine.Scenario) []engine.TraceRequest {
	var from, to []string
	for _, v := range sc.VPCs {
		for _, in := range v.Instances {
			from = append(from, in.ID)
			to = append(to, in.PrivateIPAddress)
		}
	}
	for _, b := range sc.Buckets {
		region := b.Region
		if region == "" {
			region = sc.Region
		}
		to = append(to, fmt.Sprintf("%s.s3.%s.amazonaws.com", b.Name, region))
	}
	to = append(to, "nowhere.invalid", "sqs."+sc.Region+".amazonaws.com", "198.51.100.7", "52.216.4.17")
	actions := []struct{ action, key string }{{"", ""}, {"s3:GetObject", "a.csv"}, {"s3:PutObject", "b.csv"}, {"s3:DeleteObject", "c.csv"}, {"s3:ListBucket", ""}}
	var out []engine.TraceRequest
	for _, port := range []int{443, 80, 22} {
		for _, a := range actions {
			for _, dst := range to {
				for _, src := range from {
					req := engine.TraceRequest{From: src, To: dst, Port: port, Action: a.action}
					if a.action != "" {
						req.Resource = "arn:aws:s3:::" + bucketOf(dst)
						if a.key != "" {
							req.Resource += "/" + a.key
						}
					}
					out = append(out, req)
				}
			}
		}
	}
	return out
}

// bucketOf returns the bucket name of an S3 virtual-host name, or "other".
func bucketOf(host string) string {
	for i := 0; i < len(host); i++ {
		if host[i] == '.' {
			return host[:i]
		}
	}
	return "other"
}
