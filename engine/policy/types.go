// Package policy parses IAM policy documents and evaluates a request against
// the identity, resource and endpoint policy layers (RULES.md POL-01…POL-06,
// IF-05), returning an explanation: each layer's decision, every statement's
// evaluation and, for each condition, why it matched or not.
//
// The package is pure Go with the standard library only; it holds no state and
// its results are deterministic.
package policy

import "strconv"

// Decisions of an evaluation and of a layer.
const (
	Allowed       = "allowed"
	ExplicitDeny  = "explicitDeny"
	ImplicitDeny  = "implicitDeny"
	NotApplicable = "notApplicable"
)

// Layer names of a LayerResult.
const (
	LayerIdentity = "identity"
	LayerResource = "resource"
	LayerEndpoint = "endpoint"
)

// Effects of a statement.
const (
	EffectAllow = "Allow"
	EffectDeny  = "Deny"
)

// Policy is a parsed IAM policy document.
type Policy struct {
	Version    string
	ID         string
	Statements []Statement
	// Size is the document's length in characters (POL-06).
	Size int
}

// Statement is one statement of a policy. At most one of each pair Principal /
// NotPrincipal, Action / NotAction and Resource / NotResource is set (nil
// means absent); Parse ensures one of Action / NotAction and one of Resource /
// NotResource is set and non-empty.
type Statement struct {
	Sid          string
	Effect       string
	Principal    *Principal
	NotPrincipal *Principal
	Action       []string
	NotAction    []string
	Resource     []string
	NotResource  []string
	Conditions   []Condition
}

// Principal is a Principal or NotPrincipal element. Wildcard is true for the
// bare "*" form; otherwise the typed lists hold what the document named.
type Principal struct {
	Wildcard      bool
	AWS           []string
	Service       []string
	Federated     []string
	CanonicalUser []string
}

// Condition is one operator/key pair of a Condition block with its values,
// as Parse builds it. Conditions of a statement are ANDed; the values of one
// condition are ORed.
type Condition struct {
	// Operator is the operator as written, e.g. "ForAnyValue:StringLikeIfExists".
	Operator string
	// Base is the operator without qualifier and IfExists suffix, e.g. "StringLike".
	Base string
	// Qualifier is "", "ForAnyValue" or "ForAllValues".
	Qualifier string
	// IfExists is true for the ...IfExists form.
	IfExists bool
	// Key is the condition key as written (compared case-insensitively).
	Key string
	// Values are the policy values as strings (bools and numbers converted).
	Values []string

	op operator
}

// Error is a malformed policy or input: the rule it breaks (POL-05 or POL-06),
// the path of the offending element and what is wrong.
type Error struct {
	Rule    string
	Path    string
	Message string
}

// Error formats the error as "RULE path: message".
func (e *Error) Error() string {
	if e.Path == "" {
		return e.Rule + " " + e.Message
	}
	return e.Rule + " " + e.Path + ": " + e.Message
}

// Request is the request being authorized.
type Request struct {
	// Principal is the caller's ARN, e.g. arn:aws:iam::111122223333:role/app,
	// or a service principal such as vpce.amazonaws.com.
	Principal string `json:"principal"`
	// Action is the API action, e.g. s3:GetObject.
	Action string `json:"action"`
	// Resource is the resource ARN, e.g. arn:aws:s3:::bucket/key.
	Resource string `json:"resource"`
	// Context maps condition keys (any case) to their values (POL-03).
	Context map[string][]string `json:"context,omitempty"`
}

// Input is everything Evaluate needs for one request.
type Input struct {
	Request Request
	// PrincipalAccount is the caller's account; derived from the principal's
	// ARN when empty.
	PrincipalAccount string
	// ResourceAccount owns the resource; "" means the caller's account.
	ResourceAccount string
	// IdentityPolicies are the caller's identity policies; nil or empty means
	// no identity layer is given (unless IdentityAllowsAll).
	IdentityPolicies []*Policy
	// ResourcePolicy is the resource's policy; nil means none.
	ResourcePolicy *Policy
	// EndpointPolicies are the policies of the endpoints the request goes
	// through; nil means the request does not go through an endpoint. An
	// empty slice or a nil entry stands for an endpoint with the default
	// full-access policy.
	EndpointPolicies []*Policy
	// IdentityAllowsAll makes the identity layer an implicit allow-all: in a
	// scenario, a principal not listed has an identity policy allowing
	// everything (SCENARIO.md).
	IdentityAllowsAll bool
	// KeyPolicy marks ResourcePolicy as a KMS key policy, which follows its
	// own rules (POL-01): without a key policy no one may use the key, and
	// within one account the key policy must allow, by a statement naming
	// the caller (that suffices) or by one naming the caller's account
	// (then an identity policy must allow too); an identity policy alone
	// grants nothing. Across accounts both layers must allow, as for any
	// resource.
	KeyPolicy bool
}

// Result is the outcome of Evaluate: the final decision and each applicable
// layer's evaluation.
type Result struct {
	Decision string        `json:"decision"`
	Layers   []LayerResult `json:"layers"`
	// Rule is the RULES.md ID that decided: IF-05 when the endpoint policy
	// refused, else POL-01.
	Rule string `json:"rule,omitempty"`
	// Why explains the decision in one sentence.
	Why string `json:"why,omitempty"`
}

// LayerResult is the evaluation of one layer (all of its policies).
type LayerResult struct {
	Layer      string            `json:"layer"`
	Decision   string            `json:"decision"`
	Statements []StatementResult `json:"statements"`
	// Why explains a decision that no statement made (no policies given,
	// default full access, delegation to an account, several endpoints).
	Why string `json:"why,omitempty"`
}

// StatementResult is the evaluation of one statement with a one-sentence why.
type StatementResult struct {
	Sid     string `json:"sid,omitempty"`
	Index   int    `json:"index"`
	Effect  string `json:"effect"`
	Matched bool   `json:"matched"`
	Why     string `json:"why"`
	// Policy is the index of the statement's policy within its layer (several
	// identity or endpoint policies); 0 for a single policy.
	Policy int `json:"policy,omitempty"`
	// Delegated is true when a resource policy statement matched the caller
	// only through its account (bare ID or root ARN): it delegates to that
	// account's identity policies and grants nothing by itself (POL-01).
	Delegated bool `json:"delegated,omitempty"`
	// Conditions explains each condition of the statement, in document order.
	Conditions []ConditionResult `json:"conditions,omitempty"`
}

// Deciding returns the statement that decided a layer: the first matching
// Deny of a layer that denies explicitly, else the first matching Allow of a
// layer that allows. It reports false when no statement decided (an implicit
// deny, or a layer decided by default; see Why).
func (l LayerResult) Deciding() (StatementResult, bool) {
	want := ""
	switch l.Decision {
	case ExplicitDeny:
		want = EffectDeny
	case Allowed:
		want = EffectAllow
	default:
		return StatementResult{}, false
	}
	// A statement that grants by itself decides before one that only
	// delegates to an account.
	for _, delegated := range []bool{false, true} {
		for _, s := range l.Statements {
			if s.Matched && s.Effect == want && s.Delegated == delegated {
				return s, true
			}
		}
	}
	return StatementResult{}, false
}

// Layer returns the result of the named layer, if it was evaluated.
func (r Result) Layer(name string) (LayerResult, bool) {
	for _, l := range r.Layers {
		if l.Layer == name {
			return l, true
		}
	}
	return LayerResult{}, false
}

// Label names a statement for a trace hop: its Sid, or "Statement[i]".
func (s StatementResult) Label() string {
	if s.Sid != "" {
		return s.Sid
	}
	return "Statement[" + strconv.Itoa(s.Index) + "]"
}
