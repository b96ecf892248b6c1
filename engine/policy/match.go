package policy

import "strings"

// glob reports whether s matches pattern, where '*' matches any run of
// characters (including none) and '?' exactly one. Comparison is exact; the
// callers fold case where IAM ignores it.
func glob(pattern, s string) bool {
	p, t := []rune(pattern), []rune(s)
	pi, ti := 0, 0
	star, mark := -1, 0
	for ti < len(t) {
		switch {
		case pi < len(p) && (p[pi] == '?' || p[pi] == t[ti]):
			pi++
			ti++
		case pi < len(p) && p[pi] == '*':
			star, mark = pi, ti
			pi++
		case star >= 0:
			pi = star + 1
			mark++
			ti = mark
		default:
			return false
		}
	}
	for pi < len(p) && p[pi] == '*' {
		pi++
	}
	return pi == len(p)
}

// matchAction reports whether an action matches a policy action pattern.
// Actions are case-insensitive, service prefix included ("S3:get*" matches
// "s3:GetObject"), with '*' and '?' wildcards.
func matchAction(pattern, action string) bool {
	return glob(strings.ToLower(pattern), strings.ToLower(action))
}

// matchARN reports whether arn matches an ARN pattern, case-sensitively. A
// pattern of six colon-separated parts is matched part by part, as the IAM
// documentation describes for ArnLike ("each of the six colon-delimited
// components of the ARN is checked separately"); the last part (the resource)
// may itself hold colons. "*" matches any resource, and a shorter pattern is
// matched as a whole string.
func matchARN(pattern, arn string) bool {
	if pattern == "*" {
		return true
	}
	pp := strings.SplitN(pattern, ":", 6)
	if len(pp) < 6 {
		return glob(pattern, arn)
	}
	ap := strings.SplitN(arn, ":", 6)
	if len(ap) < 6 {
		return false
	}
	for i := range pp {
		if !glob(pp[i], ap[i]) {
			return false
		}
	}
	return true
}

// firstMatch returns the first pattern of list that value matches.
func firstMatch(list []string, value string, match func(pattern, value string) bool) (string, bool) {
	for _, p := range list {
		if match(p, value) {
			return p, true
		}
	}
	return "", false
}
