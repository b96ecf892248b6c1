package awsimport

// DescribeTargetGroupsOutput is the output of
// `aws elbv2 describe-target-groups`. It names no targets: they come from
// describe-target-health.
type DescribeTargetGroupsOutput struct {
	TargetGroups []TargetGroup `json:"TargetGroups"`
	NextMarker   string        `json:"NextMarker"`
}

// TargetGroup is a group of targets of one TargetType ("instance", "ip",
// "lambda" or "alb") that listeners forward to.
type TargetGroup struct {
	TargetGroupArn   string   `json:"TargetGroupArn"`
	TargetGroupName  string   `json:"TargetGroupName"`
	Protocol         string   `json:"Protocol"`
	Port             int      `json:"Port"`
	VpcID            string   `json:"VpcId"`
	HealthCheckPort  string   `json:"HealthCheckPort"`
	LoadBalancerArns []string `json:"LoadBalancerArns"`
	TargetType       string   `json:"TargetType"`
	IPAddressType    string   `json:"IpAddressType"`
}

// DescribeTargetHealthOutput is the output of
// `aws elbv2 describe-target-health --target-group-arn ARN`: the targets
// registered with one target group, which the output does not name.
type DescribeTargetHealthOutput struct {
	TargetHealthDescriptions []TargetHealthDescription `json:"TargetHealthDescriptions"`
}

// TargetHealthDescription is one registered target and its health.
type TargetHealthDescription struct {
	Target          TargetDescription `json:"Target"`
	HealthCheckPort string            `json:"HealthCheckPort"`
	TargetHealth    *TargetHealth     `json:"TargetHealth"`
}

// TargetDescription is a target: an instance ID, an IP address, a Lambda
// function's ARN or an Application Load Balancer's ARN, with its port.
type TargetDescription struct {
	ID               string `json:"Id"`
	Port             int    `json:"Port"`
	AvailabilityZone string `json:"AvailabilityZone"`
}

// TargetHealth is a target's State ("initial", "healthy", "unhealthy",
// "unhealthy.draining", "unused", "draining" or "unavailable") with a
// reason code and description.
type TargetHealth struct {
	State       string `json:"State"`
	Reason      string `json:"Reason"`
	Description string `json:"Description"`
}
