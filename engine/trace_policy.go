package engine

import (
	"fmt"
	"slices"
	"strings"

	"privatelink-playground/engine/policy"
)

// deliverService records the arrival at an AWS service with the context
// the request carries (POL-03), then evaluates the policies when the
// request names an action.
func (t *tracer) deliverService(a arrival) string {
	name := a.service.ServiceName(a.region)
	store, storeName := t.store(a.service)
	if store != nil && a.gateway != nil && store.d.Region != a.region {
		t.hop(HopEndpoint, a.gateway.e.ID, DecisionUnreachable, "GW-09", "%s is in %s: gateway endpoint %s reaches only %s's resources in %s.", storeName, store.d.Region, a.gateway.e.ID, a.service.Title, a.region)
		return VerdictUnreachable
	}
	var ctx map[string][]string
	if t.req.Action != "" || !t.quiet { // the policies or the hop's sentence use it
		ctx = t.context(a, store)
	}
	how := "over public addresses"
	switch {
	case a.gateway != nil:
		how = "through gateway endpoint " + a.gateway.e.ID
	case a.endpoint != nil:
		how = "through interface endpoint " + a.endpoint.e.ID
	}
	more := ""
	if t.req.Action == "" {
		more = " No action is given, so no policy is evaluated."
	}
	t.hop(HopService, name, DecisionReached, "POL-03", "%s in %s receives the request %s from %s; it sets %s.%s", a.service.Title, a.region, how, a.sourceIP, contextList(ctx), more)
	if t.req.Action == "" {
		return VerdictAllowed
	}
	return t.authorize(a, ctx, store, storeName)
}

// store finds the resource the request's resource ARN names, with its
// resource policy (POL-01): a bucket (arn:aws:s3:::bucket[/key]), a table
// (arn:aws:dynamodb:REGION:ACCOUNT:table/NAME[/…]), an SNS topic
// (arn:aws:sns:…) or a KMS key (arn:aws:kms:…:key/…) of the scenario. A
// table whose ARN names another account or Region than the one written is
// another table. It returns nil and the ARN for a resource the scenario
// does not describe.
func (t *tracer) store(s *Service) (*storeNode, string) {
	res := t.resource()
	switch {
	case strings.HasPrefix(res, "arn:aws:s3:::"):
		name, _, _ := strings.Cut(strings.TrimPrefix(res, "arn:aws:s3:::"), "/")
		return t.w.buckets[name], name
	case strings.HasPrefix(res, "arn:aws:dynamodb:"):
		_, rest, ok := strings.Cut(res, ":table/")
		if !ok {
			break
		}
		name, _, _ := strings.Cut(rest, "/")
		st := t.w.ddbTables[name]
		if st == nil || !sameOrUnset(arnAccount(res), st.d.Account) || !sameOrUnset(arnRegion(res), t.storeRegion(st)) {
			return nil, name
		}
		return st, name
	case strings.HasPrefix(res, "arn:aws:sns:"):
		if st := t.w.topics[res]; st != nil {
			return st, res
		}
	case strings.HasPrefix(res, "arn:aws:kms:"):
		if st := t.w.kmsKeys[res]; st != nil {
			return st, res
		}
	}
	return nil, res
}

// storeRegion is the Region of a bucket or table: its own, else the
// scenario's.
func (t *tracer) storeRegion(st *storeNode) string {
	if st.d.Region != "" {
		return st.d.Region
	}
	return t.w.region
}

// sameOrUnset reports whether an ARN's field is empty or equals want.
func sameOrUnset(field, want string) bool { return field == "" || field == want }

// resource is the request's resource ARN; for an S3 virtual-hosted name
// without one, the bucket the name designates.
func (t *tracer) resource() string {
	if t.req.Resource == "" && t.bucket != "" {
		return "arn:aws:s3:::" + t.bucket
	}
	return t.req.Resource
}

// context sets the condition keys of POL-03 from the path the request took.
func (t *tracer) context(a arrival, store *storeNode) map[string][]string {
	ctx := map[string][]string{"aws:SecureTransport": {"true"}}
	if p := t.principal(); p != "" {
		arn, acct := policy.PrincipalKeys(p)
		ctx["aws:PrincipalArn"] = []string{arn}
		if acct != "" {
			ctx["aws:PrincipalAccount"] = []string{acct}
		}
	}
	en := a.gateway
	if en == nil {
		en = a.endpoint
	}
	if en != nil {
		ctx["aws:SourceVpce"] = []string{en.e.ID}
		ctx["aws:SourceVpc"] = []string{en.vpc.v.ID}
		ctx["aws:VpcSourceIp"] = []string{a.sourceIP.String()}
	} else if a.sourceIP.IsValid() {
		ctx["aws:SourceIp"] = []string{a.sourceIP.String()}
	}
	if store != nil && a.service.Name == "s3" {
		ctx["s3:ResourceAccount"] = []string{store.d.Account}
	}
	return ctx
}

// contextList is a request's context as a hop's sentence lists it, formatted
// only when a sentence is written.
type contextList map[string][]string

// String lists the context keys, in a fixed order, and their values.
func (c contextList) String() string {
	keys := make([]string, 0, len(c))
	for k := range c {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + "=" + strings.Join(c[k], ",")
	}
	return strings.Join(parts, ", ")
}

// authorize evaluates the endpoint, resource and identity policies (POL-01,
// IF-05) and records one hop per layer, the deciding layer last.
func (t *tracer) authorize(a arrival, ctx map[string][]string, store *storeNode, storeName string) string {
	principal := t.principal()
	in := policy.Input{
		Request: policy.Request{Principal: principal, Action: t.req.Action, Resource: t.resource(), Context: ctx},
	}
	if store != nil {
		in.ResourcePolicy = store.policy
		in.ResourceAccount = store.d.Account
		in.KeyPolicy = store.keyPolicy
	} else {
		in.ResourceAccount = arnAccount(t.resource())
	}
	if list, listed := t.w.principals[principal]; listed {
		in.IdentityPolicies = list
	} else {
		in.IdentityAllowsAll = true
	}
	en := a.gateway
	if en == nil {
		en = a.endpoint
	}
	if en != nil {
		in.EndpointPolicies = []*policy.Policy{nil}
		if en.policy != nil && a.service.EndpointPolicies {
			in.EndpointPolicies = []*policy.Policy{en.policy}
		}
	}
	r := policy.Evaluate(in)
	order := layerOrder(r)
	for i, li := range order {
		l := r.Layers[li]
		kind, at, rule := HopIdentityPolicy, orUnknown(principal), "POL-01"
		switch l.Layer {
		case policy.LayerEndpoint:
			kind, at, rule = HopEndpointPolicy, en.e.ID, "IF-05"
		case policy.LayerResource:
			kind, at = HopResourcePolicy, storeName
		}
		if principal == "" && l.Layer == policy.LayerIdentity {
			at = "anonymous"
		}
		detail := layerDetail(l, en, a.service)
		if l.Layer == policy.LayerResource && store != nil && store.keyPolicy {
			detail = strings.Replace(detail, "The resource policy", "The key policy", 1)
		}
		if i == len(order)-1 {
			if r.Rule != "" && l.Decision != policy.Allowed {
				rule = r.Rule
			}
			if r.Why != "" {
				detail += " Overall: " + r.Why + "."
			}
		}
		t.hop(kind, orUnknown(at), l.Decision, rule, "%s", detail)
	}
	if r.Decision == policy.Allowed {
		if len(order) == 0 || r.Layers[order[len(order)-1]].Decision != policy.Allowed {
			t.hop(HopIdentityPolicy, orUnknown(principal), DecisionAllowed, "POL-01", "The request is allowed: %s.", r.Why)
		}
		return VerdictAllowed
	}
	last := ""
	if len(order) > 0 {
		last = r.Layers[order[len(order)-1]].Decision
	}
	if last != policy.ExplicitDeny && last != policy.ImplicitDeny {
		t.hop(HopResourcePolicy, orUnknown(storeName), DecisionImplicitDeny, "POL-01", "No policy allows the request: %s.", r.Why)
	}
	return VerdictDenied
}

// layerOrder lists the result's layers for hops: endpoint, resource,
// identity, with the layer that decided moved last.
func layerOrder(r policy.Result) []int {
	rank := map[string]int{policy.LayerEndpoint: 0, policy.LayerResource: 1, policy.LayerIdentity: 2}
	idx := make([]int, len(r.Layers))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return rank[r.Layers[a].Layer] - rank[r.Layers[b].Layer] })
	deciding := -1
	for _, i := range idx {
		l := r.Layers[i]
		switch {
		case r.Decision == policy.ExplicitDeny && l.Decision == policy.ExplicitDeny && deciding < 0:
			deciding = i
		case r.Decision == policy.ImplicitDeny && r.Rule == "IF-05" && l.Layer == policy.LayerEndpoint:
			deciding = i
		case r.Decision == policy.ImplicitDeny && r.Rule != "IF-05" && l.Decision == policy.ImplicitDeny:
			deciding = i
		case r.Decision == policy.Allowed && l.Decision == policy.Allowed:
			deciding = i
		}
	}
	if deciding < 0 {
		return idx
	}
	out := make([]int, 0, len(idx))
	for _, i := range idx {
		if i != deciding {
			out = append(out, i)
		}
	}
	return append(out, deciding)
}

// layerDetail explains one layer's decision by its deciding statement.
func layerDetail(l policy.LayerResult, en *endpointNode, s *Service) string {
	name := map[string]string{policy.LayerEndpoint: "The endpoint policy", policy.LayerResource: "The resource policy", policy.LayerIdentity: "The identity policy"}[l.Layer]
	if l.Layer == policy.LayerEndpoint && en != nil {
		switch {
		case !s.EndpointPolicies:
			name = "Endpoint " + en.e.ID + " (" + s.Title + " does not support endpoint policies: full access)"
		case en.policy == nil:
			name = "The endpoint policy of " + en.e.ID + " (default: full access)"
		default:
			name = "The endpoint policy of " + en.e.ID
		}
	}
	verb := map[string]string{policy.Allowed: "allows", policy.ExplicitDeny: "denies explicitly", policy.ImplicitDeny: "does not allow (implicit deny)", policy.NotApplicable: "does not apply"}[l.Decision]
	if st, ok := l.Deciding(); ok {
		return fmt.Sprintf("%s %s: statement %q (%s) matches: %s.", name, verb, st.Label(), st.Effect, strings.TrimSuffix(st.Why, "."))
	}
	if l.Why != "" {
		return fmt.Sprintf("%s %s: %s.", name, verb, strings.TrimSuffix(l.Why, "."))
	}
	return fmt.Sprintf("%s %s: no statement matches the request.", name, verb)
}
