package app

import (
	"strings"

	"privatelink-playground/engine"
	"privatelink-playground/engine/diagram"
	"privatelink-playground/engine/share"
)

// derived holds values computed from the document or the trace on show,
// kept so that components do not recompute them on every render: each is
// keyed by the pointers it was computed from (set gives every new document
// a new *engine.Scenario, and every new trace on show is a new
// *engine.Trace), so a change of either recomputes it once.
type derived struct {
	resources []Resource // of the document, set by set
	sources   []Resource // the resources a trace can start from
	dotHash   string     // DOTHash of the topology

	doc    []byte // canonical JSON of docFor
	docFor *engine.Scenario

	cost    engine.CostReport
	costFor *engine.Scenario

	traceDOT      string
	traceDOTFor   *engine.Trace
	traceDOTOfDoc *engine.Scenario

	link      string // share.EncodeLink("", …): "#s=v1.…"
	linkErr   error
	linkFor   *engine.Scenario
	linkTrace int
}

// derive recomputes what depends on the document alone; set calls it.
func (s *Store) derive() {
	s.derived.resources = Resources(s.Scenario)
	s.derived.sources = nil
	for _, r := range s.derived.resources {
		if r.Kind == "instance" || r.Kind == "host" {
			s.derived.sources = append(s.derived.sources, r)
		}
	}
	s.derived.dotHash = DOTHash(s.DOT)
}

// Document returns the current document as canonical JSON, encoded once per
// document; the bytes are shared: do not modify them.
func (s *Store) Document() []byte {
	if s.derived.docFor != s.Scenario || s.derived.doc == nil {
		s.derived.doc, s.derived.docFor = canonical(s.Scenario), s.Scenario
	}
	return s.derived.doc
}

// Resources lists the document's selectable resources (see Resources); the
// slice is shared: do not modify it.
func (s *Store) Resources() []Resource { return s.derived.resources }

// Sources lists the instances and on-premises hosts a trace can start from;
// the slice is shared: do not modify it.
func (s *Store) Sources() []Resource { return s.derived.sources }

// DOTHash is the hash of the topology diagram's DOT text.
func (s *Store) DOTHash() string { return s.derived.dotHash }

// Cost estimates the document's endpoints' monthly bill.
func (s *Store) Cost() engine.CostReport {
	if s.derived.costFor != s.Scenario {
		s.derived.cost = engine.EstimateCost(s.Scenario, engine.CostOptions{})
		s.derived.costFor = s.Scenario
	}
	return s.derived.cost
}

// TraceDOT is the DOT text of the trace on show's path diagram ("" when
// there is no trace on show).
func (s *Store) TraceDOT() string {
	if s.Trace == nil {
		return ""
	}
	if s.derived.traceDOTFor != s.Trace || s.derived.traceDOTOfDoc != s.Scenario {
		s.derived.traceDOT = diagram.TracePath(s.Scenario, *s.Trace)
		s.derived.traceDOTFor, s.derived.traceDOTOfDoc = s.Trace, s.Scenario
	}
	return s.derived.traceDOT
}

// shareLink is share.EncodeLink("", document, trace on show), encoded once
// per document and saved trace.
func (s *Store) shareLink() (string, error) {
	d := &s.derived
	if d.linkFor != s.Scenario || d.linkTrace != s.TraceIndex || (d.link == "" && d.linkErr == nil) {
		d.link, d.linkErr = share.EncodeLink("", s.Scenario, s.TraceIndex)
		d.linkFor, d.linkTrace = s.Scenario, s.TraceIndex
	}
	return d.link, d.linkErr
}

// joinLink puts a "#…" link fragment on base, replacing one already there.
func joinLink(base, fragment string) string {
	if i := strings.IndexByte(base, '#'); i >= 0 {
		base = base[:i]
	}
	return base + fragment
}
