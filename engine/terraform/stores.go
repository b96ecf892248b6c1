package terraform

import "strings"

// declareStores names the buckets, tables, KMS keys and SNS topics.
func (x *exporter) declareStores() {
	for i := range x.s.Buckets {
		d := &x.s.Buckets[i]
		x.declare(d, kindBucket, d.Name, "aws_s3_bucket")
	}
	for i := range x.s.Tables {
		d := &x.s.Tables[i]
		x.declare(d, kindTable, d.Name, "aws_dynamodb_table")
	}
	for i := range x.s.KMSKeys {
		k := &x.s.KMSKeys[i]
		x.declareAs(k, kindKMSKey, k.ARN, "aws_kms_key", arnName(k.ARN))
	}
	for i := range x.s.SNSTopics {
		t := &x.s.SNSTopics[i]
		x.declareAs(t, kindTopic, t.ARN, "aws_sns_topic", arnName(t.ARN))
	}
}

// arnName is the resource part of an ARN: what follows its last colon.
func arnName(arn string) string {
	return arn[strings.LastIndexByte(arn, ':')+1:]
}

// writeStores writes the S3 buckets with their policies, the DynamoDB tables
// with their resource policies, the KMS keys and the SNS topics, each in its
// own Region. Identity policies are noted: they belong to IAM, outside the
// network this configuration builds.
func (x *exporter) writeStores() {
	for i := range x.s.Buckets {
		d := &x.s.Buckets[i]
		x.region = d.Region
		bucket := x.self[d]
		b := x.resource(bucket)
		set(b, "bucket", str(d.Name))
		if len(d.Policy) > 0 {
			p := x.resource(x.n.fresh("aws_s3_bucket_policy", d.Name))
			set(p, "bucket", traversal(bucket, "id"))
			set(p, "policy", policy(d.Policy, x.policyRefs()))
		}
	}
	for i := range x.s.Tables {
		d := &x.s.Tables[i]
		x.region = d.Region
		table := x.self[d]
		b := x.resource(table)
		set(b, "name", str(d.Name))
		set(b, "billing_mode", str("PAY_PER_REQUEST"))
		set(b, "hash_key", str("id"))
		a := block(b, "attribute")
		set(a, "name", str("id"))
		set(a, "type", str("S"))
		x.note("DynamoDB tables have the placeholder key id (string): the scenario does not model key schemas")
		if len(d.Policy) > 0 {
			p := x.resource(x.n.fresh("aws_dynamodb_resource_policy", d.Name))
			set(p, "resource_arn", traversal(table, "arn"))
			set(p, "policy", policy(d.Policy, x.policyRefs()))
		}
	}
	x.region = ""
	for i := range x.s.KMSKeys {
		k := &x.s.KMSKeys[i]
		b := x.resource(x.self[k])
		set(b, "description", str(k.ARN))
		if len(k.Policy) > 0 {
			set(b, "policy", policy(k.Policy, x.policyRefs()))
		}
		x.note("%s: AWS chooses a new key ID and ARN", k.ARN)
	}
	for i := range x.s.SNSTopics {
		t := &x.s.SNSTopics[i]
		b := x.resource(x.self[t])
		set(b, "name", str(arnName(t.ARN)))
		if t.KMSKey != "" {
			set(b, "kms_master_key_id", x.refTo(kindKMSKey, t.KMSKey, "arn"))
		}
		if len(t.Policy) > 0 {
			set(b, "policy", policy(t.Policy, x.policyRefs()))
		}
	}
	for _, p := range x.s.Principals {
		x.note("identity policies of %s (%d): IAM, outside this configuration", p.ARN, len(p.Policies))
	}
}

// policyRefs maps the IDs of the scenario's VPC endpoints and VPCs to the
// interpolation of their Terraform IDs, for the conditions of resource
// policies (aws:SourceVpce, aws:SourceVpc). Endpoint policies are written as
// they are: an endpoint policy naming its own endpoint would be a cycle.
func (x *exporter) policyRefs() map[string]string {
	m := map[string]string{}
	for _, k := range []kind{kindVPC, kindEndpoint} {
		for id, r := range x.n.byID[k] {
			m[id] = interpolation(r, "id")
		}
	}
	return m
}
