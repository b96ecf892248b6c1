package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"privatelink-playground/engine"
	"privatelink-playground/engine/scenariodoc"
)

// The pieces every subcommand shares: its flags, its one-line errors, the
// scenario file it reads and the JSON it prints.

// newFlags is a subcommand's flag set: errors are returned, not printed,
// and its usage is the line "usage: " + usage.
func newFlags(name, usage string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() { fmt.Fprintln(fs.Output(), "usage: "+usage) }
	return fs
}

// parseFlags parses args into fs. ok is false when the command is done:
// with -h or --help the usage line is printed on stdout (code 0); a bad
// flag or a positional argument is a one-line error on stderr (code 2).
func parseFlags(fs *flag.FlagSet, args []string, stdout, stderr io.Writer) (code int, ok bool) {
	if err := fs.Parse(args); err != nil {
		return parseError(fs, err, stdout, stderr), false
	}
	if fs.NArg() > 0 {
		return failf(stderr, fs.Name(), "unexpected argument %q", fs.Arg(0)), false
	}
	return 0, true
}

// parseError answers an error of fs.Parse: the usage line on stdout for -h
// or --help (code 0), else a one-line error on stderr (code 2).
func parseError(fs *flag.FlagSet, err error, stdout, stderr io.Writer) int {
	if errors.Is(err, flag.ErrHelp) {
		fs.SetOutput(stdout)
		fs.Usage()
		fs.SetOutput(io.Discard)
		return 0
	}
	return failf(stderr, fs.Name(), "%v", err)
}

// failf prints "name: message" on stderr, on one line, and returns the exit
// code 2.
func failf(stderr io.Writer, name, format string, a ...any) int {
	msg := strings.ReplaceAll(fmt.Sprintf(format, a...), "\n", "; ")
	fmt.Fprintln(stderr, name+": "+msg)
	return 2
}

// readScenario reads, decodes and validates a scenario file. The error is
// the file's read error, or scenariodoc.Problems when the scenario is not
// valid.
func readScenario(path string) (*engine.Scenario, error) {
	data, err := validateReadFile(path)
	if err != nil {
		return nil, err
	}
	return scenariodoc.Load(data)
}

// compileScenario reads a scenario file and compiles it, for trace and
// matrix. An error about the scenario rather than the file starts
// "invalid scenario: ".
func compileScenario(path string) (*engine.Scenario, *engine.World, error) {
	s, err := readScenario(path)
	if err != nil {
		if isInvalidScenario(err) {
			return nil, nil, fmt.Errorf("invalid scenario: %w", err)
		}
		return nil, nil, err
	}
	w, err := engine.Compile(s)
	if err != nil {
		return nil, nil, fmt.Errorf("invalid scenario: %w", err)
	}
	return s, w, nil
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

// isInvalidScenario tells a readScenario error about the scenario from one
// about reading its file.
func isInvalidScenario(err error) bool {
	var ps scenariodoc.Problems
	return errors.As(err, &ps)
}

// printProblems prints problems on w, one a line, as validate does, and
// returns the exit code 1.
func printProblems(w io.Writer, problems []engine.Problem) int {
	for _, p := range problems {
		fmt.Fprintln(w, p.String())
	}
	return 1
}

// firstLineOf cuts a message at its first newline.
func firstLineOf(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

// indentedJSON is a value as JSON indented by two spaces, with '<', '>' and
// '&' as themselves, ending with a newline.
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

// writeJSON prints a value as indentedJSON.
func writeJSON(w io.Writer, v any) error {
	data, err := indentedJSON(v)
	if err != nil {
		return err
	}
	_, err = w.Write(data)
	return err
}

// writeOutput writes data to the file path, or to stdout when path is "".
func writeOutput(stdout io.Writer, path string, data []byte) error {
	if path == "" {
		stdout.Write(data)
		return nil
	}
	return os.WriteFile(path, data, 0o644)
}
