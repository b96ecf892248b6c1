package main

import (
	"flag"
	"fmt"
	"io"

	"privatelink-playground/engine/share"
)

// defaultShareBase is the page a share link opens: the local playground.
const defaultShareBase = "http://127.0.0.1:8080/"

// runShare is `share encode [--base URL] [--trace N] FILE`, which prints a
// link to the scenario in FILE, and `share decode LINK`, which prints the
// scenario a link carries as indented JSON. Both exit 0; a bad scenario
// file (its first problem), a bad link or bad arguments give one line on
// stderr and exit 2.
func runShare(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		return failf(stderr, "share", "want `share encode FILE` or `share decode LINK`")
	}
	switch args[0] {
	case "encode":
		return runShareEncode(args[1:], stdout, stderr)
	case "decode":
		return runShareDecode(args[1:], stdout, stderr)
	case "-h", "--help", "help":
		fmt.Fprintln(stdout, "usage: share encode [--base URL] [--trace N] FILE | share decode LINK")
		return 0
	}
	return failf(stderr, "share", "unknown action %q: want encode or decode", args[0])
}

// runShareEncode prints the link to a scenario file.
func runShareEncode(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("share encode", "share encode [--base URL] [--trace N] FILE")
	base := fs.String("base", defaultShareBase, "the page the link opens")
	trace := fs.Int("trace", -1, "the saved trace the link selects (counting from 0)")
	files, code, ok := parseInterleaved(fs, args, stdout, stderr)
	if !ok {
		return code
	}
	if len(files) != 1 {
		return failf(stderr, fs.Name(), "want one scenario FILE")
	}
	s, err := readScenario(files[0])
	switch {
	case isInvalidScenario(err):
		return failf(stderr, fs.Name(), "%s: %v", files[0], err)
	case err != nil:
		return failf(stderr, fs.Name(), "%v", err)
	}
	link, err := share.EncodeLink(*base, s, *trace)
	if err != nil {
		return failf(stderr, fs.Name(), "%s: %v", files[0], err)
	}
	fmt.Fprintln(stdout, link)
	return 0
}

// runShareDecode prints the scenario of a link as indented JSON.
func runShareDecode(args []string, stdout, stderr io.Writer) int {
	if len(args) != 1 {
		return failf(stderr, "share decode", "want one LINK (quote it: it may hold '&')")
	}
	s, err := share.Decode(args[0])
	if err != nil {
		return failf(stderr, "share decode", "%s", firstLineOf(err.Error()))
	}
	if err := writeJSON(stdout, s); err != nil {
		return failf(stderr, "share decode", "%v", err)
	}
	return 0
}

// parseInterleaved parses flags that may come before or after positional
// arguments ("encode FILE --base URL") and returns the positional ones; ok
// is false as for parseFlags.
func parseInterleaved(fs *flag.FlagSet, args []string, stdout, stderr io.Writer) (rest []string, code int, ok bool) {
	for {
		if err := fs.Parse(args); err != nil {
			return nil, parseError(fs, err, stdout, stderr), false
		}
		if fs.NArg() == 0 {
			return rest, 0, true
		}
		rest = append(rest, fs.Arg(0))
		args = fs.Args()[1:]
	}
}
