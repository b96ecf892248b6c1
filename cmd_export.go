package main

import (
	"io"

	"privatelink-playground/engine/scenariodoc"
	"privatelink-playground/engine/terraform"
)

// runExport is `export --terraform --scenario FILE [--out FILE]`: it loads
// and validates the scenario and prints it as a Terraform configuration
// (HCL), or writes it to FILE. Terraform is the only format, and the flag
// names it so that other formats can come. Exit 0 on success; 2 with a
// one-line error on stderr for missing flags, an unreadable file or an
// invalid scenario (its first problem, as validate prints it).
func runExport(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("export", "export --terraform --scenario FILE [--out FILE]")
	tf := fs.Bool("terraform", false, "export as a Terraform configuration (HCL)")
	scenario := fs.String("scenario", "", "scenario JSON file to export")
	out := fs.String("out", "", "write the configuration to this file instead of stdout")
	if code, ok := parseFlags(fs, args, stdout, stderr); !ok {
		return code
	}
	switch {
	case !*tf:
		return failf(stderr, "export", "--terraform is required (the only export format)")
	case *scenario == "":
		return failf(stderr, "export", "--scenario FILE is required")
	}
	s, err := readScenario(*scenario)
	if err != nil {
		return failf(stderr, "export", "%v", err)
	}
	hcl, err := terraform.Export(s)
	if err != nil {
		return failf(stderr, "export", "%s", scenariodoc.OneLine(err.Error()))
	}
	if err := writeOutput(stdout, *out, hcl); err != nil {
		return failf(stderr, "export", "%v", err)
	}
	return 0
}
