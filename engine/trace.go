package engine

import (
	"fmt"
	"net/netip"
	"slices"
	"strings"
)

// Limits that make every trace terminate, whatever the scenario holds.
const (
	maxTraceSteps = 64 // forwarding decisions of one trace
	maxDNSDepth   = 8  // nested forwards and CNAMEs of one lookup
)

// tracer carries one trace while it is built: the request, the hops so far
// and the loop guard. A tracer is used once.
type tracer struct {
	w        *World
	req      TraceRequest
	hops     []Hop
	steps    int
	seen     []string // the places a step went through (at most maxTraceSteps)
	resolved *Resolved
	bucket   string // the bucket named by an S3 virtual-hosted name
	// quiet keeps no hops, only the last one and the cell they sum up to
	// (the matrix's): writing the hops' sentences is most of a trace's cost.
	quiet   bool
	last    Hop     // the last hop recorded
	sum     cellSum // the hops summed up as a matrix cell (quiet traces)
	verdict string  // once run
}

// hop records one decision.
func (t *tracer) hop(kind, at, decision, rule, format string, args ...any) {
	t.last = Hop{Kind: kind, At: at, Decision: decision, Rule: rule}
	if t.quiet {
		t.sum.add(t.last)
		return
	}
	detail := fmt.Sprintf(format, args...)
	if rest, ok := strings.CutPrefix(detail, "the "); ok {
		detail = "The " + rest
	}
	t.last.Detail = detail
	t.hops = append(t.hops, t.last)
}

// step counts a forwarding decision at a place; it reports false, after
// recording why, when the packet has been there before (a routing loop) or
// the trace is too long.
func (t *tracer) step(kind, at, key string) bool {
	t.steps++
	if slices.Contains(t.seen, key) {
		t.hop(kind, at, DecisionLoop, "NET-07", "The packet comes back to %s a second time: a routing loop, so it is dropped.", at)
		return false
	}
	if t.steps > maxTraceSteps {
		t.hop(kind, at, DecisionLoop, "NET-07", "The packet has crossed %d hops without arriving: it is dropped.", maxTraceSteps)
		return false
	}
	t.seen = append(t.seen, key)
	return true
}

// CheckRequest reports whether a request can be traced in this world: a
// known source, a destination, and sane port, protocol and IP version. The
// error is for invalid input only; every outcome of a valid request is a
// Trace.
func (w *World) CheckRequest(req TraceRequest) error {
	req = req.WithDefaults()
	if w.instances[req.From] == nil && w.hosts[req.From] == nil {
		return fmt.Errorf("from: %q is not an instance or on-premises host of the scenario", req.From)
	}
	if req.To == "" {
		return fmt.Errorf("to: a DNS name or an IP address is required")
	}
	if req.Port < 0 || req.Port > 65535 {
		return fmt.Errorf("port: %d is not a port number", req.Port)
	}
	switch protocolName(req.Protocol) {
	case "tcp", "udp", "icmp", "icmpv6":
	default:
		return fmt.Errorf("protocol: %q is not tcp, udp or icmp", req.Protocol)
	}
	if req.IPVersion != 4 && req.IPVersion != 6 {
		return fmt.Errorf("ipVersion: %d is not 4 or 6", req.IPVersion)
	}
	return nil
}

// Trace follows one request through the world: DNS first, then hop by hop
// through routes, gateways, filters and endpoints, then the policies. It
// never fails: an invalid request gives an unreachable trace whose one hop
// says why (CheckRequest tells invalid input apart beforehand). The result
// is deterministic and satisfies Trace.Validate.
func (w *World) Trace(req TraceRequest) Trace {
	t := w.trace(req, false)
	return Trace{Verdict: t.verdict, Request: t.req, Resolved: t.resolved, Hops: t.hops}
}

// trace traces a request.
func (w *World) trace(req TraceRequest, quiet bool) *tracer {
	t := &tracer{w: w, req: req.WithDefaults(), quiet: quiet}
	if !quiet {
		t.hops = make([]Hop, 0, 8)
	}
	t.verdict = t.run()
	return t
}

// TraceAll traces the scenario's saved requests, in order.
func (w *World) TraceAll() []Trace {
	out := make([]Trace, 0, len(w.s.Traces))
	for _, r := range w.s.Traces {
		out = append(out, w.Trace(r))
	}
	return out
}

// run traces the request and returns the verdict.
func (t *tracer) run() string {
	if err := t.w.CheckRequest(t.req); err != nil {
		t.hop(HopTarget, orUnknown(t.req.From), DecisionUnreachable, "VAL-01", "The request cannot be traced: %v.", err)
		return VerdictUnreachable
	}
	src := t.source()
	dst, ok := t.destination(src)
	if !ok {
		return VerdictUnresolved
	}
	p := packet{src: src.addr, dst: dst, proto: protocolName(t.req.Protocol), port: t.req.Port}
	var a arrival
	if src.instance != nil {
		a, ok = t.startInstance(src.instance, p)
	} else {
		a, ok = t.startOnPrem(src.host.net, p)
	}
	if !ok {
		return VerdictUnreachable
	}
	return t.deliver(a)
}

func orUnknown(s string) string {
	if s == "" {
		return "request"
	}
	return s
}

// source is where a trace starts: an instance or an on-premises host, with
// the address of the request's IP version.
type source struct {
	instance *instanceNode
	host     *hostNode
	addr     netip.Addr
}

// source finds the request's source.
func (t *tracer) source() source {
	if in := t.w.instances[t.req.From]; in != nil {
		a := in.ip4
		if t.req.IPVersion == 6 {
			a = in.ip6
		}
		return source{instance: in, addr: a}
	}
	h := t.w.hosts[t.req.From]
	return source{host: h, addr: h.ip}
}

// principal is the request's principal: the override, else the source's.
func (t *tracer) principal() string {
	if t.req.Principal != "" {
		return t.req.Principal
	}
	if in := t.w.instances[t.req.From]; in != nil {
		return in.i.Principal
	}
	if h := t.w.hosts[t.req.From]; h != nil {
		return h.h.Principal
	}
	return ""
}
