package awsimport

// DescribeVpnGatewaysOutput is the output of `aws ec2 describe-vpn-gateways`.
type DescribeVpnGatewaysOutput struct {
	VpnGateways []VpnGateway `json:"VpnGateways"`
}

// VpnGateway is a virtual private gateway with its VPC attachments.
type VpnGateway struct {
	VpnGatewayID   string              `json:"VpnGatewayId"`
	State          string              `json:"State"`
	Type           string              `json:"Type"`
	VpcAttachments []GatewayAttachment `json:"VpcAttachments"`
	Tags           []Tag               `json:"Tags"`
}

// DescribeVpnConnectionsOutput is the output of
// `aws ec2 describe-vpn-connections`.
type DescribeVpnConnectionsOutput struct {
	VpnConnections []VpnConnection `json:"VpnConnections"`
}

// VpnConnection is a site-to-site VPN from a customer gateway to a virtual
// private gateway or a transit gateway. Its CustomerGatewayConfiguration
// (which holds pre-shared keys) is deliberately not read.
type VpnConnection struct {
	VpnConnectionID   string      `json:"VpnConnectionId"`
	CustomerGatewayID string      `json:"CustomerGatewayId"`
	VpnGatewayID      string      `json:"VpnGatewayId"`
	TransitGatewayID  string      `json:"TransitGatewayId"`
	State             string      `json:"State"`
	Type              string      `json:"Type"`
	Options           *VpnOptions `json:"Options"`
	Routes            []VpnRoute  `json:"Routes"`
	Tags              []Tag       `json:"Tags"`
}

// VpnOptions are a VPN connection's options.
type VpnOptions struct {
	StaticRoutesOnly bool `json:"StaticRoutesOnly"`
}

// VpnRoute is a static route of a VPN connection: a CIDR of the site.
type VpnRoute struct {
	DestinationCidrBlock string `json:"DestinationCidrBlock"`
	State                string `json:"State"`
}

// DescribeCustomerGatewaysOutput is the output of
// `aws ec2 describe-customer-gateways`.
type DescribeCustomerGatewaysOutput struct {
	CustomerGateways []CustomerGateway `json:"CustomerGateways"`
}

// CustomerGateway is the on-premises end of a VPN.
type CustomerGateway struct {
	CustomerGatewayID string `json:"CustomerGatewayId"`
	IPAddress         string `json:"IpAddress"`
	BgpAsn            string `json:"BgpAsn"`
	State             string `json:"State"`
	Type              string `json:"Type"`
	Tags              []Tag  `json:"Tags"`
}
