package policy

import (
	"strings"
	"testing"
)

// condMatches evaluates an Allow statement with the given Condition block as
// the only identity policy and reports whether it matched.
func condMatches(t *testing.T, condition string, context map[string][]string) (bool, string) {
	t.Helper()
	p := mustParse(t, `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":`+condition+`}]}`)
	r := Evaluate(Input{Request: req(context), IdentityPolicies: []*Policy{p}})
	checkResult(t, r)
	s := r.Layers[0].Statements[0]
	return s.Matched, s.Why
}

func TestRule_POL02_ConditionOperators(t *testing.T) {
	v4 := ctx("aws:VpcSourceIp", "10.0.1.5")
	tests := []struct {
		name      string
		condition string
		context   map[string][]string
		want      bool
	}{
		// String family; keys compare case-insensitively, values exactly.
		{"StringEquals equal", `{"StringEquals":{"aws:SourceVpce":"vpce-1"}}`, ctx("aws:sourcevpce", "vpce-1"), true},
		{"StringEquals other", `{"StringEquals":{"aws:SourceVpce":"vpce-1"}}`, ctx("aws:SourceVpce", "vpce-2"), false},
		{"StringEquals value case-sensitive", `{"StringEquals":{"aws:SourceVpce":"VPCE-1"}}`, ctx("aws:SourceVpce", "vpce-1"), false},
		{"StringEquals key case-insensitive", `{"StringEquals":{"AWS:SOURCEVPCE":"vpce-1"}}`, ctx("Aws:SourceVpce", "vpce-1"), true},
		{"StringEquals values ORed", `{"StringEquals":{"aws:SourceVpce":["vpce-1","vpce-2"]}}`, ctx("aws:SourceVpce", "vpce-2"), true},
		{"StringEquals missing key", `{"StringEquals":{"aws:SourceVpce":"vpce-1"}}`, nil, false},
		{"StringNotEquals other", `{"StringNotEquals":{"aws:SourceVpce":"vpce-1"}}`, ctx("aws:SourceVpce", "vpce-2"), true},
		{"StringNotEquals equal", `{"StringNotEquals":{"aws:SourceVpce":"vpce-1"}}`, ctx("aws:SourceVpce", "vpce-1"), false},
		{"StringNotEquals missing key matches", `{"StringNotEquals":{"aws:SourceVpce":"vpce-1"}}`, nil, true},
		{"StringEqualsIgnoreCase", `{"StringEqualsIgnoreCase":{"aws:SourceVpce":"VPCE-1"}}`, ctx("aws:SourceVpce", "vpce-1"), true},
		{"StringNotEqualsIgnoreCase equal", `{"StringNotEqualsIgnoreCase":{"aws:SourceVpce":"VPCE-1"}}`, ctx("aws:SourceVpce", "vpce-1"), false},
		{"StringNotEqualsIgnoreCase other", `{"StringNotEqualsIgnoreCase":{"aws:SourceVpce":"VPCE-1"}}`, ctx("aws:SourceVpce", "vpce-2"), true},
		{"StringLike star", `{"StringLike":{"aws:SourceVpce":"vpce-1*"}}`, ctx("aws:SourceVpce", "vpce-1a2b"), true},
		{"StringLike question", `{"StringLike":{"aws:SourceVpce":"vpce-?"}}`, ctx("aws:SourceVpce", "vpce-12"), false},
		{"StringLike case-sensitive", `{"StringLike":{"aws:SourceVpce":"VPCE-*"}}`, ctx("aws:SourceVpce", "vpce-1"), false},
		{"StringNotLike", `{"StringNotLike":{"aws:SourceVpce":"vpce-1*"}}`, ctx("aws:SourceVpce", "vpce-2"), true},
		{"StringNotLike like", `{"StringNotLike":{"aws:SourceVpce":"vpce-1*"}}`, ctx("aws:SourceVpce", "vpce-1"), false},
		{"StringEquals has no wildcards", `{"StringEquals":{"aws:SourceVpce":"vpce-*"}}`, ctx("aws:SourceVpce", "vpce-1"), false},
		// Arn family: per-component wildcards, ArnEquals like ArnLike.
		{"ArnEquals", `{"ArnEquals":{"aws:PrincipalArn":"arn:aws:iam::111122223333:role/app"}}`, nil, true},
		{"ArnEquals wildcard", `{"ArnEquals":{"aws:SourceArn":"arn:aws:ec2:*:111122223333:vpc-endpoint/*"}}`, ctx("aws:SourceArn", "arn:aws:ec2:us-east-1:111122223333:vpc-endpoint/vpce-1"), true},
		{"ArnLike other account", `{"ArnLike":{"aws:SourceArn":"arn:aws:ec2:*:111122223333:*"}}`, ctx("aws:SourceArn", "arn:aws:ec2:us-east-1:999988887777:vpc-endpoint/vpce-1"), false},
		{"ArnLike star stays in its component", `{"ArnLike":{"aws:SourceArn":"arn:aws:ec2:*:vpc-endpoint/vpce-1"}}`, ctx("aws:SourceArn", "arn:aws:ec2:us-east-1:111122223333:vpc-endpoint/vpce-1"), true},
		{"ArnLike not an ARN", `{"ArnLike":{"aws:SourceArn":"*"}}`, ctx("aws:SourceArn", "vpce-1"), false},
		{"ArnNotEquals", `{"ArnNotEquals":{"aws:PrincipalArn":"arn:aws:iam::111122223333:role/other"}}`, nil, true},
		{"ArnNotLike like", `{"ArnNotLike":{"aws:PrincipalArn":"arn:aws:iam::111122223333:role/*"}}`, nil, false},
		// Numeric and Date.
		{"NumericEquals", `{"NumericEquals":{"s3:max-keys":"10"}}`, ctx("s3:max-keys", "10.0"), true},
		{"NumericEquals number value", `{"NumericEquals":{"s3:max-keys":10}}`, ctx("s3:max-keys", "10"), true},
		{"NumericNotEquals", `{"NumericNotEquals":{"s3:max-keys":10}}`, ctx("s3:max-keys", "10"), false},
		{"NumericLessThan", `{"NumericLessThan":{"s3:max-keys":10}}`, ctx("s3:max-keys", "9"), true},
		{"NumericLessThan equal", `{"NumericLessThan":{"s3:max-keys":10}}`, ctx("s3:max-keys", "10"), false},
		{"NumericLessThanEquals", `{"NumericLessThanEquals":{"s3:max-keys":10}}`, ctx("s3:max-keys", "10"), true},
		{"NumericGreaterThan", `{"NumericGreaterThan":{"s3:max-keys":10}}`, ctx("s3:max-keys", "10"), false},
		{"NumericGreaterThanEquals", `{"NumericGreaterThanEquals":{"s3:max-keys":10}}`, ctx("s3:max-keys", "11"), true},
		{"Numeric request not a number", `{"NumericLessThan":{"s3:max-keys":10}}`, ctx("s3:max-keys", "ten"), false},
		{"DateLessThan", `{"DateLessThan":{"aws:CurrentTime":"2026-01-01T00:00:00Z"}}`, ctx("aws:CurrentTime", "2025-06-01T12:00:00Z"), true},
		{"DateGreaterThan", `{"DateGreaterThan":{"aws:CurrentTime":"2026-01-01"}}`, ctx("aws:CurrentTime", "2025-06-01T12:00:00Z"), false},
		{"DateEquals epoch", `{"DateEquals":{"aws:EpochTime":"1767225600"}}`, ctx("aws:EpochTime", "2026-01-01T00:00:00Z"), true},
		{"DateNotEquals", `{"DateNotEquals":{"aws:CurrentTime":"2026-01-01T00:00:00Z"}}`, ctx("aws:CurrentTime", "2026-01-01T00:00:00Z"), false},
		{"DateGreaterThanEquals", `{"DateGreaterThanEquals":{"aws:CurrentTime":"2026-01-01T00:00:00Z"}}`, ctx("aws:CurrentTime", "2026-01-01T00:00:00Z"), true},
		{"DateLessThanEquals", `{"DateLessThanEquals":{"aws:CurrentTime":"2026-01-01T00:00:00Z"}}`, ctx("aws:CurrentTime", "2026-01-02T00:00:00Z"), false},
		// Bool and Binary.
		{"Bool true", `{"Bool":{"aws:SecureTransport":"true"}}`, ctx("aws:SecureTransport", "true"), true},
		{"Bool JSON boolean", `{"Bool":{"aws:SecureTransport":false}}`, ctx("aws:SecureTransport", "true"), false},
		{"Bool missing", `{"Bool":{"aws:SecureTransport":"false"}}`, nil, false},
		{"BinaryEquals", `{"BinaryEquals":{"key":"QmluYXJ5"}}`, ctx("key", "QmluYXJ5"), true},
		// IpAddress: IPv4, IPv6, bare addresses.
		{"IpAddress v4 in", `{"IpAddress":{"aws:VpcSourceIp":"10.0.0.0/16"}}`, v4, true},
		{"IpAddress v4 out", `{"IpAddress":{"aws:VpcSourceIp":"10.1.0.0/16"}}`, v4, false},
		{"IpAddress bare", `{"IpAddress":{"aws:VpcSourceIp":"10.0.1.5"}}`, v4, true},
		{"IpAddress list ORed", `{"IpAddress":{"aws:VpcSourceIp":["192.0.2.0/24","10.0.1.0/24"]}}`, v4, true},
		{"IpAddress v6 in", `{"IpAddress":{"aws:SourceIp":"2001:db8::/32"}}`, ctx("aws:SourceIp", "2001:db8:1::5"), true},
		{"IpAddress v6 out", `{"IpAddress":{"aws:SourceIp":"2001:db8::/32"}}`, ctx("aws:SourceIp", "2001:db9::5"), false},
		{"IpAddress v4 vs v6 range", `{"IpAddress":{"aws:SourceIp":"::/0"}}`, ctx("aws:SourceIp", "203.0.113.5"), false},
		{"IpAddress v4-mapped request", `{"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}}`, ctx("aws:SourceIp", "::ffff:203.0.113.5"), true},
		{"IpAddress not an IP", `{"IpAddress":{"aws:SourceIp":"0.0.0.0/0"}}`, ctx("aws:SourceIp", "vpce-1"), false},
		{"IpAddress missing", `{"IpAddress":{"aws:SourceIp":"0.0.0.0/0"}}`, nil, false},
		{"NotIpAddress out", `{"NotIpAddress":{"aws:VpcSourceIp":"172.31.0.0/16"}}`, v4, true},
		{"NotIpAddress in", `{"NotIpAddress":{"aws:VpcSourceIp":"10.0.0.0/8"}}`, v4, false},
		{"NotIpAddress v6", `{"NotIpAddress":{"aws:SourceIp":"2001:db8::/32"}}`, ctx("aws:SourceIp", "2001:db8::1"), false},
		{"NotIpAddress missing matches", `{"NotIpAddress":{"aws:VpcSourceIp":"172.31.0.0/16"}}`, nil, true},
		// Null.
		{"Null true absent", `{"Null":{"aws:SourceVpce":"true"}}`, nil, true},
		{"Null true present", `{"Null":{"aws:SourceVpce":"true"}}`, ctx("aws:SourceVpce", "vpce-1"), false},
		{"Null false present", `{"Null":{"aws:SourceVpce":false}}`, ctx("aws:SourceVpce", "vpce-1"), true},
		{"Null false absent", `{"Null":{"aws:SourceVpce":"false"}}`, nil, false},
		// IfExists.
		{"IfExists absent", `{"StringEqualsIfExists":{"aws:SourceVpce":"vpce-1"}}`, nil, true},
		{"IfExists present other", `{"StringEqualsIfExists":{"aws:SourceVpce":"vpce-1"}}`, ctx("aws:SourceVpce", "vpce-2"), false},
		{"IfExists present equal", `{"StringEqualsIfExists":{"aws:SourceVpce":"vpce-1"}}`, ctx("aws:SourceVpce", "vpce-1"), true},
		{"IpAddressIfExists absent", `{"IpAddressIfExists":{"aws:SourceIp":"203.0.113.0/24"}}`, nil, true},
		{"NumericLessThanIfExists present", `{"NumericLessThanIfExists":{"s3:max-keys":"5"}}`, ctx("s3:max-keys", "6"), false},
		{"NotIpAddressIfExists present in", `{"NotIpAddressIfExists":{"aws:SourceIp":"203.0.113.0/24"}}`, ctx("aws:SourceIp", "203.0.113.9"), false},
		// ForAnyValue / ForAllValues.
		{"ForAnyValue one matches", `{"ForAnyValue:StringEquals":{"aws:TagKeys":["env","team"]}}`, ctx("aws:TagKeys", "cost", "aws:TagKeys", "env"), true},
		{"ForAnyValue none matches", `{"ForAnyValue:StringEquals":{"aws:TagKeys":["env"]}}`, ctx("aws:TagKeys", "cost", "aws:TagKeys", "owner"), false},
		{"ForAnyValue missing", `{"ForAnyValue:StringEquals":{"aws:TagKeys":["env"]}}`, nil, false},
		{"ForAnyValue IfExists missing", `{"ForAnyValue:StringEqualsIfExists":{"aws:TagKeys":["env"]}}`, nil, true},
		{"ForAnyValue negated", `{"ForAnyValue:StringNotEquals":{"aws:TagKeys":["env"]}}`, ctx("aws:TagKeys", "env", "aws:TagKeys", "cost"), true},
		{"ForAnyValue negated all equal", `{"ForAnyValue:StringNotEquals":{"aws:TagKeys":["env"]}}`, ctx("aws:TagKeys", "env"), false},
		{"ForAllValues all match", `{"ForAllValues:StringLike":{"aws:TagKeys":["env","team-*"]}}`, ctx("aws:TagKeys", "env", "aws:TagKeys", "team-a"), true},
		{"ForAllValues one fails", `{"ForAllValues:StringLike":{"aws:TagKeys":["env"]}}`, ctx("aws:TagKeys", "env", "aws:TagKeys", "cost"), false},
		{"ForAllValues missing", `{"ForAllValues:StringEquals":{"aws:TagKeys":["env"]}}`, nil, true},
		{"ForAllValues empty set", `{"ForAllValues:StringEquals":{"aws:TagKeys":["env"]}}`, map[string][]string{"aws:TagKeys": {}}, true},
		{"ForAllValues negated", `{"ForAllValues:StringNotEquals":{"aws:TagKeys":["secret"]}}`, ctx("aws:TagKeys", "env", "aws:TagKeys", "cost"), true},
		{"ForAllValues negated one equal", `{"ForAllValues:StringNotEquals":{"aws:TagKeys":["secret"]}}`, ctx("aws:TagKeys", "env", "aws:TagKeys", "secret"), false},
		{"forallvalues qualifier case", `{"forallvalues:stringequals":{"aws:TagKeys":["env"]}}`, ctx("aws:TagKeys", "cost"), false},
		// Unqualified multivalued key: any value.
		{"multivalued unqualified", `{"StringEquals":{"aws:TagKeys":"env"}}`, ctx("aws:TagKeys", "cost", "aws:TagKeys", "env"), true},
		{"multivalued unqualified negated", `{"StringNotEquals":{"aws:TagKeys":"env"}}`, ctx("aws:TagKeys", "cost", "aws:TagKeys", "env"), false},
		// Several keys and operators are ANDed.
		{"AND both", `{"StringEquals":{"aws:SourceVpce":"vpce-1","aws:SourceVpc":"vpc-1"},"Bool":{"aws:SecureTransport":"true"}}`, ctx("aws:SourceVpce", "vpce-1", "aws:SourceVpc", "vpc-1", "aws:SecureTransport", "true"), true},
		{"AND one fails", `{"StringEquals":{"aws:SourceVpce":"vpce-1","aws:SourceVpc":"vpc-1"}}`, ctx("aws:SourceVpce", "vpce-1", "aws:SourceVpc", "vpc-2"), false},
		{"empty block", `{}`, nil, true},
		// Policy variables.
		{"variable", `{"StringLike":{"s3:prefix":"home/${aws:username}/*"}}`, ctx("aws:username", "ana", "s3:prefix", "home/ana/docs"), true},
		{"variable other user", `{"StringLike":{"s3:prefix":"home/${aws:username}/*"}}`, ctx("aws:username", "bob", "s3:prefix", "home/ana/docs"), false},
		{"variable missing", `{"StringLike":{"s3:prefix":"home/${aws:username}/*"}}`, ctx("s3:prefix", "home/ana/docs"), false},
		{"variable default", `{"StringEquals":{"s3:prefix":"${aws:username, 'guest'}"}}`, ctx("s3:prefix", "guest"), true},
		{"aws:PrincipalAccount filled from the caller", `{"StringEquals":{"aws:PrincipalAccount":"111122223333"}}`, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, why := condMatches(t, tt.condition, tt.context)
			if got != tt.want {
				t.Errorf("matched = %v, want %v; why: %s", got, tt.want, why)
			}
		})
	}
}

func TestRule_POL02_ConditionWhy(t *testing.T) {
	_, why := condMatches(t, `{"StringEquals":{"aws:SourceVpce":"vpce-1a2b3c4d"}}`, ctx("aws:SourceVpce", "vpce-9"))
	want := `condition StringEquals aws:SourceVpce: "vpce-9" is not in ["vpce-1a2b3c4d"] → no match`
	if why != want {
		t.Errorf("why = %q, want %q", why, want)
	}
	_, why = condMatches(t, `{"StringNotEquals":{"aws:SourceVpce":"vpce-1"}}`, nil)
	if !strings.Contains(why, "absent") || !strings.HasSuffix(why, "→ match") {
		t.Errorf("why = %q, want it to name the absent key and match", why)
	}
}
