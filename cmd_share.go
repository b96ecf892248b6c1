package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"privatelink-playground/engine"
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
		fmt.Fprintln(stderr, "share: want `share encode FILE` or `share decode LINK`")
		return 2
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
	fmt.Fprintf(stderr, "share: unknown action %q: want encode or decode\n", args[0])
	return 2
}

// runShareEncode prints the link to a scenario file.
func runShareEncode(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("share encode", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	base := fs.String("base", defaultShareBase, "the page the link opens")
	trace := fs.Int("trace", -1, "the saved trace the link selects (counting from 0)")
	files, err := parseInterleaved(fs, args)
	if err != nil {
		fmt.Fprintf(stderr, "share encode: %v\n", err)
		return 2
	}
	if len(files) != 1 {
		fmt.Fprintln(stderr, "share encode: want one scenario FILE")
		return 2
	}
	data, err := validateReadFile(files[0])
	if err != nil {
		fmt.Fprintf(stderr, "share encode: %v\n", err)
		return 2
	}
	s, problems := engine.Load(data)
	if len(problems) > 0 {
		fmt.Fprintf(stderr, "share encode: %s: %s\n", files[0], problems[0])
		return 2
	}
	link, err := share.EncodeLink(*base, s, *trace)
	if err != nil {
		fmt.Fprintf(stderr, "share encode: %s: %v\n", files[0], err)
		return 2
	}
	fmt.Fprintln(stdout, link)
	return 0
}

// runShareDecode prints the scenario of a link as indented JSON.
func runShareDecode(args []string, stdout, stderr io.Writer) int {
	if len(args) != 1 {
		fmt.Fprintln(stderr, "share decode: want one LINK (quote it: it may hold '&')")
		return 2
	}
	s, err := share.Decode(args[0])
	if err != nil {
		fmt.Fprintf(stderr, "share decode: %v\n", firstLineOf(err.Error()))
		return 2
	}
	out, err := indentedJSON(s)
	if err != nil {
		fmt.Fprintf(stderr, "share decode: %v\n", err)
		return 2
	}
	stdout.Write(out)
	return 0
}

// parseInterleaved parses flags that may come before or after positional
// arguments ("encode FILE --base URL") and returns the positional ones.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, errors.New("see `help`")
			}
			return nil, err
		}
		if fs.NArg() == 0 {
			return rest, nil
		}
		rest = append(rest, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// indentedJSON writes a value as JSON indented by two spaces, with '<',
// '>' and '&' as themselves, ending with a newline.
func indentedJSON(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// firstLineOf cuts a message at its first newline.
func firstLineOf(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
