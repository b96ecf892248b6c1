package app

import (
	"privatelink-playground/engine"
	"privatelink-playground/engine/lessons"
)

// maxEvents bounds the event log the page keeps.
const maxEvents = 500

// RunActions applies lifecycle actions (aws ec2-style) to the document on
// the simulated clock; the resulting scenario replaces the document (the
// change can be undone) and the events go to the log. A refused action is an
// event naming its rule, not an error; the error is for malformed input.
func (s *Store) RunActions(actions []engine.Action) error {
	next, events, err := engine.Apply(s.Scenario, actions)
	if err != nil {
		return err
	}
	s.Edit(func(sc *engine.Scenario) { *sc = *next })
	s.Events = append(s.Events, events...)
	if len(s.Events) > maxEvents {
		s.Events = s.Events[len(s.Events)-maxEvents:]
	}
	s.Revision++
	return nil
}

// RunActionsJSON decodes actions (a JSON array, as the CLI's --actions file)
// and runs them.
func (s *Store) RunActionsJSON(doc []byte) error {
	actions, err := engine.DecodeActions(doc)
	if err != nil {
		return err
	}
	return s.RunActions(actions)
}

// checkChallenge checks the open lesson's challenge against the document.
func (s *Store) checkChallenge() {
	s.Challenge = nil
	if s.Lesson.Challenge == nil || s.Scenario == nil {
		return
	}
	var r lessons.ChallengeResult
	if s.World != nil {
		r = s.Lesson.Challenge.CheckCompiled(s.Scenario, s.World)
	} else {
		r = s.Lesson.Challenge.Check(s.Scenario)
	}
	s.Challenge = &r
}

// challengeOf is the open lesson's challenge, nil when it has none.
func (s *Store) challengeOf() *lessons.Challenge { return s.Lesson.Challenge }
