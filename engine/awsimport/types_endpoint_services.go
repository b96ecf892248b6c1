package awsimport

// DescribeVpcEndpointServicesOutput is the output of
// `aws ec2 describe-vpc-endpoint-services`: the services a consumer can
// connect to.
type DescribeVpcEndpointServicesOutput struct {
	ServiceNames   []string        `json:"ServiceNames"`
	ServiceDetails []ServiceDetail `json:"ServiceDetails"`
}

// ServiceDetail is one service of describe-vpc-endpoint-services.
type ServiceDetail struct {
	ServiceName             string        `json:"ServiceName"`
	ServiceID               string        `json:"ServiceId"`
	ServiceType             []ServiceType `json:"ServiceType"`
	Owner                   string        `json:"Owner"`
	PrivateDNSName          string        `json:"PrivateDnsName"`
	AcceptanceRequired      bool          `json:"AcceptanceRequired"`
	SupportedIPAddressTypes []string      `json:"SupportedIpAddressTypes"`
}

// ServiceType is {"ServiceType": "Interface" | "Gateway" | "GatewayLoadBalancer"}.
type ServiceType struct {
	ServiceType string `json:"ServiceType"`
}
