package share

import (
	"errors"
	"strconv"
	"strings"

	"privatelink-playground/engine"
)

// Error is why a share link could not be made or opened. Reason is a
// sentence a learner can read ("the link's fragment is 70000 bytes long,
// more than the limit of 65536 (MaxLinkBytes)"); Err is the cause underneath, when
// there is one: one of the sentinel errors below, a base64 or DEFLATE
// error, or the engine.Problems of a document that breaks the scenario
// format's rules.
type Error struct {
	Reason string
	Err    error
}

// Error formats the reason and its cause on one line. A document with
// several problems shows the first and says how many follow; Unwrap gives
// them all.
func (e *Error) Error() string {
	msg := "share link: " + e.Reason
	if e.Err == nil {
		return msg
	}
	var ps engine.Problems
	if errors.As(e.Err, &ps) && len(ps) > 0 {
		msg += ": " + ps[0].String()
		if len(ps) > 1 {
			msg += " (and " + strconv.Itoa(len(ps)-1) + " more)"
		}
		return msg
	}
	if isSentinel(e.Err) {
		return msg
	}
	return msg + ": " + firstLine(e.Err.Error())
}

// Unwrap returns the cause, so errors.Is and errors.As see through Error.
func (e *Error) Unwrap() error { return e.Err }

// Sentinel causes of Error, for errors.Is.
var (
	// ErrNoScenario: the link or fragment carries no "s=" parameter.
	ErrNoScenario = errors.New("no scenario in the link")
	// ErrLinkTooLong: the fragment is longer than MaxLinkBytes.
	ErrLinkTooLong = errors.New("link too long")
	// ErrTooLarge: the scenario document is, or inflates to, more than
	// MaxInflatedBytes.
	ErrTooLarge = errors.New("scenario too large")
	// ErrUnknownVersion: the link's version prefix has no decoder.
	ErrUnknownVersion = errors.New("unknown share-link version")
	// ErrMalformed: the fragment's parameters are not of the form
	// s=vN.PAYLOAD[&t=N].
	ErrMalformed = errors.New("malformed share link")
	// ErrCorrupt: the payload is not valid base64url or DEFLATE data.
	ErrCorrupt = errors.New("corrupt share link")
	// ErrTrace: the selected trace (t=N) is not one of the scenario's saved
	// traces.
	ErrTrace = errors.New("no such saved trace")
)

// isSentinel reports whether err is one of the sentinel errors, whose text
// the reason already says.
func isSentinel(err error) bool {
	switch err {
	case ErrNoScenario, ErrLinkTooLong, ErrTooLarge, ErrUnknownVersion, ErrMalformed, ErrCorrupt, ErrTrace:
		return true
	}
	return false
}

// fail builds an *Error.
func fail(cause error, reason string) *Error {
	return &Error{Reason: reason, Err: cause}
}

// failWith builds an *Error whose cause is both a sentinel kind (for
// errors.Is) and the underlying error (for errors.As and the message).
func failWith(kind, cause error, reason string) *Error {
	return &Error{Reason: reason, Err: &causeError{kind: kind, cause: cause}}
}

// causeError is an underlying error classified under a sentinel kind.
type causeError struct {
	kind, cause error
}

// Error is the underlying error's message.
func (c *causeError) Error() string { return c.cause.Error() }

// Unwrap returns the kind and the underlying error.
func (c *causeError) Unwrap() []error { return []error{c.kind, c.cause} }

// firstLine cuts a message at its first newline.
func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
