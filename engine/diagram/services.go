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
	p, ok := engine.ParseServiceName(name)
	switch {
	case !ok:
		return awsService{}
	case p.ServiceID != "":
		return awsService{region: p.Region, name: p.ServiceID, short: p.ServiceID, vpce: true}
	}
	return awsService{region: p.Region, name: p.Short, short: serviceTitle(p.Short)}
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
