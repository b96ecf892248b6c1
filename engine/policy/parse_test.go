package policy

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestRule_POL02_ParsesGrammar(t *testing.T) {
	tests := []struct {
		name string
		doc  string
		want Statement
	}{
		{"statement as object, strings", `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}}`,
			Statement{Effect: "Allow", Action: []string{"s3:GetObject"}, Resource: []string{"*"}}},
		{"keys in any case", `{"version":"2012-10-17","STATEMENT":[{"sid":"A","effect":"Deny","notaction":["s3:*"],"NOTRESOURCE":"arn:aws:s3:::b"}]}`,
			Statement{Sid: "A", Effect: "Deny", NotAction: []string{"s3:*"}, NotResource: []string{"arn:aws:s3:::b"}}},
		{"principal forms", `{"Statement":[{"Effect":"Allow","Principal":{"AWS":["111122223333","arn:aws:iam::111122223333:role/app"],"Service":"vpce.amazonaws.com","CanonicalUser":"abc"},"Action":"*","Resource":"*"}]}`,
			Statement{Effect: "Allow", Principal: &Principal{AWS: []string{"111122223333", "arn:aws:iam::111122223333:role/app"}, Service: []string{"vpce.amazonaws.com"}, CanonicalUser: []string{"abc"}}, Action: []string{"*"}, Resource: []string{"*"}}},
		{"not principal", `{"Statement":[{"Effect":"Deny","NotPrincipal":{"Federated":"cognito-identity.amazonaws.com"},"Action":"*","Resource":"*"}]}`,
			Statement{Effect: "Deny", NotPrincipal: &Principal{Federated: []string{"cognito-identity.amazonaws.com"}}, Action: []string{"*"}, Resource: []string{"*"}}},
		{"principal star", `{"Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}`,
			Statement{Effect: "Allow", Principal: &Principal{Wildcard: true}, Action: []string{"*"}, Resource: []string{"*"}}},
		{"condition values: string, list, bool, number", `{"Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"ForAnyValue:StringLikeIfExists":{"k":["a","b"]},"Bool":{"aws:SecureTransport":true},"NumericLessThan":{"n":5}}}}`,
			Statement{Effect: "Allow", Action: []string{"*"}, Resource: []string{"*"}, Conditions: []Condition{
				{Operator: "ForAnyValue:StringLikeIfExists", Base: "StringLike", Qualifier: ForAnyValue, IfExists: true, Key: "k", Values: []string{"a", "b"}},
				{Operator: "Bool", Base: "Bool", Key: "aws:SecureTransport", Values: []string{"true"}},
				{Operator: "NumericLessThan", Base: "NumericLessThan", Key: "n", Values: []string{"5"}},
			}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := mustParse(t, tt.doc)
			got := p.Statements[0]
			for i := range got.Conditions {
				got.Conditions[i].op = operator{}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestRule_POL02_EveryOperatorParses(t *testing.T) {
	for _, op := range operators {
		value := `"a"`
		switch op.Family {
		case famNumeric:
			value = `1`
		case famDate:
			value = `"2026-01-01T00:00:00Z"`
		case famBool, famNull:
			value = `true`
		case famIP:
			value = `"10.0.0.0/8"`
		}
		names := []string{op.Name}
		if op.Family != famNull {
			names = append(names, op.Name+"IfExists", "ForAnyValue:"+op.Name, "ForAllValues:"+op.Name+"IfExists")
		}
		for _, name := range names {
			doc := `{"Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"` + name + `":{"k":` + value + `}}}}`
			if _, err := Parse([]byte(doc)); err != nil {
				t.Errorf("%s: %v", name, err)
			}
		}
	}
}

func TestRule_POL05_MalformedPolicies(t *testing.T) {
	stmt := func(body string) string { return `{"Version":"2012-10-17","Statement":[` + body + `]}` }
	ok := `{"Effect":"Allow","Action":"*","Resource":"*"}`
	tests := []struct {
		name     string
		doc      string
		wantPath string
		wantMsg  string
	}{
		{"invalid JSON", `{"Statement": [}`, "", "invalid JSON at offset 15"},
		{"not an object", `[1]`, "", "must be a JSON object"},
		{"unknown top-level key", `{"Version":"2012-10-17","Statements":[]}`, "Statements", "unknown policy element"},
		{"bad version", `{"Version":"2020-01-01","Statement":[` + ok + `]}`, "Version", "2012-10-17"},
		{"missing Statement", `{"Version":"2012-10-17"}`, "", "missing Statement"},
		{"empty Statement", stmt(``), "Statement", "empty Statement"},
		{"Statement a string", `{"Statement":"x"}`, "Statement", "object or an array"},
		{"duplicate key in other case", `{"Statement":[` + ok + `],"statement":[` + ok + `]}`, "statement", "duplicate"},
		{"missing Effect", stmt(`{"Action":"*","Resource":"*"}`), "Statement[0]", "missing Effect"},
		{"Effect lower case", stmt(ok + `,{"Effect":"allow","Action":"*","Resource":"*"}`), "Statement[1].Effect", `must be Allow or Deny, got "allow"`},
		{"Action and NotAction", stmt(`{"Effect":"Allow","Action":"*","NotAction":"s3:*","Resource":"*"}`), "Statement[0]", "Action and NotAction cannot both be present"},
		{"Resource and NotResource", stmt(`{"Effect":"Allow","Action":"*","Resource":"*","NotResource":"*"}`), "Statement[0]", "Resource and NotResource"},
		{"Principal and NotPrincipal", stmt(`{"Effect":"Allow","Principal":"*","NotPrincipal":"*","Action":"*","Resource":"*"}`), "Statement[0]", "Principal and NotPrincipal"},
		{"missing Action", stmt(`{"Effect":"Allow","Resource":"*"}`), "Statement[0]", "missing Action or NotAction"},
		{"missing Resource", stmt(`{"Effect":"Allow","Action":"*"}`), "Statement[0]", "missing Resource or NotResource"},
		{"non-string action", stmt(`{"Effect":"Allow","Action":["s3:GetObject",42],"Resource":"*"}`), "Statement[0].Action[1]", "non-string action"},
		{"empty action list", stmt(`{"Effect":"Allow","Action":[],"Resource":"*"}`), "Statement[0].Action", "at least one action"},
		{"action without service", stmt(`{"Effect":"Allow","Action":"GetObject","Resource":"*"}`), "Statement[0].Action", "service:action"},
		{"resource not an ARN", stmt(`{"Effect":"Allow","Action":"*","Resource":"bucket"}`), "Statement[0].Resource", "ARN"},
		{"unknown statement key", stmt(`{"Effect":"Allow","Action":"*","Resource":"*","Conditions":{}}`), "Statement[0].Conditions", "unknown statement element"},
		{"Sid not a string", stmt(`{"Sid":1,"Effect":"Allow","Action":"*","Resource":"*"}`), "Statement[0].Sid", "must be a string"},
		{"statement not an object", stmt(`"x"`), "Statement[0]", "must be an object"},
		{"principal string not star", stmt(`{"Effect":"Allow","Principal":"arn:aws:iam::111122223333:root","Action":"*","Resource":"*"}`), "Statement[0].Principal", `must be "*"`},
		{"principal unknown type", stmt(`{"Effect":"Allow","Principal":{"User":"x"},"Action":"*","Resource":"*"}`), "Statement[0].Principal.User", "unknown principal type"},
		{"principal wildcard ARN", stmt(`{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:role/*"},"Action":"*","Resource":"*"}`), "Statement[0].Principal.AWS", "without wildcards"},
		{"principal empty", stmt(`{"Effect":"Allow","Principal":{},"Action":"*","Resource":"*"}`), "Statement[0].Principal", "at least one principal"},
		{"unknown operator", stmt(`{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEqualz":{"k":"v"}}}`), "Statement[0].Condition.StringEqualz", "unknown condition operator"},
		{"unknown qualifier", stmt(`{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"ForSomeValues:StringEquals":{"k":"v"}}}`), "Statement[0].Condition.ForSomeValues:StringEquals", "unknown qualifier"},
		{"NullIfExists", stmt(`{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"NullIfExists":{"k":true}}}`), "Statement[0].Condition.NullIfExists", "Null takes neither"},
		{"condition not an object", stmt(`{"Effect":"Allow","Action":"*","Resource":"*","Condition":[]}`), "Statement[0].Condition", "must be an object"},
		{"operator block not an object", stmt(`{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":"v"}}`), "Statement[0].Condition.StringEquals", "must be an object"},
		{"operator block empty", stmt(`{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{}}}`), "Statement[0].Condition.StringEquals", "at least one condition key"},
		{"condition value object", stmt(`{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"k":{"a":1}}}}`), "Statement[0].Condition.StringEquals.k", "string, number or boolean"},
		{"condition value null", stmt(`{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"k":[null]}}}`), "Statement[0].Condition.StringEquals.k[0]", "string, number or boolean"},
		{"condition values empty", stmt(`{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"k":[]}}}`), "Statement[0].Condition.StringEquals.k", "at least one value"},
		{"duplicate condition key", stmt(`{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"aws:SourceVpc":"a","AWS:SOURCEVPC":"b"}}}`), "Statement[0].Condition.StringEquals.AWS:SOURCEVPC", "duplicate condition key"},
		{"numeric value not a number", stmt(`{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"NumericLessThan":{"k":"ten"}}}`), "Statement[0].Condition.NumericLessThan.k", "needs numbers"},
		{"ip value not an IP", stmt(`{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":"10.0.0.0/33"}}}`), "Statement[0].Condition.IpAddress.aws:SourceIp", "IPv4 or IPv6"},
		{"bool value", stmt(`{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"Bool":{"k":"yes"}}}`), "Statement[0].Condition.Bool.k", "true or false"},
		{"date value", stmt(`{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"DateLessThan":{"k":"tomorrow"}}}`), "Statement[0].Condition.DateLessThan.k", "needs dates"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Parse([]byte(tt.doc))
			if err == nil {
				t.Fatalf("Parse accepted a malformed policy: %+v", p)
			}
			var pe *Error
			if !errors.As(err, &pe) {
				t.Fatalf("error %T is not an *Error: %v", err, err)
			}
			if pe.Rule != RuleMalformed || pe.Path != tt.wantPath || !strings.Contains(pe.Message, tt.wantMsg) {
				t.Errorf("got %v\nwant POL-05 %s: …%s…", err, tt.wantPath, tt.wantMsg)
			}
		})
	}
}

func TestRule_POL05_ErrorFormat(t *testing.T) {
	_, err := Parse([]byte(`{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},{"Effect":"allow","Action":"*","Resource":"*"}]}`))
	want := `POL-05 Statement[1].Effect: must be Allow or Deny, got "allow"`
	if err == nil || err.Error() != want {
		t.Errorf("error = %v, want %s", err, want)
	}
}

func TestRule_POL06_EndpointPolicies(t *testing.T) {
	noPrincipal := `{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}`
	withPrincipal := `{"Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}`
	withNot := `{"Statement":[{"Effect":"Deny","NotPrincipal":{"AWS":"111122223333"},"Action":"*","Resource":"*"}]}`
	big := `{"Id":"` + strings.Repeat("x", MaxPolicyChars) + `","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}`
	atLimit := `{"Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}`
	atLimit += strings.Repeat(" ", MaxPolicyChars-len(atLimit))
	tests := []struct {
		name    string
		doc     string
		wantErr string
	}{
		{"principal named", withPrincipal, ""},
		{"not principal named", withNot, ""},
		{"exactly at the size limit", atLimit, ""},
		{"no principal", noPrincipal, "POL-06 Statement[0]: an endpoint policy statement must name a Principal"},
		{"too large", big, "POL-06"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseEndpointPolicy([]byte(tt.doc))
			switch {
			case tt.wantErr == "" && err != nil:
				t.Errorf("unexpected error: %v", err)
			case tt.wantErr != "" && (err == nil || !strings.HasPrefix(err.Error(), tt.wantErr)):
				t.Errorf("error = %v, want prefix %q", err, tt.wantErr)
			}
		})
	}
	// Identity policies need no principal, but the size limit applies to all.
	if _, err := Parse([]byte(noPrincipal)); err != nil {
		t.Errorf("Parse of an identity policy: %v", err)
	}
	if _, err := ParseResourcePolicy([]byte(noPrincipal)); err == nil || !strings.HasPrefix(err.Error(), "POL-05") {
		t.Errorf("ParseResourcePolicy without principal: %v, want a POL-05 error", err)
	}
	if _, err := Parse([]byte(big)); err == nil || !strings.HasPrefix(err.Error(), "POL-06") {
		t.Errorf("Parse of an oversized policy: %v, want a POL-06 error", err)
	}
}
