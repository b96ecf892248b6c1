package main

import (
	"fmt"
	"io"

	"privatelink-playground/engine"
	"privatelink-playground/engine/diagram"
)

// runTrace is `trace --scenario FILE [--from ID --to NAME|IP --port N
// --action A --resource ARN --principal ARN --ip-version 4|6] [--format
// json|text|dot|svg] [--view full|decisions|failures]`: with --from it
// traces one request (a JSON object), without it every saved trace of the
// scenario (a JSON array, in order). --view keeps only some hops of the text
// explanation.
// Whatever the verdict the exit code is 0; a bad scenario or request is a
// one-line error on stderr and exit 2.
func runTrace(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("trace", "trace --scenario FILE [--from ID --to NAME|IP --port N --action A --resource ARN --principal ARN --ip-version 4|6] [--format json|text|dot|svg] [--view full|decisions|failures]")
	scenario := fs.String("scenario", "", "scenario JSON file")
	from := fs.String("from", "", "source instance or on-premises host ID")
	to := fs.String("to", "", "destination DNS name or IP address")
	port := fs.Int("port", 0, "destination port (default 443)")
	protocol := fs.String("protocol", "", "tcp, udp or icmp (default tcp)")
	action := fs.String("action", "", "API action for the policy checks, e.g. s3:GetObject")
	resource := fs.String("resource", "", "resource ARN for the policy checks")
	principal := fs.String("principal", "", "principal ARN overriding the source's")
	ipVersion := fs.Int("ip-version", 0, "4 or 6 (default 4, or 6 for an IPv6 literal)")
	format := fs.String("format", "json", "json, text, dot or svg")
	view := fs.String("view", engine.ViewFull, "with --format text: full, decisions (the hops that decided something) or failures (the hops that refused or failed)")
	if code, ok := parseFlags(fs, args, stdout, stderr); !ok {
		return code
	}
	switch *format {
	case "json", "text", "dot", "svg":
	default:
		return failf(stderr, "trace", "--format must be json, text, dot or svg, not %q", *format)
	}
	if _, ok := (engine.Trace{}).HopsIn(*view); !ok {
		return failf(stderr, "trace", "--view must be full, decisions or failures, not %q", *view)
	}
	if *view != engine.ViewFull && *format != "text" {
		return failf(stderr, "trace", "--view %s applies to --format text only", *view)
	}
	if *scenario == "" {
		return failf(stderr, "trace", "--scenario FILE is required")
	}
	s, w, err := compileScenario(*scenario)
	if err != nil {
		return failf(stderr, "trace", "%v", err)
	}
	if *from == "" {
		if *to != "" || *port != 0 || *action != "" || *resource != "" || *principal != "" || *ipVersion != 0 || *protocol != "" {
			return failf(stderr, "trace", "request flags need --from")
		}
		if *format == "svg" && len(s.Traces) != 1 {
			return failf(stderr, "trace", "--format svg draws one trace: give --from (the scenario has %d saved traces; --format dot draws them all)", len(s.Traces))
		}
		return writeTraces(stdout, stderr, s, w.TraceAll(), true, *format, *view)
	}
	req := engine.TraceRequest{From: *from, To: *to, Port: *port, Protocol: *protocol, IPVersion: *ipVersion, Action: *action, Resource: *resource, Principal: *principal}
	if err := w.CheckRequest(req); err != nil {
		return failf(stderr, "trace", "bad request: %v", err)
	}
	return writeTraces(stdout, stderr, s, []engine.Trace{w.Trace(req)}, false, *format, *view)
}

// writeTraces prints traces as JSON (an array, or one object), as text (the
// hops of a view), as DOT (one graph a trace) or as SVG laid out natively.
func writeTraces(stdout, stderr io.Writer, s *engine.Scenario, traces []engine.Trace, array bool, format, view string) int {
	switch format {
	case "dot":
		for _, t := range traces {
			fmt.Fprint(stdout, diagram.TracePath(s, t))
		}
		return 0
	case "svg":
		svg, err := renderSVG(diagram.TracePath(s, traces[0]))
		if err != nil {
			return failf(stderr, "trace", "%v", err)
		}
		fmt.Fprint(stdout, svg)
		return 0
	}
	if format == "text" {
		for i, t := range traces {
			if i > 0 {
				fmt.Fprintln(stdout)
			}
			text, _ := t.TextView(view)
			fmt.Fprint(stdout, text)
		}
		return 0
	}
	var v any = traces
	if !array {
		v = traces[0]
	}
	if err := writeJSON(stdout, v); err != nil {
		return failf(stderr, "trace", "%v", err)
	}
	return 0
}
