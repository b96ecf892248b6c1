// Package share is the codec of the playground's share links: a scenario
// travels in a URL's fragment, so it never reaches a server and a link
// works offline.
//
// A link's fragment is
//
//	s=v1.PAYLOAD[&t=N]
//
// where PAYLOAD is base64url without padding (RFC 4648 §5) of raw DEFLATE
// (RFC 1951, no zlib header) of the scenario's canonical JSON (see
// CanonicalJSON), and the optional t=N selects the scenario's saved trace
// number N (counting from 0). Versions are kept: a later version adds a
// decoder and a migration, and every v1 link keeps opening.
//
// Anyone may craft a link, so Decode treats every fragment as untrusted: it
// bounds the link (MaxLinkBytes) and what it inflates to (MaxInflatedBytes)
// before allocating for them, decodes the scenario strictly with
// engine.Decode, and never panics. Every failure is an *Error with a reason
// a learner can read.
package share

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"privatelink-playground/engine"
)

// Shared is what a link carries: a scenario and the saved trace it selects.
type Shared struct {
	Scenario *engine.Scenario
	// Trace is the index of the selected saved trace in Scenario.Traces,
	// or -1 when the link selects none.
	Trace int
}

// CanonicalJSON is the document a link carries: encoding/json's encoding of
// the scenario, fields in the order of the engine.Scenario struct
// declarations, empty optional fields omitted (omitempty), free-form JSON
// (policies, layout) compacted, no indentation and no trailing newline. It
// is json.Marshal's output except that '<', '>' and '&' are written as
// themselves rather than as \u003c, \u003e and \u0026, which keeps links
// short and policies within their length limit. Decoding a scenario from its
// canonical JSON and encoding it again gives the same bytes.
func CanonicalJSON(s *engine.Scenario) ([]byte, error) {
	if s == nil {
		return nil, fail(nil, "there is no scenario to share")
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		return nil, &Error{Reason: "the scenario cannot be written as JSON", Err: err}
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// Encode returns the fragment of a link to the scenario, "s=v1.…", without
// the '#'. It refuses a scenario that its own link could not open: one that
// engine.Decode refuses, or one too large for MaxInflatedBytes or
// MaxLinkBytes.
func Encode(s *engine.Scenario) (string, error) {
	return encodeFragment(s, -1)
}

// Link returns base + "#" + Encode(s). A fragment already on base is
// replaced.
func Link(base string, s *engine.Scenario) (string, error) {
	return EncodeLink(base, s, -1)
}

// EncodeLink is Link with a selected saved trace: trace is an index of
// s.Traces, or -1 for none.
func EncodeLink(base string, s *engine.Scenario, trace int) (string, error) {
	frag, err := encodeFragment(s, trace)
	if err != nil {
		return "", err
	}
	if i := strings.IndexByte(base, '#'); i >= 0 {
		base = base[:i]
	}
	return base + "#" + frag, nil
}

// encodeFragment builds "s=v1.PAYLOAD[&t=N]".
func encodeFragment(s *engine.Scenario, trace int) (string, error) {
	doc, err := CanonicalJSON(s)
	if err != nil {
		return "", err
	}
	if len(doc) > MaxInflatedBytes {
		return "", fail(ErrTooLarge, fmt.Sprintf("the scenario is %d bytes of JSON, more than the limit of %d (MaxInflatedBytes)", len(doc), MaxInflatedBytes))
	}
	if _, err := engine.Decode(doc); err != nil {
		return "", &Error{Reason: "the scenario breaks the scenario format's rules, so its link would not open", Err: err}
	}
	if trace < -1 || trace >= len(s.Traces) {
		return "", fail(ErrTrace, traceReason(trace, len(s.Traces)))
	}
	payload, err := encodeV1(doc)
	if err != nil {
		return "", &Error{Reason: "the scenario cannot be compressed", Err: err}
	}
	frag := "s=" + CurrentVersion + "." + payload
	if trace >= 0 {
		frag += "&t=" + strconv.Itoa(trace)
	}
	if len(frag) > MaxLinkBytes {
		return "", fail(ErrLinkTooLong, fmt.Sprintf("the scenario compresses to a link of %d bytes, more than the limit of %d (MaxLinkBytes); export it as a file instead", len(frag), MaxLinkBytes))
	}
	return frag, nil
}

// Decode opens a share link and returns its scenario. It accepts a full URL
// ("https://…/#s=v1.…"), a fragment with or without its '#' ("#s=v1.…",
// "s=v1.…"), with or without a selected trace.
func Decode(linkOrFragment string) (*engine.Scenario, error) {
	sh, err := DecodeLink(linkOrFragment)
	if err != nil {
		return nil, err
	}
	return sh.Scenario, nil
}

// DecodeLink opens a share link as Decode does and also returns the saved
// trace it selects (-1 for none). On error the Shared holds no scenario and
// trace -1, and the error is an *Error.
func DecodeLink(link string) (Shared, error) {
	sh, err := decodeLink(link)
	if err != nil {
		return Shared{Trace: -1}, err
	}
	return sh, nil
}

// decodeLink does DecodeLink's work.
func decodeLink(link string) (Shared, error) {
	frag, err := fragment(link)
	if err != nil {
		return Shared{}, err
	}
	p, err := parseParams(frag)
	if err != nil {
		return Shared{}, err
	}
	dec, ok := decoderFor(p.version)
	if !ok {
		return Shared{}, fail(ErrUnknownVersion, fmt.Sprintf("unknown share-link version %s; this playground opens %s", p.version, knownVersions()))
	}
	doc, err := dec.decode(p.payload)
	if err != nil {
		return Shared{}, err
	}
	doc, err = migrate(p.version, doc)
	if err != nil {
		return Shared{}, err
	}
	s, err := decodeDocument(doc)
	if err != nil {
		return Shared{}, err
	}
	if p.trace < -1 || p.trace >= len(s.Traces) {
		return Shared{}, fail(ErrTrace, traceReason(p.trace, len(s.Traces)))
	}
	return Shared{Scenario: s, Trace: p.trace}, nil
}

// decodeDocument decodes a current scenario document with engine.Decode
// and checks that the scenario can be shared again: its canonical JSON,
// which escapes some characters the document may have written literally,
// must also be within the limits.
func decodeDocument(doc []byte) (*engine.Scenario, error) {
	if !utf8.Valid(doc) {
		return nil, fail(ErrCorrupt, "the shared scenario is not UTF-8 text")
	}
	s, err := engine.Decode(doc)
	if err != nil {
		var ps engine.Problems
		if errors.As(err, &ps) {
			return nil, &Error{Reason: "the shared scenario breaks the scenario format's rules", Err: ps}
		}
		return nil, &Error{Reason: "the shared scenario cannot be read", Err: err}
	}
	canon, err := CanonicalJSON(s)
	if err != nil {
		return nil, err
	}
	if len(canon) > MaxInflatedBytes {
		return nil, fail(ErrTooLarge, fmt.Sprintf("the shared scenario is %d bytes as canonical JSON, more than the limit of %d (MaxInflatedBytes)", len(canon), MaxInflatedBytes))
	}
	if _, err := engine.Decode(canon); err != nil {
		return nil, &Error{Reason: "the shared scenario could not be shared again", Err: err}
	}
	return s, nil
}

// fragment finds the fragment of a link and checks its length.
func fragment(link string) (string, error) {
	link = strings.TrimSpace(link)
	frag := link
	if i := strings.IndexByte(link, '#'); i >= 0 {
		frag = link[i+1:]
	} else if !strings.HasPrefix(link, "s=") {
		return "", fail(ErrNoScenario, "the link has no #s=… fragment, so it carries no scenario")
	}
	if len(frag) > MaxLinkBytes {
		return "", fail(ErrLinkTooLong, fmt.Sprintf("the link's fragment is %d bytes long, more than the limit of %d (MaxLinkBytes)", len(frag), MaxLinkBytes))
	}
	return frag, nil
}

// params are the parts of a fragment.
type params struct {
	version string
	payload string
	trace   int
}

// parseParams splits "s=vN.PAYLOAD[&t=N]". Parameters other than s and t
// are ignored, so a later page may add its own; s and t may each appear
// once.
func parseParams(frag string) (params, error) {
	p := params{trace: -1}
	var s string
	seenS, seenT := false, false
	for _, kv := range strings.Split(frag, "&") {
		key, value, _ := strings.Cut(kv, "=")
		switch key {
		case "s":
			if seenS {
				return p, fail(ErrMalformed, "the link has more than one s= parameter")
			}
			seenS, s = true, value
		case "t":
			if seenT {
				return p, fail(ErrMalformed, "the link has more than one t= parameter")
			}
			seenT = true
			n, err := parseTrace(value)
			if err != nil {
				return p, err
			}
			p.trace = n
		}
	}
	if !seenS {
		return p, fail(ErrNoScenario, "the link's fragment has no s= parameter, so it carries no scenario")
	}
	version, payload, ok := strings.Cut(s, ".")
	if !ok || !versionPattern.MatchString(version) {
		return p, fail(ErrMalformed, "the link's s= parameter does not start with a version such as \"v1.\"")
	}
	p.version, p.payload = version, payload
	return p, nil
}

// parseTrace reads t=N: a saved trace index of at most six digits.
func parseTrace(value string) (int, error) {
	if value == "" || len(value) > 6 || strings.Trim(value, "0123456789") != "" {
		return 0, fail(ErrMalformed, "the link's t= parameter is not a saved trace number")
	}
	n, err := strconv.Atoi(value)
	if err != nil {
		return 0, fail(ErrMalformed, "the link's t= parameter is not a saved trace number")
	}
	return n, nil
}

// traceReason explains a trace index that names no saved trace.
func traceReason(trace, saved int) string {
	switch {
	case trace < 0:
		return fmt.Sprintf("saved trace %d does not exist: saved traces count from 0", trace)
	case saved == 0:
		return fmt.Sprintf("saved trace %d does not exist: the scenario has no saved traces", trace)
	case saved == 1:
		return fmt.Sprintf("saved trace %d does not exist: the scenario has 1 saved trace (number 0)", trace)
	}
	return fmt.Sprintf("saved trace %d does not exist: the scenario has %d saved traces (0 to %d)", trace, saved, saved-1)
}
