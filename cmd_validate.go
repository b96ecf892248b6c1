package main

import (
	"errors"
	"io"

	"privatelink-playground/engine/scenariodoc"
)

// runValidate is `validate --scenario FILE`: it decodes and validates the
// scenario and prints nothing when it is valid (exit 0); otherwise one
// problem a line on stdout, `RULE-ID json.path: message` (exit 1). An
// unreadable file or bad flags give a one-line error on stderr (exit 2).
func runValidate(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("validate", "validate --scenario FILE")
	scenario := fs.String("scenario", "", "scenario JSON file to validate")
	if code, ok := parseFlags(fs, args, stdout, stderr); !ok {
		return code
	}
	if *scenario == "" {
		return failf(stderr, "validate", "--scenario FILE is required")
	}
	_, err := readScenario(*scenario)
	var problems scenariodoc.Problems
	switch {
	case errors.As(err, &problems):
		return printProblems(stdout, problems)
	case err != nil:
		return failf(stderr, "validate", "%v", err)
	}
	return 0
}
