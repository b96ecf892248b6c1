package share

import (
	"errors"
	"testing"

	"privatelink-playground/engine"
)

// checkDecoded is the property every Decode result has: an *Error and
// nothing else, or a scenario whose canonical JSON passes engine.Decode's
// limits, with a trace that is -1 or one of its saved traces.
func checkDecoded(t *testing.T, sh Shared, err error) {
	if err != nil {
		var se *Error
		if !errors.As(err, &se) {
			t.Fatalf("error %v (%T) is not a *share.Error", err, err)
		}
		if sh.Scenario != nil {
			t.Fatal("a scenario returned with an error")
		}
		return
	}
	if sh.Scenario == nil {
		t.Fatal("no scenario and no error")
	}
	if sh.Trace < -1 || sh.Trace >= len(sh.Scenario.Traces) {
		t.Fatalf("trace %d of %d", sh.Trace, len(sh.Scenario.Traces))
	}
	doc, err := CanonicalJSON(sh.Scenario)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc) > MaxInflatedBytes {
		t.Fatalf("canonical JSON of %d bytes", len(doc))
	}
	if _, err := engine.Decode(doc); err != nil {
		t.Fatalf("decoded scenario fails engine.Decode: %v", err)
	}
}

// FuzzDecode opens arbitrary links: it never panics, and never returns a
// scenario that fails engine.Decode's limits.
func FuzzDecode(f *testing.F) {
	for _, ex := range examples(f) {
		link, err := EncodeLink(testBase, ex.scenario, 0)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(link)
	}
	for _, s := range []string{"", "#", "s=", "s=v1.", "s=v9.abc", "s=v1.@@", "#s=v1.qwerty&t=0", "s=v1.AAAA&t=99"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, link string) {
		sh, err := DecodeLink(link)
		checkDecoded(t, sh, err)
	})
}

// FuzzDecodeDocument deflates arbitrary documents into links, to reach the
// document decoder more often than random base64 would.
func FuzzDecodeDocument(f *testing.F) {
	for _, ex := range examples(f) {
		f.Add(ex.data)
	}
	f.Add([]byte(`{"version":1}`))
	f.Add([]byte(`{"version":1,"title":"\u2028<&>"}`))
	f.Add([]byte("{\"version\":1,\"title\":\"\xff\"}"))
	f.Fuzz(func(t *testing.T, doc []byte) {
		if len(doc) > MaxInflatedBytes+1 {
			return
		}
		c, err := deflate(doc)
		if err != nil {
			t.Fatal(err)
		}
		frag := linkOf(c)
		if len(frag) > MaxLinkBytes {
			return
		}
		sh, err := DecodeLink(frag)
		checkDecoded(t, sh, err)
	})
}
