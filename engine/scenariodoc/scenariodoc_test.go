package scenariodoc

import (
	"errors"
	"strings"
	"testing"

	"privatelink-playground/engine/lessons"
)

func TestLoadAcceptsAValidScenario(t *testing.T) {
	s, err := Load(lessons.Default().Scenario)
	if err != nil || s == nil {
		t.Fatalf("Load(default lesson) = %v, %v", s, err)
	}
}

func TestLoadRefusesWithTheFirstProblemOnOneLine(t *testing.T) {
	for _, c := range []struct {
		name, doc, prefix, more string
	}{
		{"invalid", `{"version": 1, "vpcs": [{"id": "vpc-1", "account": "111122223333", "cidrBlocks": ["10.0.0.0/8"]}, {"id": "vpc-2", "account": "1", "cidrBlocks": ["10.0.0.0/8"]}]}`,
			"VAL-01 vpcs[0].account: ", " more problems)"},
		{"malformed", `{"version": 1, "vpcs": [`, "VAL-04 ", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			s, err := Load([]byte(c.doc))
			var ps Problems
			if s != nil || !errors.As(err, &ps) {
				t.Fatalf("Load = %v, %v; want Problems", s, err)
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, c.prefix) || strings.ContainsAny(msg, "\r\n") || !strings.Contains(msg, c.more) {
				t.Errorf("error %q: want one line starting %q and containing %q", msg, c.prefix, c.more)
			}
		})
	}
}

func TestProblemsCountsTheOthers(t *testing.T) {
	p := Problems{{Rule: "VAL-01", Path: "vpcs[0]", Message: "a\nb"}}
	for n, want := range map[int]string{1: "VAL-01 vpcs[0]: a b", 2: "VAL-01 vpcs[0]: a b (and 1 more problem)", 4: "VAL-01 vpcs[0]: a b (and 3 more problems)"} {
		ps := append(Problems(nil), p...)
		for len(ps) < n {
			ps = append(ps, p[0])
		}
		if got := ps.Error(); got != want {
			t.Errorf("%d problems: %q, want %q", n, got, want)
		}
	}
}
