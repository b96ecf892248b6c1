package policy

import (
	"encoding/json"
	"reflect"
	"testing"
)

const (
	allowGet        = `{"Version":"2012-10-17","Statement":[{"Sid":"Get","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::bucket/*"}]}`
	denyGet         = `{"Version":"2012-10-17","Statement":[{"Sid":"NoGet","Effect":"Deny","Action":"s3:Get*","Resource":"*"}]}`
	bucketAnyone    = `{"Statement":[{"Sid":"Anyone","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::bucket/*"}]}`
	bucketRole      = `{"Statement":[{"Sid":"Role","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:role/app"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::bucket/*"}]}`
	bucketAccount   = `{"Statement":[{"Sid":"Account","Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::bucket/*"}]}`
	bucketRoot      = `{"Statement":[{"Sid":"Root","Effect":"Allow","Principal":{"AWS":["arn:aws:iam::111122223333:root"]},"Action":"s3:GetObject","Resource":"arn:aws:s3:::bucket/*"}]}`
	bucketDeny      = `{"Statement":[{"Sid":"DenyAll","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*"}]}`
	bucketOther     = `{"Statement":[{"Sid":"Other","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:role/other"},"Action":"s3:GetObject","Resource":"*"}]}`
	bucketNotRole   = `{"Statement":[{"Sid":"AllButApp","Effect":"Deny","NotPrincipal":{"AWS":"arn:aws:iam::111122223333:role/app"},"Action":"s3:*","Resource":"*"}]}`
	endpointAll     = `{"Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}`
	endpointPut     = `{"Statement":[{"Sid":"PutOnly","Effect":"Allow","Principal":"*","Action":"s3:PutObject","Resource":"*"}]}`
	endpointAccount = `{"Statement":[{"Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"*","Resource":"*"}]}`
	endpointForeign = `{"Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::999988887777:root"},"Action":"*","Resource":"*"}]}`
	endpointDeny    = `{"Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"},{"Sid":"NoBucket","Effect":"Deny","Principal":"*","Action":"*","Resource":"arn:aws:s3:::bucket/*"}]}`
)

// pols parses policies; "" stands for none.
func pols(t *testing.T, docs ...string) []*Policy {
	var out []*Policy
	for _, d := range docs {
		out = append(out, mustParse(t, d))
	}
	return out
}

// one parses a single optional policy.
func one(t *testing.T, doc string) *Policy {
	if doc == "" {
		return nil
	}
	return mustParse(t, doc)
}

func TestRule_POL01_ExplicitDenyWins(t *testing.T) {
	tests := []struct {
		name       string
		identity   []string
		resource   string
		endpoint   []string
		want       string
		wantLayer  string
		wantDecide string
	}{
		{"identity deny beats identity allow", []string{allowGet, denyGet}, "", nil, ExplicitDeny, LayerIdentity, "NoGet"},
		{"resource deny beats identity allow", []string{allowGet}, bucketDeny, nil, ExplicitDeny, LayerResource, "DenyAll"},
		{"endpoint deny beats both allows", []string{allowGet}, bucketAnyone, []string{endpointDeny}, ExplicitDeny, LayerEndpoint, "NoBucket"},
		{"NotPrincipal deny spares the named role", []string{allowGet}, bucketNotRole, nil, Allowed, LayerIdentity, "Get"},
		{"without a deny the allow stands", []string{allowGet}, bucketAnyone, []string{endpointAll}, Allowed, LayerIdentity, "Get"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := Input{Request: req(nil), IdentityPolicies: pols(t, tt.identity...), ResourcePolicy: one(t, tt.resource)}
			if tt.endpoint != nil {
				in.EndpointPolicies = pols(t, tt.endpoint...)
			}
			r := Evaluate(in)
			checkResult(t, r)
			if r.Decision != tt.want {
				t.Fatalf("decision = %s, want %s (%s)", r.Decision, tt.want, r.Why)
			}
			l, ok := r.Layer(tt.wantLayer)
			if !ok {
				t.Fatalf("no %s layer", tt.wantLayer)
			}
			s, ok := l.Deciding()
			if !ok || s.Label() != tt.wantDecide {
				t.Errorf("deciding statement of %s = %q %v, want %q", tt.wantLayer, s.Label(), ok, tt.wantDecide)
			}
		})
	}
}

func TestRule_POL01_AccountsAndLayers(t *testing.T) {
	tests := []struct {
		name            string
		identity        []string
		allowsAll       bool
		resource        string
		resourceAccount string
		want            string
	}{
		{"same account: identity alone", []string{allowGet}, false, "", "", Allowed},
		{"same account: resource policy alone", nil, false, bucketRole, "", Allowed},
		{"same account: resource principal * alone", nil, false, bucketAnyone, "111122223333", Allowed},
		{"same account: neither", nil, false, bucketOther, "", ImplicitDeny},
		{"same account: identity allows all (SCENARIO.md)", nil, true, "", "", Allowed},
		{"same account: no identity policies, nothing else", nil, false, "", "", ImplicitDeny},
		{"same account: account principal only delegates", nil, false, bucketAccount, "", ImplicitDeny},
		{"same account: root principal only delegates", nil, false, bucketRoot, "", ImplicitDeny},
		{"same account: delegation plus identity", []string{allowGet}, false, bucketRoot, "", Allowed},
		{"cross account: both allow", []string{allowGet}, false, bucketRole, "444455556666", Allowed},
		{"cross account: delegation to the account plus identity", []string{allowGet}, false, bucketAccount, "444455556666", Allowed},
		{"cross account: identity allows all, resource names the account", nil, true, bucketRoot, "444455556666", Allowed},
		{"cross account: resource alone", nil, false, bucketAnyone, "444455556666", ImplicitDeny},
		{"cross account: identity alone, no resource policy", []string{allowGet}, false, "", "444455556666", ImplicitDeny},
		{"cross account: identity alone, resource names another", []string{allowGet}, false, bucketOther, "444455556666", ImplicitDeny},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Evaluate(Input{
				Request:           req(nil),
				ResourceAccount:   tt.resourceAccount,
				IdentityPolicies:  pols(t, tt.identity...),
				IdentityAllowsAll: tt.allowsAll,
				ResourcePolicy:    one(t, tt.resource),
			})
			checkResult(t, r)
			if r.Decision != tt.want {
				t.Errorf("decision = %s, want %s (%s)", r.Decision, tt.want, r.Why)
			}
		})
	}
}

func TestRule_POL01_PrincipalMatching(t *testing.T) {
	tests := []struct {
		name      string
		principal string
		caller    string
		want      bool
	}{
		{"star", `"*"`, "arn:aws:iam::111122223333:role/app", true},
		{"AWS star", `{"AWS":"*"}`, "arn:aws:iam::111122223333:user/ana", true},
		{"AWS star is not a service", `{"AWS":"*"}`, "vpce.amazonaws.com", false},
		{"role exact", `{"AWS":"arn:aws:iam::111122223333:role/app"}`, "arn:aws:iam::111122223333:role/app", true},
		{"role other", `{"AWS":"arn:aws:iam::111122223333:role/app"}`, "arn:aws:iam::111122223333:role/app2", false},
		{"role session", `{"AWS":"arn:aws:iam::111122223333:role/app"}`, "arn:aws:sts::111122223333:assumed-role/app/i-0abc", true},
		{"account id", `{"AWS":"111122223333"}`, "arn:aws:iam::111122223333:user/ana", true},
		{"account id other", `{"AWS":"111122223333"}`, "arn:aws:iam::999988887777:user/ana", false},
		{"service", `{"Service":"vpce.amazonaws.com"}`, "vpce.amazonaws.com", true},
		{"service other", `{"Service":"vpce.amazonaws.com"}`, "sns.amazonaws.com", false},
		{"service is not a role", `{"Service":"vpce.amazonaws.com"}`, "arn:aws:iam::111122223333:role/app", false},
		{"federated", `{"Federated":"cognito-identity.amazonaws.com"}`, "cognito-identity.amazonaws.com", true},
		{"federated other", `{"Federated":"accounts.google.com"}`, "cognito-identity.amazonaws.com", false},
		{"principal key case", `{"aws":["arn:aws:iam::111122223333:role/app"]}`, "arn:aws:iam::111122223333:role/app", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := mustParse(t, `{"Statement":{"Effect":"Deny","Principal":`+tt.principal+`,"Action":"*","Resource":"*"}}`)
			r := Evaluate(Input{Request: Request{Principal: tt.caller, Action: "s3:GetObject", Resource: "arn:aws:s3:::b/k"}, ResourcePolicy: p, IdentityAllowsAll: true})
			checkResult(t, r)
			if got := r.Decision == ExplicitDeny; got != tt.want {
				t.Errorf("matched = %v, want %v (%s)", got, tt.want, r.Layers[1].Statements[0].Why)
			}
		})
	}
}

func TestRule_IF05_EndpointPolicyFilters(t *testing.T) {
	tests := []struct {
		name     string
		identity []string
		resource string
		endpoint []*Policy
		want     string
		rule     string
	}{
		{"not through an endpoint", []string{allowGet}, "", nil, Allowed, RuleEvaluation},
		{"default endpoint policy: full access", []string{allowGet}, "", []*Policy{}, Allowed, RuleEvaluation},
		{"nil entry is full access", []string{allowGet}, "", []*Policy{nil}, Allowed, RuleEvaluation},
		{"endpoint allows", []string{allowGet}, "", []*Policy{mustEndpoint(t, endpointAll)}, Allowed, RuleEvaluation},
		{"endpoint does not allow the action", []string{allowGet}, "", []*Policy{mustEndpoint(t, endpointPut)}, ImplicitDeny, RuleEndpointFilter},
		{"endpoint grants nothing by itself", nil, "", []*Policy{mustEndpoint(t, endpointAll)}, ImplicitDeny, RuleEvaluation},
		{"endpoint explicit deny", []string{allowGet}, "", []*Policy{mustEndpoint(t, endpointDeny)}, ExplicitDeny, RuleEndpointFilter},
		{"two endpoints, both allow", []string{allowGet}, "", []*Policy{mustEndpoint(t, endpointAll), mustEndpoint(t, endpointAll)}, Allowed, RuleEvaluation},
		{"two endpoints, the second refuses", []string{allowGet}, "", []*Policy{mustEndpoint(t, endpointAll), mustEndpoint(t, endpointPut)}, ImplicitDeny, RuleEndpointFilter},
		{"endpoint allows, resource policy allows", nil, bucketAnyone, []*Policy{mustEndpoint(t, endpointAll)}, Allowed, RuleEvaluation},
		{"endpoint names the caller's account", []string{allowGet}, "", []*Policy{mustEndpoint(t, endpointAccount)}, Allowed, RuleEvaluation},
		{"endpoint names another account", []string{allowGet}, "", []*Policy{mustEndpoint(t, endpointForeign)}, ImplicitDeny, RuleEndpointFilter},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Evaluate(Input{Request: req(nil), IdentityPolicies: pols(t, tt.identity...), ResourcePolicy: one(t, tt.resource), EndpointPolicies: tt.endpoint})
			checkResult(t, r)
			if r.Decision != tt.want || r.Rule != tt.rule {
				t.Errorf("decision = %s by %s, want %s by %s (%s)", r.Decision, r.Rule, tt.want, tt.rule, r.Why)
			}
			ep, ok := r.Layer(LayerEndpoint)
			for _, s := range ep.Statements {
				if s.Delegated {
					t.Errorf("endpoint statement %s marked as delegating: endpoint policies only filter", s.Label())
				}
			}
			if ok != (tt.endpoint != nil) {
				t.Errorf("endpoint layer present = %v, want %v", ok, tt.endpoint != nil)
			}
		})
	}
}

func TestRule_POL03_ContextKeysCaseInsensitive(t *testing.T) {
	p := mustParse(t, `{"Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"aws:sourcevpce":"vpce-1"}}}}`)
	for _, key := range []string{"aws:SourceVpce", "AWS:SOURCEVPCE", "aws:sourcevpce"} {
		r := Evaluate(Input{Request: req(ctx(key, "vpce-1")), IdentityPolicies: []*Policy{p}})
		if r.Decision != Allowed {
			t.Errorf("context key %q: decision %s, want %s", key, r.Decision, Allowed)
		}
	}
}

func TestEvaluate_Deterministic(t *testing.T) {
	in := Input{
		Request: req(map[string][]string{
			"aws:SourceVpce": {"vpce-1"}, "AWS:SOURCEVPCE": {"vpce-2"}, "aws:sourcevpce": {"vpce-3"},
			"aws:TagKeys": {"a", "b"}, "aws:SourceVpc": {"vpc-1"},
		}),
		IdentityPolicies: pols(t, allowGet, denyGet),
		ResourcePolicy:   testdata(t, "notes-bucket-specific-vpce.json"),
		EndpointPolicies: []*Policy{mustEndpoint(t, endpointDeny), nil},
	}
	first, _ := json.Marshal(Evaluate(in))
	for range 50 {
		again, _ := json.Marshal(Evaluate(in))
		if string(again) != string(first) {
			t.Fatalf("results differ:\n%s\n%s", first, again)
		}
	}
}

func TestDeciding(t *testing.T) {
	allow := StatementResult{Index: 0, Effect: EffectAllow, Matched: true}
	deny := StatementResult{Sid: "D", Index: 1, Effect: EffectDeny, Matched: true}
	tests := []struct {
		layer LayerResult
		want  StatementResult
		ok    bool
	}{
		{LayerResult{Decision: ExplicitDeny, Statements: []StatementResult{allow, deny}}, deny, true},
		{LayerResult{Decision: Allowed, Statements: []StatementResult{allow}}, allow, true},
		{LayerResult{Decision: ImplicitDeny, Statements: []StatementResult{{Effect: EffectAllow}}}, StatementResult{}, false},
		{LayerResult{Decision: Allowed, Why: "default"}, StatementResult{}, false},
	}
	for i, tt := range tests {
		got, ok := tt.layer.Deciding()
		if ok != tt.ok || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%d: Deciding() = %+v %v, want %+v %v", i, got, ok, tt.want, tt.ok)
		}
	}
	if got := deny.Label(); got != "D" {
		t.Errorf("Label() = %q, want D", got)
	}
	if got := allow.Label(); got != "Statement[0]" {
		t.Errorf("Label() = %q, want Statement[0]", got)
	}
}

func TestRule_POL01_KeyPolicies(t *testing.T) {
	const (
		keyRole  = `{"Statement":[{"Sid":"Role","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:role/app"},"Action":"kms:Decrypt","Resource":"*"}]}`
		keyRoot  = `{"Statement":[{"Sid":"EnableIAM","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"kms:*","Resource":"*"}]}`
		keyOther = `{"Statement":[{"Sid":"Admin","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:role/admin"},"Action":"kms:*","Resource":"*"}]}`
		allowKMS = `{"Statement":[{"Sid":"KMS","Effect":"Allow","Action":"kms:*","Resource":"*"}]}`
	)
	tests := []struct {
		name            string
		identity        []string
		key             string
		resourceAccount string
		want            string
	}{
		{"key policy names the caller: suffices", nil, keyRole, "", Allowed},
		{"identity alone grants nothing on a key", []string{allowKMS}, keyOther, "", ImplicitDeny},
		{"no key policy: no one", []string{allowKMS}, "", "", ImplicitDeny},
		{"delegation to the account plus identity", []string{allowKMS}, keyRoot, "", Allowed},
		{"delegation to the account without identity", nil, keyRoot, "", ImplicitDeny},
		{"cross account: key names the caller, identity allows", []string{allowKMS}, keyRole, "444455556666", Allowed},
		{"cross account: key names the caller, no identity", nil, keyRole, "444455556666", ImplicitDeny},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Evaluate(Input{
				Request:          Request{Principal: "arn:aws:iam::111122223333:role/app", Action: "kms:Decrypt", Resource: "arn:aws:kms:us-east-1:111122223333:key/1"},
				ResourceAccount:  tt.resourceAccount,
				IdentityPolicies: pols(t, tt.identity...),
				ResourcePolicy:   one(t, tt.key),
				KeyPolicy:        true,
			})
			checkResult(t, r)
			if r.Decision != tt.want {
				t.Errorf("decision = %s, want %s (%s)", r.Decision, tt.want, r.Why)
			}
			if _, ok := r.Layer(LayerResource); !ok {
				t.Error("a key's resource layer always applies")
			}
		})
	}
}
