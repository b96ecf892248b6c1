package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"privatelink-playground/engine"
	"privatelink-playground/engine/awsimport"
)

// runImport is `import --aws DIR [--out FILE]`: it maps the `aws ec2
// describe-*` output files (*.json) of DIR into a scenario and prints it as
// indented JSON, or writes it to FILE. What it could not map is listed on
// stderr, one item a line: `unmapped FILE PATH: WHAT`. Exit 0 on success,
// even with unmapped items; 1 when the imported scenario is not valid (its
// problems are printed on stdout, one a line, as validate prints them, and
// no scenario is written); 2 for unreadable input or bad flags.
func runImport(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	dir := fs.String("aws", "", "directory of aws ec2 describe-* JSON output")
	out := fs.String("out", "", "write the scenario to this file instead of stdout")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(stdout, "usage: import --aws DIR [--out FILE]")
			return 0
		}
		fmt.Fprintf(stderr, "import: %v\n", err)
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "import: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	if *dir == "" {
		fmt.Fprintln(stderr, "import: --aws DIR is required")
		return 2
	}
	r, err := awsimport.ImportDir(*dir)
	if err != nil {
		fmt.Fprintf(stderr, "import: %v\n", err)
		return 2
	}
	for _, n := range r.Unmapped {
		fmt.Fprintf(stderr, "unmapped %s\n", n)
	}
	data, err := indentedJSON(r.Scenario)
	if err != nil {
		fmt.Fprintf(stderr, "import: %v\n", err)
		return 2
	}
	// Validate what is written, as the playground will read it back.
	if _, problems := engine.Load(data); len(problems) > 0 {
		for _, p := range problems {
			fmt.Fprintln(stdout, p.String())
		}
		return 1
	}
	if *out == "" {
		stdout.Write(data)
		return 0
	}
	if err := os.WriteFile(*out, data, 0o644); err != nil {
		fmt.Fprintf(stderr, "import: %v\n", err)
		return 2
	}
	return 0
}
