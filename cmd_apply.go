package main

import (
	"errors"
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
	fs := newFlags("apply", "apply --scenario FILE --actions FILE")
	scenarioFile := fs.String("scenario", "", "scenario JSON file")
	actionsFile := fs.String("actions", "", "JSON file with an array of actions")
	if code, ok := parseFlags(fs, args, stdout, stderr); !ok {
		return code
	}
	if *scenarioFile == "" || *actionsFile == "" {
		return failf(stderr, "apply", "--scenario FILE and --actions FILE are required")
	}
	s, err := readScenario(*scenarioFile)
	if err != nil {
		return failf(stderr, "apply", "%s: %v", *scenarioFile, err)
	}
	data, err := validateReadFile(*actionsFile)
	if err != nil {
		return failf(stderr, "apply", "%v", err)
	}
	actions, err := engine.DecodeActions(data)
	if err != nil {
		return failf(stderr, "apply", "%s: %s", *actionsFile, firstLine(err))
	}
	out, events, err := engine.Apply(s, actions)
	if err != nil {
		return failf(stderr, "apply", "%s", firstLine(err))
	}
	if err := writeJSON(stdout, applyOutput{Scenario: out, Events: events}); err != nil {
		return failf(stderr, "apply", "%v", err)
	}
	return 0
}

// firstLine is the first problem of a Problems error, or the error's text
// up to its first line break.
func firstLine(err error) string {
	var ps engine.Problems
	if errors.As(err, &ps) && len(ps) > 0 {
		return ps[0].String()
	}
	return firstLineOf(err.Error())
}
