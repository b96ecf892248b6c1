package main

import (
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
	fs := newFlags("policy", "policy --input FILE")
	input := fs.String("input", "", "JSON file with the request and the policies")
	if code, ok := parseFlags(fs, args, stdout, stderr); !ok {
		return code
	}
	if *input == "" {
		fmt.Fprintln(stderr, "usage: policy --input FILE")
		return 2
	}
	doc, err := os.ReadFile(*input)
	if err != nil {
		return failf(stderr, "policy", "%v", err)
	}
	in, err := policy.ParseInput(doc)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	if err := writeJSON(stdout, policy.Evaluate(in)); err != nil {
		return failf(stderr, "policy", "%v", err)
	}
	return 0
}
