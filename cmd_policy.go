package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"

	"privatelink-playground/engine/policy"
)

// runPolicy is `policy --input FILE`: it evaluates one request against the
// identity, resource and endpoint policies of the input (SCENARIO.md) and
// prints the decision with every layer's explanation as indented JSON. It
// exits 0 whatever the decision, and 2 with a one-line error on stderr for
// bad flags, an unreadable file or a malformed policy or input (POL-05).
func runPolicy(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("policy", flag.ContinueOnError)
	fs.SetOutput(stderr)
	input := fs.String("input", "", "JSON file with the request and the policies")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *input == "" || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "usage: policy --input FILE")
		return 2
	}
	doc, err := os.ReadFile(*input)
	if err != nil {
		fmt.Fprintf(stderr, "policy: %v\n", err)
		return 2
	}
	in, err := policy.ParseInput(doc)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	out, err := json.MarshalIndent(policy.Evaluate(in), "", "  ")
	if err != nil {
		fmt.Fprintf(stderr, "policy: %v\n", err)
		return 2
	}
	fmt.Fprintf(stdout, "%s\n", out)
	return 0
}
