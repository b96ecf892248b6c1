package policy

import "strings"

// expandVariables replaces policy variables (${aws:username},
// ${aws:PrincipalTag/team, 'none'}, and the escapes ${*}, ${?}, ${$}) with
// values from the request context, as IAM does for policies of Version
// 2012-10-17. ok is false when a variable names a key the request lacks and
// gives no default: IAM then treats the value as matching nothing. missing
// names that key. A multivalued key contributes its first value (IAM does
// not allow multivalued keys as variables). The escapes ${*} and ${?} expand
// to the characters themselves, which then act as wildcards in Like
// comparisons: a simplification of IAM.
func expandVariables(s string, ctx requestContext) (out string, ok bool, missing string) {
	if !strings.Contains(s, "${") {
		return s, true, ""
	}
	var b strings.Builder
	rest := s
	for {
		start := strings.Index(rest, "${")
		if start < 0 {
			b.WriteString(rest)
			return b.String(), true, ""
		}
		end := strings.Index(rest[start:], "}")
		if end < 0 {
			b.WriteString(rest)
			return b.String(), true, ""
		}
		b.WriteString(rest[:start])
		inner := rest[start+2 : start+end]
		rest = rest[start+end+1:]
		switch inner {
		case "*", "?", "$":
			b.WriteString(inner)
			continue
		}
		key, def, hasDefault := strings.Cut(inner, ",")
		key = strings.TrimSpace(key)
		if vals, present := ctx.get(key); present {
			b.WriteString(vals[0])
			continue
		}
		if hasDefault {
			def = strings.TrimSpace(def)
			if len(def) >= 2 && def[0] == '\'' && def[len(def)-1] == '\'' {
				b.WriteString(def[1 : len(def)-1])
				continue
			}
		}
		return "", false, key
	}
}
