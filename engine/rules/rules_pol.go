package rules

// polRules explains the "Policies" section of RULES.md: how IAM policies
// are evaluated, their language, the context keys the simulator sets, and
// the endpoint policy's limits.
var polRules = []Rule{
	{
		ID:      "POL-01",
		Title:   "How the policy layers decide",
		Summary: "An explicit Deny anywhere wins; otherwise the endpoint policy must allow, and then one allow from identity or resource policy suffices within an account, while across accounts both must allow.",
		Explain: []string{
			"A request meets several policies: the endpoint policy if it goes through an endpoint, the caller's identity policies, and the resource policy of what it touches (a bucket, a table, a topic, a key). An explicit Deny in any of them ends the matter. Otherwise the endpoint policy must allow the request (IF-05); then, if caller and resource are in the same account, an allow in either the identity policy or the resource policy is enough, and if they are in different accounts, both must allow.",
			"A resource policy that names an account as principal, by its root ARN or bare ID, does not grant anything by itself: it hands the decision to that account's identity policies. KMS key policies and role trust policies follow their own IAM rules. The trace shows, for each layer, which statement decided, by its Sid or its index.",
			"Example: the role arn:aws:iam::444455556666:role/reports-reader calls s3:GetObject on app-reports, owned by 111122223333, through vpce-1a2b3c4d with the default endpoint policy. The bucket policy allows Principal {\"AWS\": \"arn:aws:iam::444455556666:role/reports-reader\"}, but the role's identity policy says nothing about S3: denied, since across accounts both sides must allow.",
			"Common mistake: adding an allow to the bucket policy for a role in another account and expecting it to be enough, or thinking an endpoint policy that allows s3:* gives access on its own.",
		},
		See: []string{"IF-05", "POL-02", "POL-03", "POL-04"},
	},
	{
		ID:      "POL-02",
		Title:   "The policy language the simulator understands",
		Summary: "Policies use IAM's language: Version, Statement, Sid, Effect, Principal or NotPrincipal, Action or NotAction and Resource or NotResource with * and ? wildcards, and Condition with the String, Arn, IpAddress, Bool, Null and Numeric operators.",
		Explain: []string{
			"A policy has a Version and one or a list of Statements. Each statement has an optional Sid, an Effect (Allow or Deny), a Principal or NotPrincipal (\"*\", {\"AWS\": …} or {\"Service\": …}) where the policy type needs one, Action or NotAction, Resource or NotResource, and an optional Condition. In actions and resources, * matches any run of characters and ? exactly one.",
			"Conditions use the String, Arn, IpAddress, Bool, Null and Numeric operator families, their Not forms (StringNotEquals, NotIpAddress …), the IfExists suffix and the ForAnyValue: and ForAllValues: qualifiers for keys with several values. Condition key names are case-insensitive (aws:sourceVpce and aws:SourceVpce are the same key); values are case-sensitive unless IAM says otherwise, as for StringEqualsIgnoreCase. A key missing from the request follows IAM's rules: an IfExists operator, a negated operator and ForAllValues match it, ForAnyValue and the positive operators do not, and Null: true matches exactly that case.",
			"Example: {\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"s3:Get*\", \"Resource\": \"arn:aws:s3:::app-reports/*\", \"Condition\": {\"StringEquals\": {\"aws:PrincipalAccount\": \"111122223333\"}}} allows s3:GetObject and s3:GetObjectTagging on app-reports' objects for callers of account 111122223333.",
			"Common mistake: an Allow with ForAllValues:StringEquals on a key the request does not carry. It matches, because there are no values to fail, and allows more than intended.",
		},
		See: []string{"POL-01", "POL-03", "POL-05"},
	},
	{
		ID:      "POL-03",
		Title:   "Which context keys are set, and when",
		Summary: "aws:SourceVpce, aws:SourceVpc and aws:VpcSourceIp are set only for requests through a VPC endpoint, aws:SourceIp only for requests over public addresses, and the principal, resource account, transport and service-source keys as IAM sets them.",
		Explain: []string{
			"Conditions can only test keys the request carries. For requests through a VPC endpoint, the simulator sets aws:SourceVpce (the endpoint's ID), aws:SourceVpc (its VPC's ID) and aws:VpcSourceIp (the client's private address). For requests over public addresses it sets aws:SourceIp instead, which only ever holds a public address.",
			"It also sets aws:PrincipalArn and aws:PrincipalAccount (the caller), s3:ResourceAccount (the bucket's owner), aws:SecureTransport (true over HTTPS), and, when a service principal such as vpce.amazonaws.com acts, aws:SourceArn and aws:SourceAccount for the resource on whose behalf it acts.",
			"Example: i-private (10.0.2.15) reads app-reports through vpce-1a2b3c4d: the request carries aws:SourceVpce vpce-1a2b3c4d, aws:SourceVpc vpc-0a1b2c3d4e5f60718 and aws:VpcSourceIp 10.0.2.15, and no aws:SourceIp. The same read from i-web through the internet gateway carries aws:SourceIp 54.210.8.15 and none of the three VPC keys.",
			"Common mistake: writing an allow on aws:SourceIp with the VPC's private range, 10.0.0.0/16. It never matches, whatever the path: private addresses are never the value of aws:SourceIp. Use aws:VpcSourceIp.",
		},
		See: []string{"GW-10", "POL-02", "POL-04", "NTF-02"},
	},
	{
		ID:      "POL-04",
		Title:   "The classic bucket and endpoint policies",
		Summary: "The example policies of the notes behave as the notes say, including that a deny unless aws:sourceVpce or aws:sourceVpc also blocks requests that do not come through that endpoint or VPC, such as the console.",
		Explain: []string{
			"The notes give example bucket policies that Deny unless aws:sourceVpce is a given endpoint, aws:sourceVpc a given VPC, aws:VpcSourceIp in a range, or s3:ResourceAccount a given account; and endpoint policies that Allow only a given bucket, a given role (aws:PrincipalArn) or a given account (aws:PrincipalAccount). The simulator evaluates them exactly as the notes describe.",
			"A Deny with StringNotEquals on aws:sourceVpce denies every request whose aws:SourceVpce is different or missing. Requests from the AWS Management Console, from your laptop or through another VPC's endpoint carry no matching value, so they are denied too: the bucket is locked to that endpoint for everyone, administrators included.",
			"Example: app-reports' policy denies s3:GetObject, s3:PutObject and s3:DeleteObject unless aws:sourceVpce is vpce-1a2b3c4d. i-private reading through vpce-1a2b3c4d is allowed (given an allow elsewhere); the same role reading from the console, or i-web through the internet gateway, is denied by that statement.",
			"Common mistake: adding such a Deny without an exception for administrators or deployment pipelines that work from outside the VPC, then being unable to manage the bucket's objects.",
		},
		See: []string{"POL-01", "POL-03", "GW-10", "IF-05"},
	},
	{
		ID:      "POL-05",
		Title:   "Malformed policies are rejected, never guessed",
		Summary: "A malformed policy is rejected with an error that names the problem and where it is, and is never silently treated as allow or deny.",
		Explain: []string{
			"A policy that is not valid JSON, or is valid JSON but not a valid policy (an unknown element, an Effect other than Allow or Deny, an unknown condition operator, a value of the wrong kind), is refused when it is set. The error says what is wrong and gives the path to the offending element.",
			"The simulator never guesses: a broken policy is not quietly read as allow-all or deny-all, because a learner would then draw the wrong conclusion from the trace.",
			"Example: a statement with \"Condition\": {\"StringEqualz\": {\"aws:SourceVpc\": \"vpc-0a1b2c3d4e5f60718\"}} is rejected with an unknown condition operator error at Statement[0].Condition.StringEqualz.",
			"Common mistake: misspelling a key such as Conditions or Resources. IAM rejects unknown elements, and so does the simulator, rather than ignoring the misspelt part.",
		},
		See: []string{"POL-02", "POL-06", "VAL-04"},
	},
	{
		ID:      "POL-06",
		Title:   "Endpoint policy limits",
		Summary: "An endpoint policy must name a Principal and is at most 20,480 characters.",
		Explain: []string{
			"A VPC endpoint policy is a resource policy, so each statement must have a Principal (usually \"*\", narrowed with conditions). AWS limits its size to 20,480 characters.",
			"A policy without a Principal, or longer than the limit, is refused when it is set on the endpoint.",
			"Example: {\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::app-reports/*\"} is valid as an identity policy but refused as an endpoint policy for lack of a Principal. Adding \"Principal\": \"*\" makes it valid.",
			"Common mistake: pasting an identity policy as an endpoint policy, or listing hundreds of bucket ARNs until the policy passes the size limit. Use wildcards or conditions such as s3:ResourceAccount instead.",
		},
		See: []string{"IF-05", "POL-05"},
	},
}
