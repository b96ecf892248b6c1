package app

import (
	"errors"
	"fmt"
	"strings"

	"privatelink-playground/engine"
	"privatelink-playground/engine/awsimport"
	"privatelink-playground/engine/lessons"
	"privatelink-playground/engine/share"
)

// ShareFragment is the URL fragment (without '#') that reopens the current
// document and the saved trace on show: "lesson=ID" for an unchanged
// built-in lesson, else the share link "s=v1.…".
func (s *Store) ShareFragment() (string, error) {
	if s.Lesson.ID != "" && !s.CanUndo() && len(s.Events) == 0 {
		return "lesson=" + s.Lesson.ID, nil
	}
	link, err := s.shareLink()
	if err != nil {
		return "", err
	}
	return strings.TrimPrefix(link, "#"), nil
}

// ShareLink is the link that reopens the current document: always a full
// share link, so it opens on any copy of the playground.
func (s *Store) ShareLink(base string) (string, error) {
	link, err := s.shareLink()
	if err != nil {
		return "", err
	}
	return joinLink(base, link), nil
}

// OpenFragment opens what a URL fragment names: a share link or a lesson.
// An empty fragment changes nothing; a bad one leaves the document as it
// was and says why.
func (s *Store) OpenFragment(fragment string) error {
	fragment = strings.TrimPrefix(fragment, "#")
	switch {
	case fragment == "":
		return nil
	case strings.HasPrefix(fragment, "lesson="):
		id := strings.TrimPrefix(fragment, "lesson=")
		if id == s.Lesson.ID && !s.CanUndo() && len(s.Events) == 0 {
			return nil // already open, as the lesson ships
		}
		l, ok := lessons.ByID(id)
		if !ok {
			return fmt.Errorf("there is no lesson %q", id)
		}
		return s.OpenLesson(l)
	case strings.HasPrefix(fragment, "s="):
		shared, err := share.DecodeLink("#" + fragment)
		if err != nil {
			return err
		}
		s.Open(shared.Scenario)
		s.ShowSaved(shared.Trace) // -1: the link showed no trace
		return nil
	}
	return errors.New("the link's fragment is neither a shared scenario (#s=…) nor a lesson (#lesson=…)")
}

// ImportFiles opens files a learner chose or dropped: one scenario JSON
// document, or the output of aws ec2 describe-* commands (one or several
// files), which is mapped to a scenario. It returns what the AWS import
// could not map; on error the document is unchanged.
func (s *Store) ImportFiles(files map[string][]byte) ([]awsimport.Note, error) {
	if len(files) == 0 {
		return nil, errors.New("no file to import")
	}
	if len(files) == 1 {
		for name, data := range files {
			if looksLikeScenario(data) {
				sc, err := engine.Decode(data)
				if err != nil {
					return nil, fmt.Errorf("%s: %w", name, err)
				}
				s.Open(sc)
				return nil, nil
			}
		}
	}
	res, err := awsimport.Import(files)
	if err != nil {
		return nil, err
	}
	s.Open(res.Scenario)
	return res.Unmapped, nil
}

// looksLikeScenario tells a scenario document from AWS CLI output: the
// scenario format's top level has "version", the CLI's capitalised keys.
func looksLikeScenario(data []byte) bool {
	doc, err := decodeDocument(data)
	if err != nil {
		return true // let the scenario decoder say what is wrong
	}
	m, ok := doc.(map[string]any)
	if !ok {
		return true
	}
	_, has := m["version"]
	return has
}
