package share

import (
	"errors"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"privatelink-playground/engine"
)

const testBase = "http://127.0.0.1:8080/"

func TestRoundTripExamples(t *testing.T) {
	for _, ex := range examples(t) {
		t.Run(ex.name, func(t *testing.T) {
			frag, err := Encode(ex.scenario)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(frag, "s=v1.") {
				t.Fatalf("fragment %q does not start with s=v1.", frag[:min(len(frag), 20)])
			}
			if strings.ContainsAny(frag[len("s=v1."):], "+/=#&") {
				t.Errorf("payload is not unpadded base64url")
			}
			link, err := Link(testBase, ex.scenario)
			if err != nil {
				t.Fatal(err)
			}
			if link != testBase+"#"+frag {
				t.Errorf("Link = %q, want base#fragment", link)
			}
			for _, in := range []string{link, "#" + frag, frag, "  " + link + "\n"} {
				got, err := Decode(in)
				if err != nil {
					t.Fatalf("Decode: %v", err)
				}
				assertSameScenario(t, got, ex.scenario)
			}
		})
	}
}

// A scenario decoded from its canonical JSON is a fixed point: encoding it
// again gives the same canonical JSON, and decoding gives a deep-equal value.
func TestCanonicalJSONIsStable(t *testing.T) {
	for _, ex := range examples(t) {
		c := canonical(t, ex.scenario)
		again := canonical(t, c)
		if !reflect.DeepEqual(c, again) {
			t.Errorf("%s: canonical decode is not a fixed point", ex.name)
		}
	}
}

func TestCanonicalJSONKeepsHTMLCharacters(t *testing.T) {
	s := &engine.Scenario{Version: 1, Title: "a <b> & c"}
	doc, err := CanonicalJSON(s)
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"version":1,"title":"a <b> & c"}`; string(doc) != want {
		t.Errorf("got %s, want %s", doc, want)
	}
}

func TestSelectedTrace(t *testing.T) {
	ex := examples(t)[0]
	n := len(ex.scenario.Traces)
	if n == 0 {
		t.Fatalf("%s has no saved traces", ex.name)
	}
	for _, trace := range []int{-1, 0, n - 1} {
		link, err := EncodeLink(testBase+"#old", ex.scenario, trace)
		if err != nil {
			t.Fatalf("EncodeLink(trace %d): %v", trace, err)
		}
		if strings.Contains(link, "#old") {
			t.Errorf("base's fragment kept: %q", link[:40])
		}
		if hasT := strings.Contains(link, "&t="); hasT != (trace >= 0) {
			t.Errorf("trace %d: link has &t= = %v", trace, hasT)
		}
		sh, err := DecodeLink(link)
		if err != nil {
			t.Fatal(err)
		}
		if sh.Trace != trace {
			t.Errorf("Trace = %d, want %d", sh.Trace, trace)
		}
		assertSameScenario(t, sh.Scenario, ex.scenario)
	}
	frag, _ := Encode(ex.scenario)
	// The trace parameter may come first; unknown parameters are ignored.
	sh, err := DecodeLink("#t=0&x=1&" + frag)
	if err != nil || sh.Trace != 0 {
		t.Errorf("t first: trace %d, err %v", sh.Trace, err)
	}
	for _, bad := range []int{-2, n, n + 100} {
		if _, err := EncodeLink(testBase, ex.scenario, bad); !errors.Is(err, ErrTrace) {
			t.Errorf("EncodeLink(trace %d): err %v, want ErrTrace", bad, err)
		}
	}
	for _, bad := range []string{"&t=" + strconv.Itoa(n), "&t=-1", "&t=", "&t=x", "&t=1e3", "&t=9999999", "&t=0&t=0"} {
		_, err := DecodeLink(frag + bad)
		if err == nil {
			t.Errorf("%s: no error", bad)
			continue
		}
		if !errors.Is(err, ErrTrace) && !errors.Is(err, ErrMalformed) {
			t.Errorf("%s: err %v, want ErrTrace or ErrMalformed", bad, err)
		}
	}
}

func TestEncodeRefusesWhatCannotOpen(t *testing.T) {
	if _, err := Encode(nil); err == nil {
		t.Error("Encode(nil): no error")
	}
	// Version 2 breaks engine.Decode's rules: its link would not open.
	_, err := Encode(&engine.Scenario{Version: 2})
	var ps engine.Problems
	if !errors.As(err, &ps) || ps[0].Rule != "VAL-04" {
		t.Errorf("Encode(version 2): err %v, want VAL-04 problems", err)
	}
	var se *Error
	if !errors.As(err, &se) {
		t.Errorf("error %T is not *Error", err)
	}
}

func TestDecodedScenarioFailsNothingOfDecode(t *testing.T) {
	for _, ex := range examples(t) {
		frag, _ := Encode(ex.scenario)
		s, err := Decode(frag)
		if err != nil {
			t.Fatal(err)
		}
		if ps := engine.Validate(s); len(ps) != len(engine.Validate(ex.scenario)) {
			t.Errorf("%s: validation differs after a round trip: %v", ex.name, ps)
		}
	}
}

// An empty egress list (nothing out) and an omitted one (allow all, as AWS
// creates a group) are different scenarios: a link keeps them apart (NET-02).
func TestRule_NET02_LinkKeepsEmptyEgress(t *testing.T) {
	for _, c := range []struct {
		name    string
		egress  []engine.SGRule
		wantNil bool
	}{
		{"omitted", nil, true},
		{"empty", []engine.SGRule{}, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := &engine.Scenario{Version: 1, VPCs: []engine.VPC{{ID: "vpc-a", Account: "111122223333", CIDRBlocks: []string{"10.0.0.0/16"},
				SecurityGroups: []engine.SecurityGroup{{ID: "sg-a", Ingress: []engine.SGRule{}, Egress: c.egress}}}}}
			frag, err := Encode(s)
			if err != nil {
				t.Fatal(err)
			}
			got, err := Decode(frag)
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			if e := got.VPCs[0].SecurityGroups[0].Egress; (e == nil) != c.wantNil || len(e) != 0 {
				t.Errorf("egress after the link = %#v, want nil %t", e, c.wantNil)
			}
		})
	}
}
