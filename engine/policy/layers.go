package policy

import "strconv"

// identityLayer evaluates the caller's identity policies (POL-01).
func identityLayer(in Input, e *env) LayerResult {
	l := LayerResult{Layer: LayerIdentity, Statements: []StatementResult{}}
	switch {
	case e.caller.Service:
		l.Decision = NotApplicable
		l.Why = "service principal " + e.caller.ARN + " has no identity policies: the resource policy decides"
		return l
	case e.caller.ARN == "":
		l.Decision = NotApplicable
		l.Why = "an anonymous caller has no identity policies: the resource policy decides"
		return l
	case len(in.IdentityPolicies) == 0 && in.IdentityAllowsAll:
		l.Decision = Allowed
		l.Why = "no identity policies listed: everything allowed (SCENARIO.md)"
		return l
	case len(in.IdentityPolicies) == 0:
		l.Decision = ImplicitDeny
		l.Why = "no identity policies given: the identity layer allows nothing"
		return l
	}
	l.Statements = evalPolicies(in.IdentityPolicies, e, LayerIdentity)
	l.Decision = combine(l.Statements)
	return l
}

// resourceLayer evaluates the resource policy. It reports false when there is
// no resource policy and the request stays within one account (the layer
// then does not apply).
func resourceLayer(in Input, e *env, cross bool) (LayerResult, bool) {
	l := LayerResult{Layer: LayerResource, Statements: []StatementResult{}}
	if in.ResourcePolicy == nil {
		switch {
		case in.KeyPolicy:
			l.Decision = ImplicitDeny
			l.Why = "no key policy: no one may use the key"
			return l, true
		case !cross:
			return l, false
		}
		l.Decision = ImplicitDeny
		l.Why = "no resource policy: a cross-account request needs the resource policy to allow it"
		return l, true
	}
	l.Statements = evalPolicies([]*Policy{in.ResourcePolicy}, e, LayerResource)
	l.Decision = combine(l.Statements)
	if l.Decision != Allowed {
		return l, true
	}
	for _, s := range l.Statements {
		if s.Matched && s.Effect == EffectAllow && !s.Delegated {
			return l, true
		}
	}
	// Every matching Allow names the caller's account only: a delegation.
	if cross || in.KeyPolicy {
		l.Why = "the resource policy trusts account " + e.caller.Account + ", which delegates to that account's identity policies: they must allow too"
		return l, true
	}
	l.Decision = ImplicitDeny
	l.Why = "the resource policy only names account " + e.caller.Account + ", which delegates to the account's identity policies and grants nothing by itself"
	return l, true
}

// endpointLayer evaluates the policies of the endpoints the request goes
// through: each must allow (IF-05). No policy, or a nil entry, means the
// default full access.
func endpointLayer(policies []*Policy, e *env) LayerResult {
	l := LayerResult{Layer: LayerEndpoint, Statements: []StatementResult{}}
	if len(policies) == 0 {
		l.Decision = Allowed
		l.Why = "default endpoint policy: full access"
		return l
	}
	l.Statements = evalPolicies(policies, e, LayerEndpoint)
	l.Decision = Allowed
	for pi, p := range policies {
		if p == nil {
			if l.Why == "" {
				l.Why = "endpoint policy " + strconv.Itoa(pi) + " is the default: full access"
			}
			continue
		}
		var own []StatementResult
		for _, s := range l.Statements {
			if s.Policy == pi {
				own = append(own, s)
			}
		}
		switch combine(own) {
		case ExplicitDeny:
			l.Decision = ExplicitDeny
			return l
		case ImplicitDeny:
			l.Decision = ImplicitDeny
			if len(policies) > 1 {
				l.Why = "endpoint policy " + strconv.Itoa(pi) + " allows nothing that matches; every endpoint crossed must allow"
			}
		}
	}
	return l
}

// evalPolicies evaluates every statement of every policy of a layer in order;
// nil policies are skipped.
func evalPolicies(policies []*Policy, e *env, layer string) []StatementResult {
	out := []StatementResult{}
	for pi, p := range policies {
		if p == nil {
			continue
		}
		for i := range p.Statements {
			out = append(out, evalStatement(p, pi, i, e, layer))
		}
	}
	return out
}

// combine decides a set of statement results: any matching Deny wins, then
// any matching Allow, else an implicit deny.
func combine(statements []StatementResult) string {
	decision := ImplicitDeny
	for _, s := range statements {
		if !s.Matched {
			continue
		}
		if s.Effect == EffectDeny {
			return ExplicitDeny
		}
		decision = Allowed
	}
	return decision
}
