package engine

import (
	"encoding/json"
	"strings"
	"testing"
)

// Topic and key ARNs of the resource-policy tests, in the base scenario's
// account (111122223333) and in the other one (444455556666).
const (
	polTopicARN      = "arn:aws:sns:us-east-1:111122223333:orders"
	polOtherTopicARN = "arn:aws:sns:us-east-1:444455556666:orders"
	polKeyARN        = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
)

// publish is a request of i-pub's role to publish to topic over the
// internet gateway.
func publish(topic string) TraceRequest {
	return TraceRequest{From: "i-pub", To: "sns.us-east-1.amazonaws.com", Action: "sns:Publish", Resource: topic}
}

func TestRule_POL01_TopicPolicyInTraces(t *testing.T) {
	const (
		denyPublish = `{"Statement": [{"Sid": "NoPublish", "Effect": "Deny", "Principal": "*", "Action": "sns:Publish", "Resource": "*"}]}`
		allowApp    = `{"Statement": [{"Sid": "AppPublishes", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/app"}, "Action": "sns:Publish", "Resource": "*"}]}`
	)
	cases := []struct {
		name, topic, policy string
		verdict, decision   string
		names               string // text the deciding hop must contain
	}{
		{"explicit deny in the topic policy", polTopicARN, denyPublish, VerdictDenied, DecisionExplicitDeny, "NoPublish"},
		{"same account, no topic policy: identity allows", polTopicARN, "", VerdictAllowed, DecisionAllowed, ""},
		{"cross account, no topic policy", polOtherTopicARN, "", VerdictDenied, DecisionImplicitDeny, "cross-account"},
		{"cross account, topic policy allows the role", polOtherTopicARN, allowApp, VerdictAllowed, DecisionAllowed, "AppPublishes"},
		{"cross account, explicit deny", polOtherTopicARN, denyPublish, VerdictDenied, DecisionExplicitDeny, "NoPublish"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := decodeBase(t)
			topic := SNSTopic{ARN: c.topic}
			if c.policy != "" {
				topic.Policy = json.RawMessage(c.policy)
			}
			s.SNSTopics = []SNSTopic{topic}
			tr := trace(t, compileScenario(t, s), publish(c.topic))
			expect(t, tr, c.verdict, "POL-01", c.decision)
			last := lastHop(tr)
			if c.verdict == VerdictDenied && (last.Kind != HopResourcePolicy || last.At != c.topic) {
				t.Errorf("the deciding hop should be the topic's resource policy at %s, got %+v\n%s", c.topic, last, tr.Text())
			}
			if c.verdict == VerdictDenied && !strings.Contains(last.Detail, c.names) {
				t.Errorf("the deciding hop should name %q\n%s", c.names, tr.Text())
			}
			if !hasHop(tr, HopResourcePolicy, c.names) && !hasHop(tr, HopIdentityPolicy, c.names) {
				t.Errorf("no policy hop names %q\n%s", c.names, tr.Text())
			}
		})
	}
	// A topic the scenario does not list has no policy to deny.
	s := decodeBase(t)
	s.SNSTopics = []SNSTopic{{ARN: polTopicARN, Policy: json.RawMessage(denyPublish)}}
	expect(t, trace(t, compileScenario(t, s), publish(polTopicARN+"-other")), VerdictAllowed, "POL-01", DecisionAllowed)
}

func TestRule_POL01_KeyPolicyInTraces(t *testing.T) {
	const (
		otherRole = `{"Statement": [{"Sid": "OnlyAdmin", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/admin"}, "Action": "kms:*", "Resource": "*"}]}`
		rootKey   = `{"Statement": [{"Sid": "EnableIAM", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"}]}`
		appKey    = `{"Statement": [{"Sid": "App", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/app"}, "Action": "kms:Decrypt", "Resource": "*"}]}`
		denyApp   = `{"Statement": [{"Sid": "EnableIAM", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"},
			{"Sid": "NoDecrypt", "Effect": "Deny", "Principal": {"AWS": "arn:aws:iam::111122223333:role/app"}, "Action": "kms:Decrypt", "Resource": "*"}]}`
		noIdentity = `{"Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}`
	)
	cases := []struct {
		name, policy, identity string
		verdict, names         string
	}{
		{"key policy names only another role: identity alone grants nothing", otherRole, "", VerdictDenied, "identity policy alone grants nothing"},
		{"key policy delegates to the account, identity allows", rootKey, "", VerdictAllowed, "EnableIAM"},
		{"key policy delegates to the account, identity does not allow", rootKey, noIdentity, VerdictDenied, "identity layer does not allow"},
		{"key policy names the role: suffices without identity", appKey, noIdentity, VerdictAllowed, "App"},
		{"explicit deny in the key policy", denyApp, "", VerdictDenied, "NoDecrypt"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := decodeBase(t)
			s.KMSKeys = []KMSKey{{ARN: polKeyARN, Policy: json.RawMessage(c.policy)}}
			if c.identity != "" {
				s.Principals = []Principal{{ARN: "arn:aws:iam::111122223333:role/app", Policies: []json.RawMessage{json.RawMessage(c.identity)}}}
			}
			tr := trace(t, compileScenario(t, s), TraceRequest{From: "i-pub", To: "kms.us-east-1.amazonaws.com", Action: "kms:Decrypt", Resource: polKeyARN})
			expect(t, tr, c.verdict, "", "")
			if !hasHop(tr, "", c.names) {
				t.Errorf("no hop names %q\n%s", c.names, tr.Text())
			}
		})
	}
}

// TestRule_POL03_PrincipalKeysOfAccountsAndRoleSessions: a role session's
// aws:PrincipalArn is its role's ARN, and a bare account ID is the account's
// root user with its aws:PrincipalAccount; a topic policy of another account
// conditioned on those keys admits the matching caller and no other.
func TestRule_POL03_PrincipalKeysOfAccountsAndRoleSessions(t *testing.T) {
	const (
		onlyAppRole = `{"Statement": [{"Sid": "AppRole", "Effect": "Allow", "Principal": "*", "Action": "sns:Publish", "Resource": "*",
			"Condition": {"ArnEquals": {"aws:PrincipalArn": "arn:aws:iam::111122223333:role/app"}}}]}`
		onlyRoot = `{"Statement": [{"Sid": "Root", "Effect": "Allow", "Principal": "*", "Action": "sns:Publish", "Resource": "*",
			"Condition": {"ArnEquals": {"aws:PrincipalArn": "arn:aws:iam::111122223333:root"}, "StringEquals": {"aws:PrincipalAccount": "111122223333"}}}]}`
	)
	cases := []struct {
		name, policy, principal string
		verdict                 string
		context                 []string // text the service hop must show
	}{
		{"role session: its role's ARN", onlyAppRole, "arn:aws:sts::111122223333:assumed-role/app/i-0abc", VerdictAllowed,
			[]string{"aws:PrincipalArn=arn:aws:iam::111122223333:role/app,", "aws:PrincipalAccount=111122223333"}},
		{"session of another role", onlyAppRole, "arn:aws:sts::111122223333:assumed-role/other/i-0abc", VerdictDenied,
			[]string{"aws:PrincipalArn=arn:aws:iam::111122223333:role/other,"}},
		{"bare account ID: the root user", onlyRoot, "111122223333", VerdictAllowed,
			[]string{"aws:PrincipalArn=arn:aws:iam::111122223333:root,", "aws:PrincipalAccount=111122223333"}},
		{"a role of the account is not its root", onlyRoot, "arn:aws:iam::111122223333:role/app", VerdictDenied,
			[]string{"aws:PrincipalArn=arn:aws:iam::111122223333:role/app,", "aws:PrincipalAccount=111122223333"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := decodeBase(t)
			s.SNSTopics = []SNSTopic{{ARN: polOtherTopicARN, Policy: json.RawMessage(c.policy)}}
			req := publish(polOtherTopicARN)
			req.Principal = c.principal
			tr := trace(t, compileScenario(t, s), req)
			if tr.Verdict != c.verdict {
				t.Errorf("verdict %s, want %s\n%s", tr.Verdict, c.verdict, tr.Text())
			}
			for _, text := range c.context {
				if !hasHop(tr, HopService, text) {
					t.Errorf("the service hop should set %s\n%s", text, tr.Text())
				}
			}
		})
	}
}
