package engine

import "strings"

// accountRootARN is the ARN of an account's root, which stands for the account.
func accountRootARN(account string) string { return "arn:aws:iam::" + account + ":root" }

// arnField returns field i of an ARN (arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE,
// counting from 0), or "" when s is not an ARN. The resource, field 5, may
// itself hold colons.
func arnField(s string, i int) string {
	parts := strings.SplitN(s, ":", 6)
	if len(parts) < 6 || parts[0] != "arn" || i < 0 || i >= len(parts) {
		return ""
	}
	return parts[i]
}

// arnAccount returns the account field of an ARN, or "".
func arnAccount(arn string) string { return arnField(arn, 4) }

// arnRegion returns the Region field of an ARN, or "".
func arnRegion(arn string) string { return arnField(arn, 3) }
