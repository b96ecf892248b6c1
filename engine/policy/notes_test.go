package policy

import "testing"

// TestRule_POL04_NotesExamples checks that the example policies of the seed
// notes behave as the notes say. Bucket policies are evaluated with an
// identity layer that allows everything (the notes: "These examples assume
// that there are also policy statements that allow the access required").
func TestRule_POL04_NotesExamples(t *testing.T) {
	const (
		role    = "arn:aws:iam::111122223333:role/role_name"
		other   = "arn:aws:iam::111122223333:role/other"
		foreign = "arn:aws:iam::999988887777:role/role_name"
	)
	type request struct {
		principal, action, resource string
		context                     map[string][]string
	}
	tests := []struct {
		name     string
		file     string
		endpoint bool // the policy is an endpoint policy, else a bucket policy
		req      request
		want     string
	}{
		// Restrict access to a specific endpoint (aws:sourceVpce).
		{"vpce: through the endpoint", "notes-bucket-specific-vpce.json", false,
			request{role, "s3:GetObject", "arn:aws:s3:::bucket_name/report.csv", ctx("aws:SourceVpce", "vpce-1a2b3c4d")}, Allowed},
		{"vpce: through another endpoint", "notes-bucket-specific-vpce.json", false,
			request{role, "s3:GetObject", "arn:aws:s3:::bucket_name/report.csv", ctx("aws:SourceVpce", "vpce-99999999")}, ExplicitDeny},
		{"vpce: the console sends no aws:sourceVpce", "notes-bucket-specific-vpce.json", false,
			request{role, "s3:PutObject", "arn:aws:s3:::bucket_name/report.csv", nil}, ExplicitDeny},
		{"vpce: actions not listed are not denied", "notes-bucket-specific-vpce.json", false,
			request{role, "s3:ListBucket", "arn:aws:s3:::bucket_name", nil}, Allowed},
		{"vpce: other buckets are not denied", "notes-bucket-specific-vpce.json", false,
			request{role, "s3:GetObject", "arn:aws:s3:::other/report.csv", nil}, Allowed},
		// Restrict access to a specific VPC (aws:sourceVpc).
		{"vpc: from the VPC", "notes-bucket-specific-vpc.json", false,
			request{role, "s3:DeleteObject", "arn:aws:s3:::example_bucket/a", ctx("aws:SourceVpc", "vpc-111bbb22", "aws:SourceVpce", "vpce-1")}, Allowed},
		{"vpc: from another VPC", "notes-bucket-specific-vpc.json", false,
			request{role, "s3:DeleteObject", "arn:aws:s3:::example_bucket/a", ctx("aws:SourceVpc", "vpc-222ccc33")}, ExplicitDeny},
		{"vpc: the console sends no aws:sourceVpc", "notes-bucket-specific-vpc.json", false,
			request{role, "s3:GetObject", "arn:aws:s3:::example_bucket", nil}, ExplicitDeny},
		// Restrict access to a specific IP address range (aws:VpcSourceIp).
		{"cidr: from inside the range", "notes-bucket-vpc-source-ip.json", false,
			request{role, "s3:GetObject", "arn:aws:s3:::bucket_name/a", ctx("aws:VpcSourceIp", "172.31.20.5")}, Allowed},
		{"cidr: from outside the range", "notes-bucket-vpc-source-ip.json", false,
			request{role, "s3:GetObject", "arn:aws:s3:::bucket_name/a", ctx("aws:VpcSourceIp", "10.0.1.5")}, ExplicitDeny},
		{"cidr: aws:SourceIp is not aws:VpcSourceIp (GW-10)", "notes-bucket-vpc-source-ip.json", false,
			request{role, "s3:GetObject", "arn:aws:s3:::bucket_name/a", ctx("aws:SourceIp", "172.31.20.5")}, ExplicitDeny},
		// Restrict access to buckets in a specific account (s3:ResourceAccount).
		{"account: bucket of the account", "notes-bucket-resource-account.json", false,
			request{role, "s3:GetObject", "arn:aws:s3:::any/a", ctx("s3:ResourceAccount", "111122223333")}, Allowed},
		{"account: bucket of another account", "notes-bucket-resource-account.json", false,
			request{role, "s3:PutObject", "arn:aws:s3:::any/a", ctx("s3:ResourceAccount", "999988887777")}, ExplicitDeny},
		// Endpoint policy: restrict access to a specific bucket.
		{"endpoint bucket: listed bucket", "notes-endpoint-specific-bucket.json", true,
			request{role, "s3:ListBucket", "arn:aws:s3:::bucket_name", nil}, Allowed},
		{"endpoint bucket: object of listed bucket", "notes-endpoint-specific-bucket.json", true,
			request{role, "s3:PutObject", "arn:aws:s3:::bucket_name/a/b", nil}, Allowed},
		{"endpoint bucket: other bucket", "notes-endpoint-specific-bucket.json", true,
			request{role, "s3:GetObject", "arn:aws:s3:::other/a", nil}, ImplicitDeny},
		{"endpoint bucket: action not listed", "notes-endpoint-specific-bucket.json", true,
			request{role, "s3:DeleteObject", "arn:aws:s3:::bucket_name/a", nil}, ImplicitDeny},
		// Endpoint policy: restrict access to a specific IAM role.
		{"endpoint role: the role", "notes-endpoint-specific-role.json", true,
			request{role, "sqs:SendMessage", "arn:aws:sqs:us-east-1:111122223333:jobs", ctx("aws:PrincipalArn", role)}, Allowed},
		{"endpoint role: the role, key from the caller", "notes-endpoint-specific-role.json", true,
			request{role, "sqs:SendMessage", "arn:aws:sqs:us-east-1:111122223333:jobs", nil}, Allowed},
		{"endpoint role: another role", "notes-endpoint-specific-role.json", true,
			request{other, "s3:GetObject", "arn:aws:s3:::bucket_name/a", nil}, ImplicitDeny},
		// Endpoint policy: restrict access to users in a specific account.
		{"endpoint account: the account", "notes-endpoint-specific-account.json", true,
			request{other, "sqs:SendMessage", "arn:aws:sqs:us-east-1:111122223333:jobs", ctx("aws:PrincipalAccount", "111122223333")}, Allowed},
		{"endpoint account: another account", "notes-endpoint-specific-account.json", true,
			request{foreign, "sqs:SendMessage", "arn:aws:sqs:us-east-1:111122223333:jobs", nil}, ImplicitDeny},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := testdata(t, tt.file)
			in := Input{
				Request:           Request{Principal: tt.req.principal, Action: tt.req.action, Resource: tt.req.resource, Context: tt.req.context},
				IdentityAllowsAll: true,
			}
			if tt.endpoint {
				if _, err := ParseEndpointPolicy([]byte(mustReadString(t, tt.file))); err != nil {
					t.Fatalf("not a valid endpoint policy: %v", err)
				}
				in.EndpointPolicies = []*Policy{p}
			} else {
				in.ResourcePolicy = p
			}
			r := Evaluate(in)
			checkResult(t, r)
			if r.Decision != tt.want {
				t.Errorf("decision = %s, want %s (%s)\n%+v", r.Decision, tt.want, r.Why, r.Layers)
			}
		})
	}
}

// TestRule_NTF02_NotesAccessPolicies checks the SNS access policy and the KMS
// key policy of the notes: vpce.amazonaws.com may publish (or use the key)
// only for the named endpoint and account.
func TestRule_NTF02_NotesAccessPolicies(t *testing.T) {
	const source = "arn:aws:ec2:region:account-id:vpc-endpoint/endpoint-id"
	tests := []struct {
		name, file, principal, action, resource string
		context                                 map[string][]string
		want                                    string
	}{
		{"sns: the endpoint publishes", "notes-sns-access-policy.json", "vpce.amazonaws.com", "sns:Publish", "arn:aws:sns:region:account-id:topic-name",
			ctx("aws:SourceArn", source, "aws:SourceAccount", "account-id"), Allowed},
		{"sns: confused deputy, other account", "notes-sns-access-policy.json", "vpce.amazonaws.com", "SNS:Publish", "arn:aws:sns:region:account-id:topic-name",
			ctx("aws:SourceArn", source, "aws:SourceAccount", "other"), ImplicitDeny},
		{"sns: keys absent", "notes-sns-access-policy.json", "vpce.amazonaws.com", "SNS:Publish", "arn:aws:sns:region:account-id:topic-name", nil, ImplicitDeny},
		{"sns: another service", "notes-sns-access-policy.json", "events.amazonaws.com", "SNS:Publish", "arn:aws:sns:region:account-id:topic-name",
			ctx("aws:SourceArn", source, "aws:SourceAccount", "account-id"), ImplicitDeny},
		{"kms: GenerateDataKey* wildcard", "notes-kms-key-policy.json", "vpce.amazonaws.com", "kms:GenerateDataKeyWithoutPlaintext", "arn:aws:kms:region:account-id:key/key-id",
			ctx("aws:SourceArn", source, "aws:SourceAccount", "account-id"), Allowed},
		{"kms: Encrypt not allowed", "notes-kms-key-policy.json", "vpce.amazonaws.com", "kms:Encrypt", "arn:aws:kms:region:account-id:key/key-id",
			ctx("aws:SourceArn", source, "aws:SourceAccount", "account-id"), ImplicitDeny},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Evaluate(Input{
				Request:        Request{Principal: tt.principal, Action: tt.action, Resource: tt.resource, Context: tt.context},
				ResourcePolicy: testdata(t, tt.file),
			})
			checkResult(t, r)
			if r.Decision != tt.want {
				t.Errorf("decision = %s, want %s (%s)", r.Decision, tt.want, r.Why)
			}
			if id, _ := r.Layer(LayerIdentity); id.Decision != NotApplicable {
				t.Errorf("identity layer of a service principal = %s, want %s", id.Decision, NotApplicable)
			}
		})
	}
}
