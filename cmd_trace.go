package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"privatelink-playground/engine"
	"privatelink-playground/engine/diagram"
)

// runTrace is `trace --scenario FILE [--from ID --to NAME|IP --port N
// --action A --resource ARN --principal ARN --ip-version 4|6] [--format
// json|text|dot|svg]`: with --from it traces one request (a JSON object),
// without it every saved trace of the scenario (a JSON array, in order).
// Whatever the verdict the exit code is 0; a bad scenario or request is a
// one-line error on stderr and exit 2.
func runTrace(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("trace", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
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
	fail := func(format string, a ...any) int {
		msg := strings.ReplaceAll(fmt.Sprintf(format, a...), "\n", "; ")
		fmt.Fprintln(stderr, "trace: "+msg)
		return 2
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(stdout, "usage: trace --scenario FILE [--from ID --to NAME|IP --port N --action A --resource ARN --principal ARN --ip-version 4|6] [--format json|text|dot|svg]")
			return 0
		}
		return fail("%v", err)
	}
	if fs.NArg() > 0 {
		return fail("unexpected argument %q", fs.Arg(0))
	}
	switch *format {
	case "json", "text", "dot", "svg":
	default:
		return fail("--format must be json, text, dot or svg, not %q", *format)
	}
	if *scenario == "" {
		return fail("--scenario FILE is required")
	}
	data, err := os.ReadFile(*scenario)
	if err != nil {
		return fail("%v", err)
	}
	s, problems := engine.Load(data)
	if len(problems) > 0 {
		more := ""
		if len(problems) > 1 {
			more = fmt.Sprintf(" (and %d more problems; run validate)", len(problems)-1)
		}
		return fail("invalid scenario: %s%s", problems[0].String(), more)
	}
	w, err := engine.Compile(s)
	if err != nil {
		return fail("invalid scenario: %v", err)
	}
	if *from == "" {
		if *to != "" || *port != 0 || *action != "" || *resource != "" || *principal != "" || *ipVersion != 0 || *protocol != "" {
			return fail("request flags need --from")
		}
		if *format == "svg" && len(s.Traces) != 1 {
			return fail("--format svg draws one trace: give --from (the scenario has %d saved traces; --format dot draws them all)", len(s.Traces))
		}
		return writeTraces(stdout, stderr, s, w.TraceAll(), true, *format)
	}
	req := engine.TraceRequest{From: *from, To: *to, Port: *port, Protocol: *protocol, IPVersion: *ipVersion, Action: *action, Resource: *resource, Principal: *principal}
	if err := w.CheckRequest(req); err != nil {
		return fail("bad request: %v", err)
	}
	return writeTraces(stdout, stderr, s, []engine.Trace{w.Trace(req)}, false, *format)
}

// writeTraces prints traces as JSON (an array, or one object), as text, as
// DOT (one graph a trace) or as SVG laid out natively.
func writeTraces(stdout, stderr io.Writer, s *engine.Scenario, traces []engine.Trace, array bool, format string) int {
	switch format {
	case "dot":
		for _, t := range traces {
			fmt.Fprint(stdout, diagram.TracePath(s, t))
		}
		return 0
	case "svg":
		svg, err := renderSVG(diagram.TracePath(s, traces[0]))
		if err != nil {
			fmt.Fprintf(stderr, "trace: %v\n", err)
			return 2
		}
		fmt.Fprint(stdout, svg)
		return 0
	}
	if format == "text" {
		for i, t := range traces {
			if i > 0 {
				fmt.Fprintln(stdout)
			}
			fmt.Fprint(stdout, t.Text())
		}
		return 0
	}
	var v any = traces
	if !array {
		v = traces[0]
	}
	out, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		fmt.Fprintf(stderr, "trace: %v\n", err)
		return 2
	}
	fmt.Fprintln(stdout, string(out))
	return 0
}
