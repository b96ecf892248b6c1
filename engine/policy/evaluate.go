package policy

import "strconv"

// Rule IDs that decide an evaluation.
const (
	// RuleEvaluation is POL-01: how the layers combine.
	RuleEvaluation = "POL-01"
	// RuleEndpointFilter is IF-05: the endpoint policy filters every request
	// through the endpoint.
	RuleEndpointFilter = "IF-05"
)

// Evaluate decides a request against the identity, resource and endpoint
// layers (POL-01, IF-05) and explains the decision. It follows the notes and,
// where they are silent, the IAM documentation "Policy evaluation logic":
//   - an explicit Deny in any layer wins;
//   - a request through endpoints needs every endpoint policy to allow it (an
//     endpoint policy only filters; no policy means full access);
//   - within one account an allow of the identity layer or the resource
//     policy suffices; across accounts both must allow;
//   - a resource policy statement that names the caller's account (bare ID or
//     root ARN) delegates to that account's identity policies and grants
//     nothing by itself;
//   - a service principal (vpce.amazonaws.com) or an anonymous caller has no
//     identity policies: the resource policy alone decides;
//   - a KMS key policy (KeyPolicy) must allow even within one account: an
//     identity policy counts only where the key policy names the account.
//
// Layers are listed in the order identity, resource, endpoint; the resource
// layer appears when a resource policy is given, the request crosses
// accounts or the resource is a KMS key, the endpoint layer when
// EndpointPolicies is not nil.
func Evaluate(in Input) Result {
	c := newCaller(in.Request.Principal, in.PrincipalAccount)
	e := &env{
		caller:   c,
		action:   in.Request.Action,
		resource: in.Request.Resource,
		ctx:      newContext(in.Request.Context, c),
	}
	cross := !c.Service && c.Account != "" && in.ResourceAccount != "" && in.ResourceAccount != c.Account

	identity := identityLayer(in, e)
	layers := []LayerResult{identity}
	resource, hasResource := resourceLayer(in, e, cross)
	if hasResource {
		layers = append(layers, resource)
	}
	var endpoint LayerResult
	if in.EndpointPolicies != nil {
		endpoint = endpointLayer(in.EndpointPolicies, e)
		layers = append(layers, endpoint)
	}
	r := Result{Layers: layers, Rule: RuleEvaluation}

	for _, l := range layers {
		if l.Decision == ExplicitDeny {
			r.Decision = ExplicitDeny
			r.Why = "an explicit Deny in the " + l.Layer + " layer wins" + decidedBy(l)
			if l.Layer == LayerEndpoint {
				r.Rule = RuleEndpointFilter
			}
			return r
		}
	}
	if in.EndpointPolicies != nil && endpoint.Decision != Allowed {
		r.Decision = ImplicitDeny
		r.Rule = RuleEndpointFilter
		r.Why = "the endpoint policy does not allow the request, and every request through an endpoint needs its allow"
		return r
	}
	idAllows := identity.Decision == Allowed
	resAllows := hasResource && resource.Decision == Allowed
	switch {
	case identity.Decision == NotApplicable:
		r.Decision, r.Why = decide(resAllows,
			"the resource policy allows the caller, who has no identity policies"+decidedBy(resource),
			"the caller has no identity policies and no resource policy statement allows the request")
	case in.KeyPolicy && !cross:
		direct := resAllows && grants(resource)
		r.Decision, r.Why = decide(direct || (resAllows && idAllows),
			keyAllowedBy(resource, direct),
			"a KMS key policy must allow, by naming the caller or by naming account "+c.Account+" whose identity policies then allow too, but "+keyMissing(resAllows))
	case cross:
		r.Decision, r.Why = decide(idAllows && resAllows,
			"cross-account request (account "+c.Account+" to "+in.ResourceAccount+"): the identity and resource layers both allow",
			"cross-account request (account "+c.Account+" to "+in.ResourceAccount+"): both the identity and the resource layer must allow, but "+missing(idAllows, resAllows)+" does not")
	default:
		r.Decision, r.Why = decide(idAllows || resAllows,
			"same account: "+allowedBy(identity, resource, idAllows)+" allows, which suffices",
			"no statement of the identity or resource layer allows the request (implicit deny)")
	}
	return r
}

// grants reports whether a layer that allows has a matching Allow that
// grants by itself rather than delegating to an account.
func grants(l LayerResult) bool {
	s, ok := l.Deciding()
	return ok && !s.Delegated
}

// keyAllowedBy explains an allowed request on a KMS key within one account.
func keyAllowedBy(key LayerResult, direct bool) string {
	if direct {
		return "the key policy allows the caller" + decidedBy(key) + ", which suffices within one account"
	}
	return "the key policy delegates to the account" + decidedBy(key) + " and the identity layer allows"
}

// keyMissing names what fails a request on a KMS key within one account.
func keyMissing(keyAllows bool) string {
	if keyAllows {
		return "the identity layer does not allow"
	}
	return "the key policy does not (an identity policy alone grants nothing on a key)"
}

// decide picks the decision and its explanation.
func decide(allowed bool, yes, no string) (string, string) {
	if allowed {
		return Allowed, yes
	}
	return ImplicitDeny, no
}

// missing names the layer that fails a cross-account request.
func missing(idAllows, resAllows bool) string {
	switch {
	case !idAllows && !resAllows:
		return "neither"
	case !idAllows:
		return "the identity layer"
	}
	return "the resource layer"
}

// allowedBy names the layer that allows a same-account request.
func allowedBy(identity, resource LayerResult, idAllows bool) string {
	if idAllows {
		return "the identity layer" + decidedBy(identity)
	}
	return "the resource policy" + decidedBy(resource)
}

// decidedBy names a layer's deciding statement, if any: " (Sid)".
func decidedBy(l LayerResult) string {
	s, ok := l.Deciding()
	if !ok {
		return ""
	}
	label := s.Label()
	if s.Policy > 0 {
		label = "policy " + strconv.Itoa(s.Policy) + " " + label
	}
	return " (" + label + ")"
}
