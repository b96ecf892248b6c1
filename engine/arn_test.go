package engine

import "testing"

func TestARNFields(t *testing.T) {
	for _, c := range []struct{ arn, region, account string }{
		{"arn:aws:dynamodb:us-east-1:111122223333:table/t", "us-east-1", "111122223333"},
		{"arn:aws:iam::111122223333:root", "", "111122223333"},
		{"arn:aws:sns:us-west-2:444455556666:topic:with:colons", "us-west-2", "444455556666"},
		{"arn:aws:s3:::bucket/key", "", ""},
		{"nra:aws:iam::111122223333:root", "", ""}, // not an ARN
		{"arn:aws:iam::111122223333", "", ""},      // too few fields
		{"111122223333", "", ""},
	} {
		if got := arnRegion(c.arn); got != c.region {
			t.Errorf("arnRegion(%q) = %q, want %q", c.arn, got, c.region)
		}
		if got := arnAccount(c.arn); got != c.account {
			t.Errorf("arnAccount(%q) = %q, want %q", c.arn, got, c.account)
		}
	}
}
