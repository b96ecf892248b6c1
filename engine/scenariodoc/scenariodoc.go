// Package scenariodoc loads a scenario document the way the command line and
// the browser's Terraform export (wasm/terraform) both do: decoded and
// validated by the engine, or refused with an error that names its first
// problem on one line and counts the others.
package scenariodoc

import (
	"fmt"
	"strings"

	"privatelink-playground/engine"
)

// Problems are the problems of a scenario document that does not load, at
// least one. As an error it is the first problem on one line and how many
// more there are: "VAL-01 vpcs[0].account: … (and 3 more problems)".
type Problems engine.Problems

// Error is the first problem and the count of the others, on one line.
func (ps Problems) Error() string {
	return OneLine(ps[0].String()) + moreProblems(len(ps)-1)
}

// Load decodes and validates a scenario document (engine.Load). When it is
// not a valid scenario the error is Problems.
func Load(data []byte) (*engine.Scenario, error) {
	s, problems := engine.Load(data)
	if len(problems) > 0 {
		return nil, Problems(problems)
	}
	return s, nil
}

// OneLine keeps a message on one line.
func OneLine(s string) string {
	return strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s)
}

// moreProblems tells how many problems follow the first.
func moreProblems(n int) string {
	switch n {
	case 0:
		return ""
	case 1:
		return " (and 1 more problem)"
	}
	return fmt.Sprintf(" (and %d more problems)", n)
}
