package policy

import "strings"

// family groups condition operators that compare values the same way.
type family int

// Operator families of "IAM JSON policy elements: Condition operators".
const (
	famString family = iota
	famStringIgnoreCase
	famStringLike
	famARN
	famNumeric
	famDate
	famBool
	famIP
	famBinary
	famNull
)

// operator describes one base condition operator (no qualifier, no IfExists).
type operator struct {
	Name    string
	Family  family
	Negated bool   // the Not… forms: the negation of the positive comparison
	Rel     string // the relation for Numeric and Date: = < <= > >=
}

// operators is the fixed table of base operators (never modified).
var operators = []operator{
	{Name: "StringEquals", Family: famString},
	{Name: "StringNotEquals", Family: famString, Negated: true},
	{Name: "StringEqualsIgnoreCase", Family: famStringIgnoreCase},
	{Name: "StringNotEqualsIgnoreCase", Family: famStringIgnoreCase, Negated: true},
	{Name: "StringLike", Family: famStringLike},
	{Name: "StringNotLike", Family: famStringLike, Negated: true},
	{Name: "ArnEquals", Family: famARN},
	{Name: "ArnNotEquals", Family: famARN, Negated: true},
	{Name: "ArnLike", Family: famARN},
	{Name: "ArnNotLike", Family: famARN, Negated: true},
	{Name: "NumericEquals", Family: famNumeric, Rel: "="},
	{Name: "NumericNotEquals", Family: famNumeric, Rel: "=", Negated: true},
	{Name: "NumericLessThan", Family: famNumeric, Rel: "<"},
	{Name: "NumericLessThanEquals", Family: famNumeric, Rel: "<="},
	{Name: "NumericGreaterThan", Family: famNumeric, Rel: ">"},
	{Name: "NumericGreaterThanEquals", Family: famNumeric, Rel: ">="},
	{Name: "DateEquals", Family: famDate, Rel: "="},
	{Name: "DateNotEquals", Family: famDate, Rel: "=", Negated: true},
	{Name: "DateLessThan", Family: famDate, Rel: "<"},
	{Name: "DateLessThanEquals", Family: famDate, Rel: "<="},
	{Name: "DateGreaterThan", Family: famDate, Rel: ">"},
	{Name: "DateGreaterThanEquals", Family: famDate, Rel: ">="},
	{Name: "Bool", Family: famBool},
	{Name: "BinaryEquals", Family: famBinary},
	{Name: "IpAddress", Family: famIP},
	{Name: "NotIpAddress", Family: famIP, Negated: true},
	{Name: "Null", Family: famNull},
}

// lookupOperator finds a base operator by name, ignoring case.
func lookupOperator(name string) (operator, bool) {
	for _, op := range operators {
		if strings.EqualFold(op.Name, name) {
			return op, true
		}
	}
	return operator{}, false
}

// Set-operator qualifiers for multivalued keys.
const (
	ForAnyValue  = "ForAnyValue"
	ForAllValues = "ForAllValues"
)

// splitOperator splits a written operator such as
// "ForAllValues:StringLikeIfExists" into qualifier, base operator and the
// IfExists flag. It returns a message for an unknown or invalid operator.
func splitOperator(written string) (qualifier string, op operator, ifExists bool, problem string) {
	rest := written
	if q, after, ok := strings.Cut(written, ":"); ok {
		switch {
		case strings.EqualFold(q, ForAnyValue):
			qualifier = ForAnyValue
		case strings.EqualFold(q, ForAllValues):
			qualifier = ForAllValues
		default:
			return "", op, false, "unknown qualifier " + quote(q) + " (want ForAnyValue or ForAllValues)"
		}
		rest = after
	}
	op, ok := lookupOperator(rest)
	if !ok && len(rest) > len("IfExists") && strings.EqualFold(rest[len(rest)-len("IfExists"):], "IfExists") {
		op, ok = lookupOperator(rest[:len(rest)-len("IfExists")])
		ifExists = ok
	}
	if !ok {
		return "", op, false, "unknown condition operator " + quote(rest)
	}
	if op.Family == famNull && (ifExists || qualifier != "") {
		return "", op, false, "Null takes neither IfExists nor a ForAnyValue/ForAllValues qualifier"
	}
	return qualifier, op, ifExists, ""
}
