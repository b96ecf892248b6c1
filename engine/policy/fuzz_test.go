package policy

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzParse checks that parsing and evaluating never panic and that every
// rejection is an *Error.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.json"))
	for _, name := range files {
		doc, err := os.ReadFile(name)
		if err == nil {
			f.Add(doc)
		}
	}
	f.Add([]byte(allowAll))
	f.Add([]byte(`{"Statement":{"Effect":"Allow","Action":"*","Resource":"arn:aws:s3:::${aws:username}/*","Condition":{"ForAllValues:StringLike":{"k":"${a"}}}}`))
	f.Fuzz(func(t *testing.T, doc []byte) {
		p, err := Parse(doc)
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("error %T is not an *Error: %v", err, err)
			}
			return
		}
		_, _ = ParseEndpointPolicy(doc)
		_, _ = ParseInput(doc)
		r := Evaluate(Input{
			Request:          req(ctx("aws:SourceVpce", "vpce-1", "aws:username", "ana", "aws:SourceIp", "2001:db8::1")),
			ResourceAccount:  "444455556666",
			IdentityPolicies: []*Policy{p},
			ResourcePolicy:   p,
			EndpointPolicies: []*Policy{p},
		})
		if r.Decision == "" {
			t.Fatal("empty decision")
		}
	})
}
