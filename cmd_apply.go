package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"

	"privatelink-playground/engine"
)

// applyOutput is what `apply` prints: the scenario after the actions, and
// the log of what they did.
type applyOutput struct {
	Scenario *engine.Scenario `json:"scenario"`
	Events   []engine.Event   `json:"events"`
}

// runApply is `apply --scenario FILE --actions FILE`: it runs the lifecycle
// actions in order on the scenario and prints {"scenario": …, "events": […]}
// as indented JSON (SCENARIO.md). It exits 0 even when actions are refused
// (a refusal is an event naming its rule), and 2 with a one-line error on
// stderr for bad flags, an unreadable file, an invalid scenario (its first
// problem) or a malformed actions file (the JSON path of the problem).
func runApply(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("apply", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	scenarioFile := fs.String("scenario", "", "scenario JSON file")
	actionsFile := fs.String("actions", "", "JSON file with an array of actions")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(stdout, "usage: apply --scenario FILE --actions FILE")
			return 0
		}
		fmt.Fprintf(stderr, "apply: %v\n", err)
		return 2
	}
	switch {
	case fs.NArg() > 0:
		fmt.Fprintf(stderr, "apply: unexpected argument %q\n", fs.Arg(0))
		return 2
	case *scenarioFile == "" || *actionsFile == "":
		fmt.Fprintln(stderr, "apply: --scenario FILE and --actions FILE are required")
		return 2
	}
	s, err := loadApplyScenario(*scenarioFile)
	if err != nil {
		fmt.Fprintf(stderr, "apply: %s: %s\n", *scenarioFile, firstLine(err))
		return 2
	}
	data, err := validateReadFile(*actionsFile)
	if err != nil {
		fmt.Fprintf(stderr, "apply: %v\n", err)
		return 2
	}
	actions, err := engine.DecodeActions(data)
	if err != nil {
		fmt.Fprintf(stderr, "apply: %s: %s\n", *actionsFile, firstLine(err))
		return 2
	}
	out, events, err := engine.Apply(s, actions)
	if err != nil {
		fmt.Fprintf(stderr, "apply: %s\n", firstLine(err))
		return 2
	}
	doc, err := json.MarshalIndent(applyOutput{Scenario: out, Events: events}, "", "  ")
	if err != nil {
		fmt.Fprintf(stderr, "apply: %v\n", err)
		return 2
	}
	fmt.Fprintf(stdout, "%s\n", doc)
	return 0
}

// loadApplyScenario reads, decodes and validates a scenario file.
func loadApplyScenario(name string) (*engine.Scenario, error) {
	data, err := validateReadFile(name)
	if err != nil {
		return nil, err
	}
	s, problems := engine.Load(data)
	if len(problems) > 0 {
		return nil, problems[:1]
	}
	return s, nil
}

// firstLine is the first problem of a Problems error, or the error's text
// up to its first line break.
func firstLine(err error) string {
	var ps engine.Problems
	if errors.As(err, &ps) && len(ps) > 0 {
		return ps[0].String()
	}
	msg := err.Error()
	for i := 0; i < len(msg); i++ {
		if msg[i] == '\n' {
			return msg[:i]
		}
	}
	return msg
}
