// Command privatelink-playground serves the PrivateLink Playground and runs its
// command-line tools: serve, validate, trace, apply, policy, share and static.
package main

import (
	"fmt"
	"io"
	"os"
	"sort"
)

// command is one subcommand: it reads its flags from args, writes to stdout
// and stderr, and returns the process exit code.
type command struct {
	summary string
	run     func(args []string, stdout, stderr io.Writer) int
}

// commands lists every subcommand of SCENARIO.md's command line.
var commands = map[string]command{
	"serve":    {"serve the playground (default) [--addr 127.0.0.1:8080]", runServe},
	"validate": {"validate --scenario FILE", runValidate},
	"trace":    {"trace --scenario FILE [--from ID --to NAME|IP ...] [--format json|text|dot|svg]", runTrace},
	"apply":    {"apply --scenario FILE --actions FILE", runApply},
	"policy":   {"policy --input FILE", runPolicy},
	"share":    {"share encode FILE | share decode LINK", runShare},
	"static":   {"static --out DIR", runStatic},
	"import":   {"import --aws DIR", runImport},
	"export":   {"export --terraform --scenario FILE", runExport},
	"matrix":   {"matrix --scenario FILE [--format json|text|csv]", runMatrix},
}

func main() {
	os.Exit(dispatch(os.Args[1:], os.Stdout, os.Stderr))
}

// dispatch runs the subcommand named by args[0]; with no subcommand, or with
// flags only, it serves the playground.
func dispatch(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || (len(args[0]) > 0 && args[0][0] == '-' && args[0] != "-h" && args[0] != "--help") {
		return runServe(args, stdout, stderr)
	}
	name := args[0]
	if name == "help" || name == "-h" || name == "--help" {
		usage(stdout)
		return 0
	}
	cmd, ok := commands[name]
	if !ok {
		fmt.Fprintf(stderr, "unknown subcommand %q\n", name)
		usage(stderr)
		return 2
	}
	return cmd.run(args[1:], stdout, stderr)
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: privatelink-playground SUBCOMMAND [flags]")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-9s %s\n", n, commands[n].summary)
	}
}

// notImplemented is the honest answer of a subcommand that is not built yet.
func notImplemented(name string, stderr io.Writer) int {
	fmt.Fprintf(stderr, "%s: not implemented yet\n", name)
	return 2
}
