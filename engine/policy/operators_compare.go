package policy

import (
	"math"
	"net/netip"
	"strconv"
	"strings"
	"time"
)

// holds reports whether one request value satisfies the positive form of op
// against at least one policy value (the values of one key are ORed).
func (op operator) holds(value string, policyValues []string) bool {
	for _, p := range policyValues {
		if op.compare(value, p) {
			return true
		}
	}
	return false
}

// compare applies the positive form of op to a request value and one policy
// value.
func (op operator) compare(value, p string) bool {
	switch op.Family {
	case famString, famBinary:
		return value == p
	case famStringIgnoreCase:
		return strings.EqualFold(value, p)
	case famStringLike:
		return glob(p, value)
	case famARN:
		// ArnEquals and ArnLike behave alike: both accept wildcards (IAM
		// "Condition operators": ARN condition operators).
		return strings.HasPrefix(value, "arn:") && matchARN(p, value)
	case famBool:
		return strings.EqualFold(value, p)
	case famIP:
		r, ok1 := parseRange(p)
		a, ok2 := parseAddr(value)
		return ok1 && ok2 && r.Contains(a)
	case famNumeric:
		a, ok1 := parseNumber(value)
		b, ok2 := parseNumber(p)
		return ok1 && ok2 && relate(op.Rel, compareFloat(a, b))
	case famDate:
		a, ok1 := parseDate(value)
		b, ok2 := parseDate(p)
		return ok1 && ok2 && relate(op.Rel, a.Compare(b))
	}
	return false
}

// relate applies a relation to the result of a three-way comparison.
func relate(rel string, cmp int) bool {
	switch rel {
	case "=":
		return cmp == 0
	case "<":
		return cmp < 0
	case "<=":
		return cmp <= 0
	case ">":
		return cmp > 0
	case ">=":
		return cmp >= 0
	}
	return false
}

// compareFloat is a three-way comparison of two numbers.
func compareFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// parseNumber parses an integer or decimal number.
func parseNumber(s string) (float64, bool) {
	f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, false
	}
	return f, true
}

// dateLayouts are the ISO 8601 forms IAM accepts for Date operators.
var dateLayouts = []string{time.RFC3339Nano, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04Z07:00", "2006-01-02"}

// parseDate parses an ISO 8601 date or time, or epoch seconds.
func parseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, true
		}
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		return time.Unix(n, 0).UTC(), true
	}
	return time.Time{}, false
}

// parseRange parses an IPv4 or IPv6 CIDR, or a bare address as a single-
// address range.
func parseRange(s string) (netip.Prefix, bool) {
	s = strings.TrimSpace(s)
	if strings.Contains(s, "/") {
		p, err := netip.ParsePrefix(s)
		if err != nil {
			return netip.Prefix{}, false
		}
		if p.Addr().Is4In6() {
			return netip.Prefix{}, false
		}
		return p.Masked(), true
	}
	a, ok := parseAddr(s)
	if !ok {
		return netip.Prefix{}, false
	}
	return netip.PrefixFrom(a, a.BitLen()), true
}

// parseAddr parses an IP address; IPv4-mapped IPv6 addresses become IPv4.
func parseAddr(s string) (netip.Addr, bool) {
	a, err := netip.ParseAddr(strings.TrimSpace(s))
	if err != nil || a.Zone() != "" {
		return netip.Addr{}, false
	}
	return a.Unmap(), true
}

// relation phrases the positive form of op for explanations: whether a value
// holds ("is in", "matches", "is less than one of") or not.
func (op operator) relation(holds bool) string {
	var yes, no string
	switch op.Family {
	case famStringLike, famARN:
		yes, no = "matches", "does not match"
	case famNumeric, famDate:
		word := "equal to"
		switch op.Rel {
		case "<":
			word = "less than"
		case "<=":
			word = "at most"
		case ">":
			word = "greater than"
		case ">=":
			word = "at least"
		}
		yes, no = "is "+word+" one of", "is not "+word+" any of"
	case famStringIgnoreCase:
		yes, no = "is, ignoring case, in", "is not, ignoring case, in"
	default:
		yes, no = "is in", "is not in"
	}
	if holds {
		return yes
	}
	return no
}
