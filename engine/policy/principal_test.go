package policy

import "testing"

func TestRule_POL03_PrincipalKeys(t *testing.T) {
	for _, c := range []struct {
		principal, arn, account string
	}{
		{"arn:aws:iam::111122223333:role/app", "arn:aws:iam::111122223333:role/app", "111122223333"},
		{"arn:aws:iam::111122223333:user/alice", "arn:aws:iam::111122223333:user/alice", "111122223333"},
		{"arn:aws:sts::111122223333:assumed-role/app/i-0abc", "arn:aws:iam::111122223333:role/app", "111122223333"},
		{"arn:aws-cn:sts::111122223333:assumed-role/app/s", "arn:aws-cn:iam::111122223333:role/app", "111122223333"},
		{"111122223333", "arn:aws:iam::111122223333:root", "111122223333"},
		{"arn:aws:iam::111122223333:root", "arn:aws:iam::111122223333:root", "111122223333"},
		// Not a session: kept as written.
		{"arn:aws:sts::111122223333:federated-user/bob", "arn:aws:sts::111122223333:federated-user/bob", "111122223333"},
		{"arn:aws:sts::111122223333:assumed-role/app", "arn:aws:sts::111122223333:assumed-role/app", "111122223333"},
		// Not an account: 11 digits, a service principal.
		{"11112222333", "11112222333", ""},
		{"vpce.amazonaws.com", "vpce.amazonaws.com", ""},
	} {
		arn, account := PrincipalKeys(c.principal)
		if arn != c.arn || account != c.account {
			t.Errorf("PrincipalKeys(%q) = %q, %q; want %q, %q", c.principal, arn, account, c.arn, c.account)
		}
	}
	// The evaluator fills the same keys when the request carries none.
	for principal, want := range map[string]string{
		"111122223333": "arn:aws:iam::111122223333:root",
		"arn:aws:sts::111122223333:assumed-role/app/s": "arn:aws:iam::111122223333:role/app",
	} {
		ctx := newContext(nil, newCaller(principal, ""))
		got, _ := ctx.get("aws:PrincipalArn")
		acct, _ := ctx.get("aws:PrincipalAccount")
		if len(got) != 1 || got[0] != want || len(acct) != 1 || acct[0] != "111122223333" {
			t.Errorf("%s: aws:PrincipalArn %v, aws:PrincipalAccount %v; want %s, 111122223333", principal, got, acct, want)
		}
	}
}
