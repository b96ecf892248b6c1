package policy

import "strings"

// ConditionResult is the evaluation of one operator/key pair of a statement's
// Condition block.
type ConditionResult struct {
	Operator string `json:"operator"`
	Key      string `json:"key"`
	Matched  bool   `json:"matched"`
	Why      string `json:"why"`
}

// evalCondition evaluates one condition against the request context. It
// follows "IAM JSON policy elements: Condition operators" where the notes
// are silent:
//   - a key absent from the request: a positive operator does not match, a
//     negated one (StringNotEquals, NotIpAddress …) matches, …IfExists
//     matches, ForAllValues matches (an empty set), ForAnyValue does not;
//   - Null: true matches an absent key, false a present one;
//   - the values of one key are ORed; a negated operator matches when the
//     request value equals none of them;
//   - ForAnyValue: some request value satisfies the operator; ForAllValues:
//     every request value does.
func evalCondition(c Condition, ctx requestContext, variables bool) ConditionResult {
	r := ConditionResult{Operator: c.Operator, Key: c.Key}
	matched, detail := conditionOutcome(c, ctx, variables)
	r.Matched = matched
	r.Why = "condition " + c.Operator + " " + c.Key + ": " + detail + " → " + verdict(matched)
	return r
}

// verdict words a match for explanations.
func verdict(matched bool) string {
	if matched {
		return "match"
	}
	return "no match"
}

// conditionOutcome decides a condition and explains it in a phrase.
func conditionOutcome(c Condition, ctx requestContext, variables bool) (bool, string) {
	values, present := ctx.get(c.Key)
	if c.op.Family == famNull {
		return nullOutcome(c, present)
	}
	if !present {
		switch {
		case c.IfExists:
			return true, "key is absent from the request, and …IfExists matches an absent key"
		case c.Qualifier == ForAllValues:
			return true, "key is absent from the request, and ForAllValues matches an empty set"
		case c.Qualifier == ForAnyValue:
			return false, "key is absent from the request, and ForAnyValue needs at least one value"
		case c.op.Negated:
			return true, "key is absent from the request, and a negated operator matches an absent key"
		}
		return false, "key is absent from the request"
	}
	policyValues, note := c.Values, ""
	if variables && substitutes(c.op.Family) {
		policyValues, note = expandAll(c.Values, ctx)
	}
	op := c.op
	holds := make([]bool, len(values))
	for i, v := range values {
		holds[i] = op.holds(v, policyValues)
	}
	list := quoteList(policyValues)
	positive := op.relation(true) + " " + list
	switch c.Qualifier {
	case ForAnyValue, ForAllValues:
		// Per request value the (possibly negated) operator must hold:
		// for some value (ForAnyValue) or for every value (ForAllValues).
		want := c.Qualifier == ForAllValues
		for i, v := range values {
			if (holds[i] != op.Negated) != want {
				return !want, quote(v) + " " + op.relation(holds[i]) + " " + list + note
			}
		}
		if want != op.Negated {
			return want, "every value of " + quoteList(values) + " " + positive + note
		}
		return want, "no value of " + quoteList(values) + " " + positive + note
	}
	for i, v := range values {
		if holds[i] {
			return !op.Negated, quote(v) + " " + positive + note
		}
	}
	if len(values) == 1 {
		return op.Negated, quote(values[0]) + " " + op.relation(false) + " " + list + note
	}
	return op.Negated, "no value of " + quoteList(values) + " " + positive + note
}

// nullOutcome decides a Null condition: true wants the key absent, false
// wants it present; the policy values are ORed.
func nullOutcome(c Condition, present bool) (bool, string) {
	state := "absent from"
	if present {
		state = "present in"
	}
	for _, v := range c.Values {
		if strings.EqualFold(v, "true") != present {
			return true, "key is " + state + " the request, as Null " + quote(v) + " wants"
		}
	}
	return false, "key is " + state + " the request, but Null " + quoteList(c.Values) + " wants it otherwise"
}

// substitutes reports whether policy variables apply to an operator family
// (IAM replaces them in String and Arn conditions).
func substitutes(f family) bool {
	return f == famString || f == famStringIgnoreCase || f == famStringLike || f == famARN
}

// expandAll expands policy variables in each value, dropping values whose
// variables the request lacks (they match nothing), and returns a note
// naming the missing keys.
func expandAll(values []string, ctx requestContext) ([]string, string) {
	out := make([]string, 0, len(values))
	var missing []string
	for _, v := range values {
		e, ok, key := expandVariables(v, ctx)
		if !ok {
			missing = append(missing, key)
			continue
		}
		out = append(out, e)
	}
	if len(missing) == 0 {
		return out, ""
	}
	return out, " (policy variable ${" + strings.Join(missing, "}, ${") + "} is absent from the request, so its value matches nothing)"
}
