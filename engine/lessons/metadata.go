package lessons

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"privatelink-playground/engine"
)

// Metadata is the content of a lesson's ID.lesson.json file:
//
//	{
//	  "order": 2,
//	  "expect": ["denied", "allowed", "unreachable"],
//	  "challenge": {"goal": "…", "hint": "…", "traces": […], "forbid": […], "rules": […]},
//	  "actions": "ID.actions.json"
//	}
//
// Unknown fields are an error, as in scenarios: a typo must not be silently
// ignored.
type Metadata struct {
	// Order is the lesson's place in the library, from 1.
	Order int `json:"order"`
	// Expect holds the verdict of each saved trace of the scenario, in order.
	Expect []string `json:"expect"`
	// Challenge is what the learner is asked to change (optional).
	Challenge *Challenge `json:"challenge,omitempty"`
	// Actions names the lesson's lifecycle actions file, in the same folder
	// (optional).
	Actions string `json:"actions,omitempty"`
}

// verdicts are the verdicts a trace can give (SCENARIO.md).
var verdicts = []string{engine.VerdictAllowed, engine.VerdictDenied, engine.VerdictUnreachable, engine.VerdictUnresolved}

// DecodeMetadata reads a lesson's metadata strictly: every field known,
// nothing after the document, an order of at least 1, known verdicts, and a
// challenge with a goal, at least one thing to check and only known forbid
// items (forbid.go). It never panics.
func DecodeMetadata(data []byte) (*Metadata, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var m Metadata
	if err := dec.Decode(&m); err != nil {
		return nil, fmt.Errorf("metadata: %w", err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, errors.New("metadata: data after the document")
	}
	if m.Order < 1 {
		return nil, fmt.Errorf("metadata: order %d: must be 1 or more", m.Order)
	}
	if len(m.Expect) == 0 {
		return nil, errors.New("metadata: expect: one verdict per saved trace is required")
	}
	for i, v := range m.Expect {
		if !isVerdict(v) {
			return nil, fmt.Errorf("metadata: expect[%d]: %q is not a verdict (allowed, denied, unreachable, unresolved)", i, v)
		}
	}
	if m.Challenge != nil {
		if err := m.Challenge.validate(); err != nil {
			return nil, fmt.Errorf("metadata: challenge: %w", err)
		}
		if m.Challenge.needsActions() && m.Actions == "" {
			return nil, errors.New("metadata: challenge: afterActions and events need the lesson's actions file")
		}
	}
	return &m, nil
}

func isVerdict(v string) bool {
	for _, w := range verdicts {
		if v == w {
			return true
		}
	}
	return false
}
