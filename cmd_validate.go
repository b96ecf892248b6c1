package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"privatelink-playground/engine"
)

// runValidate is `validate --scenario FILE`: it decodes and validates the
// scenario and prints nothing when it is valid (exit 0); otherwise one
// problem a line on stdout, `RULE-ID json.path: message` (exit 1). An
// unreadable file or bad flags give a one-line error on stderr (exit 2).
func runValidate(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("validate", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	scenario := fs.String("scenario", "", "scenario JSON file to validate")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(stdout, "usage: validate --scenario FILE")
			return 0
		}
		fmt.Fprintf(stderr, "validate: %v\n", err)
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "validate: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	if *scenario == "" {
		fmt.Fprintln(stderr, "validate: --scenario FILE is required")
		return 2
	}
	data, err := validateReadFile(*scenario)
	if err != nil {
		fmt.Fprintf(stderr, "validate: %v\n", err)
		return 2
	}
	_, problems := engine.Load(data)
	if len(problems) == 0 {
		return 0
	}
	for _, p := range problems {
		fmt.Fprintln(stdout, p.String())
	}
	return 1
}

// validateReadFile reads a scenario file, refusing one larger than the
// engine's document limit without reading it all (a larger file is still
// reported by Load as a VAL-04 problem).
func validateReadFile(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, engine.MaxDocumentBytes+1))
}
