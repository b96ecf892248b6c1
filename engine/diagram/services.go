package diagram

import (
	"strings"

	"privatelink-playground/engine"
)

// awsService is what a diagram shows of an endpoint's service name.
type awsService struct {
	region string // "" when the name is not an AWS or PrivateLink name
	name   string // the last label: "s3", "sqs" …, or the vpce-svc ID
	short  string // "S3", "SQS" … for AWS services; the vpce-svc ID
	vpce   bool   // a PrivateLink endpoint service: com.amazonaws.vpce.REGION.ID
}

// parseServiceName splits com.amazonaws.REGION.SERVICE and
// com.amazonaws.vpce.REGION.vpce-svc-ID. Any other name has no region.
func parseServiceName(name string) awsService {
	rest, ok := strings.CutPrefix(name, "com.amazonaws.")
	if !ok {
		return awsService{}
	}
	if after, ok := strings.CutPrefix(rest, "vpce."); ok {
		region, id, ok := strings.Cut(after, ".")
		if !ok || region == "" || id == "" {
			return awsService{}
		}
		return awsService{region: region, name: id, short: id, vpce: true}
	}
	region, svc, ok := strings.Cut(rest, ".")
	if !ok || region == "" || svc == "" {
		return awsService{}
	}
	return awsService{region: region, name: svc, short: serviceTitle(svc)}
}

// serviceTitle is the name the AWS console gives a service, short.
func serviceTitle(svc string) string {
	switch svc {
	case "s3":
		return "S3"
	case "dynamodb":
		return "DynamoDB"
	case "sqs", "sns", "sts", "kms", "ec2", "ssm":
		return strings.ToUpper(svc)
	case "logs":
		return "CloudWatch Logs"
	case "monitoring":
		return "CloudWatch"
	case "secretsmanager":
		return "Secrets Manager"
	case "execute-api":
		return "API Gateway"
	case "lambda":
		return "Lambda"
	}
	return svc
}

// prefixListLabel labels the routes a gateway endpoint adds to its route
// tables: the service's prefix list from the engine's catalogue and the
// service, as in "pl-63a5400a (S3)".
func prefixListLabel(serviceName string) string {
	svc := parseServiceName(serviceName)
	if svc.short == "" {
		return "prefix list"
	}
	id := "prefix list"
	if pl, ok := engine.PrefixListFor(svc.name, svc.region); ok {
		id = pl.ID
	}
	return id + " (" + svc.short + ")"
}
