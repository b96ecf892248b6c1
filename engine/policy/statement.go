package policy

import (
	"strconv"
	"strings"
)

// env is what every statement of one evaluation is matched against.
type env struct {
	caller   caller
	action   string
	resource string
	ctx      requestContext
}

// evalStatement evaluates statement i of policy p, policy number pi of its
// layer. The Principal of identity policies, if any, is ignored.
func evalStatement(p *Policy, pi, i int, e *env, layer string) StatementResult {
	s := p.Statements[i]
	r := StatementResult{Sid: s.Sid, Index: i, Effect: s.Effect, Policy: pi}
	var reasons []string
	failed := ""
	note := func(ok bool, why string) {
		reasons = append(reasons, why)
		if !ok && failed == "" {
			failed = why
		}
	}
	if layer != LayerIdentity {
		var m principalMatch
		switch {
		case s.Principal != nil:
			m = matchPrincipal(s.Principal, e.caller)
		case s.NotPrincipal != nil:
			m = matchNotPrincipal(s.NotPrincipal, e.caller)
		default:
			m = principalMatch{Why: "the statement names no Principal, so it applies to no one"}
		}
		if m.ViaAccount && layer == LayerResource {
			r.Delegated = true
			m.Why += ", which delegates to that account's identity policies"
		}
		note(m.Matched, m.Why)
	}
	note(matchActions(s, e.action))
	note(matchResources(s, e.resource, e.ctx, p.Version == "2012-10-17"))
	for _, c := range s.Conditions {
		cr := evalCondition(c, e.ctx, p.Version == "2012-10-17")
		r.Conditions = append(r.Conditions, cr)
		if !cr.Matched && failed == "" {
			failed = strings.TrimSuffix(cr.Why, " → no match")
		}
	}
	if failed != "" {
		r.Why = failed + " → no match"
		return r
	}
	switch n := len(s.Conditions); n {
	case 0:
	case 1:
		reasons = append(reasons, strings.TrimSuffix(r.Conditions[0].Why, " → match"))
	default:
		reasons = append(reasons, "all "+strconv.Itoa(n)+" conditions match")
	}
	r.Matched = true
	r.Why = strings.Join(reasons, ", ") + " → match"
	return r
}

// matchActions matches the request's action against Action or NotAction.
func matchActions(s Statement, action string) (bool, string) {
	if s.NotAction != nil {
		if p, ok := firstMatch(s.NotAction, action, matchAction); ok {
			return false, "action " + action + " is excluded by NotAction " + quote(p)
		}
		return true, "action " + action + " is not in NotAction " + quoteList(s.NotAction)
	}
	if p, ok := firstMatch(s.Action, action, matchAction); ok {
		return true, "action " + action + " matches " + quote(p)
	}
	return false, "action " + action + " is not in Action " + quoteList(s.Action)
}

// matchResources matches the request's resource against Resource or
// NotResource, expanding policy variables when the policy's version allows.
func matchResources(s Statement, resource string, ctx requestContext, variables bool) (bool, string) {
	list, not := s.Resource, false
	if s.NotResource != nil {
		list, not = s.NotResource, true
	}
	note := ""
	if variables {
		list, note = expandAll(list, ctx)
	}
	p, ok := firstMatch(list, resource, matchARN)
	switch {
	case not && ok:
		return false, "resource " + resource + " is excluded by NotResource " + quote(p) + note
	case not:
		return true, "resource " + resource + " is not in NotResource " + quoteList(list) + note
	case ok:
		return true, "resource " + resource + " matches " + quote(p) + note
	}
	return false, "resource " + resource + " is not in Resource " + quoteList(list) + note
}
