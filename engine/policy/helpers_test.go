package policy

import (
	"os"
	"path/filepath"
	"testing"
)

// mustParse parses a policy or fails the test.
func mustParse(t testing.TB, doc string) *Policy {
	t.Helper()
	p, err := Parse([]byte(doc))
	if err != nil {
		t.Fatalf("Parse: %v\n%s", err, doc)
	}
	return p
}

// mustEndpoint parses an endpoint policy or fails the test.
func mustEndpoint(t testing.TB, doc string) *Policy {
	t.Helper()
	p, err := ParseEndpointPolicy([]byte(doc))
	if err != nil {
		t.Fatalf("ParseEndpointPolicy: %v\n%s", err, doc)
	}
	return p
}

// testdata parses a policy file of testdata/.
func testdata(t testing.TB, name string) *Policy {
	t.Helper()
	return mustParse(t, mustReadString(t, name))
}

// mustReadString reads a file of testdata/.
func mustReadString(t testing.TB, name string) string {
	t.Helper()
	doc, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(doc)
}

// ctx builds a request context from key, value pairs.
func ctx(kv ...string) map[string][]string {
	m := map[string][]string{}
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i]] = append(m[kv[i]], kv[i+1])
	}
	return m
}

// req is a request by role/app of 111122223333 to read a bucket object.
func req(context map[string][]string) Request {
	return Request{
		Principal: "arn:aws:iam::111122223333:role/app",
		Action:    "s3:GetObject",
		Resource:  "arn:aws:s3:::bucket/key",
		Context:   context,
	}
}

// allowAll is an identity policy allowing everything.
const allowAll = `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}`

// checkResult verifies invariants every Result must hold.
func checkResult(t testing.TB, r Result) {
	t.Helper()
	switch r.Decision {
	case Allowed, ExplicitDeny, ImplicitDeny:
	default:
		t.Errorf("decision %q is not a decision", r.Decision)
	}
	if r.Why == "" || r.Rule == "" {
		t.Errorf("result without why or rule: %+v", r)
	}
	for _, l := range r.Layers {
		for _, s := range l.Statements {
			if s.Why == "" {
				t.Errorf("%s %s: empty why", l.Layer, s.Label())
			}
		}
		if d, ok := l.Deciding(); ok != (l.Decision == Allowed || l.Decision == ExplicitDeny) && l.Why == "" {
			t.Errorf("%s layer %s: deciding %v %v and no why", l.Layer, l.Decision, d, ok)
		}
	}
}
