package awsimport

// DescribeInternetGatewaysOutput is the output of
// `aws ec2 describe-internet-gateways`.
type DescribeInternetGatewaysOutput struct {
	InternetGateways []InternetGateway `json:"InternetGateways"`
}

// InternetGateway is one internet gateway with its VPC attachments.
type InternetGateway struct {
	InternetGatewayID string              `json:"InternetGatewayId"`
	OwnerID           string              `json:"OwnerId"`
	Attachments       []GatewayAttachment `json:"Attachments"`
	Tags              []Tag               `json:"Tags"`
}

// GatewayAttachment attaches a gateway to a VPC; State is "available" or
// "attached" when it is in use.
type GatewayAttachment struct {
	State string `json:"State"`
	VpcID string `json:"VpcId"`
}
