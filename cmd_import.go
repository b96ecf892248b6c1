package main

import (
	"fmt"
	"io"

	"privatelink-playground/engine"
	"privatelink-playground/engine/awsimport"
)

// runImport is `import --aws DIR [--out FILE]`: it maps the `aws ec2
// describe-*` (and `aws elbv2 describe-*`) output files (*.json) of DIR
// into a scenario and prints it as indented JSON, or writes it to FILE.
// What it could not map is listed on stderr, one item a line:
// `unmapped FILE PATH: WHAT`. Exit 0 on success, even with unmapped items;
// 1 when the imported scenario is not valid (its problems are printed on
// stdout, one a line, as validate prints them, and no scenario is
// written); 2 for unreadable input or bad flags.
func runImport(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("import", "import --aws DIR [--out FILE]")
	dir := fs.String("aws", "", "directory of aws ec2 describe-* (and search-transit-gateway-routes) and aws elbv2 describe-* JSON output")
	out := fs.String("out", "", "write the scenario to this file instead of stdout")
	if code, ok := parseFlags(fs, args, stdout, stderr); !ok {
		return code
	}
	if *dir == "" {
		return failf(stderr, "import", "--aws DIR is required")
	}
	r, err := awsimport.ImportDir(*dir)
	if err != nil {
		return failf(stderr, "import", "%v", err)
	}
	for _, n := range r.Unmapped {
		fmt.Fprintf(stderr, "unmapped %s\n", n)
	}
	data, err := indentedJSON(r.Scenario)
	if err != nil {
		return failf(stderr, "import", "%v", err)
	}
	// Validate what is written, as the playground will read it back.
	if _, problems := engine.Load(data); len(problems) > 0 {
		return printProblems(stdout, problems)
	}
	if err := writeOutput(stdout, *out, data); err != nil {
		return failf(stderr, "import", "%v", err)
	}
	return 0
}
