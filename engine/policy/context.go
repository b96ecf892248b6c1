package policy

import (
	"sort"
	"strings"
)

// requestContext holds the request's condition keys, lower-cased: condition
// key names are case-insensitive (POL-02).
type requestContext map[string][]string

// newContext folds the caller's context keys to lower case. Keys that differ
// only in case are merged in sorted order, so the result is deterministic.
// aws:PrincipalArn and aws:PrincipalAccount are filled in from the caller when
// absent, since AWS always sets them for IAM principals (POL-03).
func newContext(in map[string][]string, c caller) requestContext {
	keys := make([]string, 0, len(in))
	for k := range in {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	ctx := make(requestContext, len(in)+2)
	for _, k := range keys {
		lk := strings.ToLower(k)
		ctx[lk] = append(ctx[lk], in[k]...)
	}
	if c.ARN != "" && !c.Service {
		if _, ok := ctx["aws:principalarn"]; !ok {
			arn, _ := PrincipalKeys(c.ARN)
			ctx["aws:principalarn"] = []string{arn}
		}
		if _, ok := ctx["aws:principalaccount"]; !ok && c.Account != "" {
			ctx["aws:principalaccount"] = []string{c.Account}
		}
	}
	return ctx
}

// get returns a key's values; present is false when the key is absent or has
// no values.
func (ctx requestContext) get(key string) (values []string, present bool) {
	v := ctx[strings.ToLower(key)]
	return v, len(v) > 0
}
