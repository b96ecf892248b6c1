package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"privatelink-playground/engine"
	"privatelink-playground/engine/terraform"
)

// runExport is `export --terraform --scenario FILE [--out FILE]`: it loads
// and validates the scenario and prints it as a Terraform configuration
// (HCL), or writes it to FILE. Terraform is the only format, and the flag
// names it so that other formats can come. Exit 0 on success; 2 with a
// one-line error on stderr for missing flags, an unreadable file or an
// invalid scenario (its first problem, as validate prints it).
func runExport(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	tf := fs.Bool("terraform", false, "export as a Terraform configuration (HCL)")
	scenario := fs.String("scenario", "", "scenario JSON file to export")
	out := fs.String("out", "", "write the configuration to this file instead of stdout")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(stdout, "usage: export --terraform --scenario FILE [--out FILE]")
			return 0
		}
		fmt.Fprintf(stderr, "export: %v\n", err)
		return 2
	}
	switch {
	case fs.NArg() > 0:
		fmt.Fprintf(stderr, "export: unexpected argument %q\n", fs.Arg(0))
		return 2
	case !*tf:
		fmt.Fprintln(stderr, "export: --terraform is required (the only export format)")
		return 2
	case *scenario == "":
		fmt.Fprintln(stderr, "export: --scenario FILE is required")
		return 2
	}
	data, err := validateReadFile(*scenario)
	if err != nil {
		fmt.Fprintf(stderr, "export: %v\n", err)
		return 2
	}
	s, problems := engine.Load(data)
	if len(problems) > 0 {
		fmt.Fprintf(stderr, "export: %s%s\n", exportOneLine(problems[0].String()), exportMoreProblems(len(problems)-1))
		return 2
	}
	hcl, err := terraform.Export(s)
	if err != nil {
		fmt.Fprintf(stderr, "export: %s\n", exportOneLine(err.Error()))
		return 2
	}
	if *out == "" {
		stdout.Write(hcl)
		return 0
	}
	if err := os.WriteFile(*out, hcl, 0o644); err != nil {
		fmt.Fprintf(stderr, "export: %v\n", err)
		return 2
	}
	return 0
}

// exportOneLine keeps an error message on one line.
func exportOneLine(s string) string {
	return strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s)
}

// exportMoreProblems tells how many problems follow the first.
func exportMoreProblems(n int) string {
	switch n {
	case 0:
		return ""
	case 1:
		return " (and 1 more problem)"
	}
	return fmt.Sprintf(" (and %d more problems)", n)
}
