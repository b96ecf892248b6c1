package awsimport

// DescribeVpcEndpointsOutput is the output of `aws ec2 describe-vpc-endpoints`.
type DescribeVpcEndpointsOutput struct {
	VpcEndpoints []VpcEndpoint `json:"VpcEndpoints"`
}

// VpcEndpoint is one endpoint of describe-vpc-endpoints.
type VpcEndpoint struct {
	VpcEndpointID       string            `json:"VpcEndpointId"`
	VpcEndpointType     string            `json:"VpcEndpointType"`
	VpcID               string            `json:"VpcId"`
	OwnerID             string            `json:"OwnerId"`
	ServiceName         string            `json:"ServiceName"`
	ServiceRegion       string            `json:"ServiceRegion"`
	State               string            `json:"State"`
	PolicyDocument      string            `json:"PolicyDocument"`
	RouteTableIDs       []string          `json:"RouteTableIds"`
	SubnetIDs           []string          `json:"SubnetIds"`
	Groups              []GroupIdentifier `json:"Groups"`
	PrivateDNSEnabled   *bool             `json:"PrivateDnsEnabled"`
	IPAddressType       string            `json:"IpAddressType"`
	DNSOptions          *DNSOptions       `json:"DnsOptions"`
	NetworkInterfaceIDs []string          `json:"NetworkInterfaceIds"`
	RequesterManaged    bool              `json:"RequesterManaged"`
	Tags                []Tag             `json:"Tags"`
}

// DNSOptions are an interface endpoint's DNS options.
type DNSOptions struct {
	DNSRecordIPType                          string `json:"DnsRecordIpType"`
	PrivateDNSOnlyForInboundResolverEndpoint *bool  `json:"PrivateDnsOnlyForInboundResolverEndpoint"`
}
