package app

import (
	"fmt"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"privatelink-playground/engine"
)

// LessonPanel tells the lesson's story and lists its saved traces with the
// verdicts the engine computes for them.
type LessonPanel struct {
	app.Compo

	// Store is the playground's store.
	Store *Store
	// Revision is the store's revision.
	Revision int
}

// Render draws the narrative and the saved traces.
func (l *LessonPanel) Render() app.UI {
	s := l.Store
	return app.Section().Class("lesson").Aria("label", "Lesson").Body(
		app.H2().Text(s.Scenario.Title),
		markdown(s.Scenario.Description),
		challengeBox(s),
		app.Section().Class("traces").Aria("label", "Saved traces").Body(
			app.H3().Text("Saved traces"),
			app.If(len(s.Scenario.Traces) == 0, func() app.UI {
				return app.P().Class("muted").Text("No saved traces yet: trace a request below.")
			}),
			app.If(len(s.Scenario.Traces) > 0 && len(s.Saved) == 0, func() app.UI {
				return app.P().Class("muted").Text("Fix the scenario's problems to see the verdicts.")
			}),
			app.Ol().Class("trace-list").Body(
				app.Range(s.Saved).Slice(func(i int) app.UI {
					t := s.Saved[i]
					cls := "trace-item"
					if i == s.TraceIndex {
						cls += " selected"
					}
					return app.Li().Class(cls).DataSet("index", i).Body(
						app.Button().Class("trace-pick").
							Aria("pressed", i == s.TraceIndex).
							OnClick(func(ctx app.Context, e app.Event) { s.ShowSaved(i) }, app.EventScope(i)).
							Body(
								verdictBadge(t.Verdict),
								app.Span().Class("trace-request").Text(describeRequest(t.Request)),
								expectation(s, i, t.Verdict),
							),
					)
				}),
			),
		),
	)
}

func verdictBadge(v string) app.UI {
	return app.Span().Class("verdict verdict-" + v).Text(engine.VerdictIcon(v) + " " + v)
}

func describeRequest(r engine.TraceRequest) string {
	s := fmt.Sprintf("%s → %s:%d", r.From, r.To, r.Port)
	if r.Action != "" {
		s += " " + r.Action
	}
	return s
}

// expectation says what the lesson expects of saved trace i when the
// learner's edits changed its verdict.
func expectation(s *Store, i int, got string) app.UI {
	if i >= len(s.Lesson.Expect) || s.Lesson.Expect[i] == got {
		return nil
	}
	return app.Span().Class("expected").Text("lesson expects " + s.Lesson.Expect[i])
}

// challengeBox shows the lesson's challenge and whether the document solves it.
func challengeBox(s *Store) app.UI {
	c := s.challengeOf()
	if c == nil || s.Challenge == nil {
		return nil
	}
	r := s.Challenge
	state, cls := "not solved yet", "challenge"
	if r.Solved {
		state, cls = "★ solved", "challenge solved"
	}
	return app.Section().ID("challenge").Class(cls).Aria("label", "Challenge").Body(
		app.H3().Body(app.Text("Challenge "), app.Span().ID("challenge-state").Class("challenge-state").Text(state)),
		app.P().Class("challenge-goal").Text(c.Goal),
		app.If(c.Hint != "", func() app.UI {
			return app.Details().Body(app.Summary().Text("Hint"), app.P().Text(c.Hint))
		}),
		app.Ul().Class("checks").Body(app.Range(r.Checks).Slice(func(i int) app.UI {
			ch := r.Checks[i]
			mark, cls := "✗", "check fail"
			if ch.OK {
				mark, cls = "✓", "check ok"
			}
			return app.Li().Class(cls).Body(
				app.Span().Class("check-mark").Text(mark),
				app.Span().Text(" "+ch.What),
				app.If(ch.Why != "", func() app.UI { return app.Span().Class("check-why").Text(" — " + ch.Why) }),
			)
		})),
	)
}
