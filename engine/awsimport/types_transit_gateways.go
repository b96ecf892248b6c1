package awsimport

// DescribeTransitGatewaysOutput is the output of
// `aws ec2 describe-transit-gateways`.
type DescribeTransitGatewaysOutput struct {
	TransitGateways []TransitGateway `json:"TransitGateways"`
}

// TransitGateway is one transit gateway of describe-transit-gateways.
type TransitGateway struct {
	TransitGatewayID  string                 `json:"TransitGatewayId"`
	TransitGatewayArn string                 `json:"TransitGatewayArn"`
	State             string                 `json:"State"`
	OwnerID           string                 `json:"OwnerId"`
	Description       string                 `json:"Description"`
	Options           *TransitGatewayOptions `json:"Options"`
	Tags              []Tag                  `json:"Tags"`
}

// TransitGatewayOptions are a transit gateway's options: its default route
// tables among them.
type TransitGatewayOptions struct {
	AmazonSideAsn                  int64    `json:"AmazonSideAsn"`
	AutoAcceptSharedAttachments    string   `json:"AutoAcceptSharedAttachments"`
	DefaultRouteTableAssociation   string   `json:"DefaultRouteTableAssociation"`
	AssociationDefaultRouteTableID string   `json:"AssociationDefaultRouteTableId"`
	DefaultRouteTablePropagation   string   `json:"DefaultRouteTablePropagation"`
	PropagationDefaultRouteTableID string   `json:"PropagationDefaultRouteTableId"`
	VpnEcmpSupport                 string   `json:"VpnEcmpSupport"`
	DNSSupport                     string   `json:"DnsSupport"`
	MulticastSupport               string   `json:"MulticastSupport"`
	TransitGatewayCidrBlocks       []string `json:"TransitGatewayCidrBlocks"`
}

// DescribeTransitGatewayAttachmentsOutput is the output of
// `aws ec2 describe-transit-gateway-attachments`.
type DescribeTransitGatewayAttachmentsOutput struct {
	TransitGatewayAttachments []TransitGatewayAttachment `json:"TransitGatewayAttachments"`
}

// TransitGatewayAttachment is an attachment of any kind to a transit
// gateway: ResourceType "vpc", "vpn", "direct-connect-gateway", "connect",
// "peering", … with the ID of the resource attached (a VPC, a VPN
// connection, …).
type TransitGatewayAttachment struct {
	TransitGatewayAttachmentID string                               `json:"TransitGatewayAttachmentId"`
	TransitGatewayID           string                               `json:"TransitGatewayId"`
	TransitGatewayOwnerID      string                               `json:"TransitGatewayOwnerId"`
	ResourceOwnerID            string                               `json:"ResourceOwnerId"`
	ResourceType               string                               `json:"ResourceType"`
	ResourceID                 string                               `json:"ResourceId"`
	State                      string                               `json:"State"`
	Association                *TransitGatewayAttachmentAssociation `json:"Association"`
	Tags                       []Tag                                `json:"Tags"`
}

// TransitGatewayAttachmentAssociation names the transit gateway route
// table an attachment is associated with: the table that routes what
// arrives on it.
type TransitGatewayAttachmentAssociation struct {
	TransitGatewayRouteTableID string `json:"TransitGatewayRouteTableId"`
	State                      string `json:"State"`
}

// DescribeTransitGatewayVpcAttachmentsOutput is the output of
// `aws ec2 describe-transit-gateway-vpc-attachments`.
type DescribeTransitGatewayVpcAttachmentsOutput struct {
	TransitGatewayVpcAttachments []TransitGatewayVpcAttachment `json:"TransitGatewayVpcAttachments"`
}

// TransitGatewayVpcAttachment is a VPC attachment with the subnets the
// transit gateway uses in the VPC.
type TransitGatewayVpcAttachment struct {
	TransitGatewayAttachmentID string   `json:"TransitGatewayAttachmentId"`
	TransitGatewayID           string   `json:"TransitGatewayId"`
	VpcID                      string   `json:"VpcId"`
	VpcOwnerID                 string   `json:"VpcOwnerId"`
	State                      string   `json:"State"`
	SubnetIDs                  []string `json:"SubnetIds"`
	Tags                       []Tag    `json:"Tags"`
}

// SearchTransitGatewayRoutesOutput is the output of `aws ec2
// search-transit-gateway-routes`: the routes of one transit gateway route
// table, which the output does not name.
type SearchTransitGatewayRoutesOutput struct {
	Routes                    []TransitGatewayRoute `json:"Routes"`
	AdditionalRoutesAvailable bool                  `json:"AdditionalRoutesAvailable"`
}

// TransitGatewayRoute is one route of a transit gateway route table: a
// destination, the attachments it leads to (none for a blackhole route),
// its Type ("static" or "propagated") and State ("active", "blackhole", …).
type TransitGatewayRoute struct {
	DestinationCidrBlock      string                          `json:"DestinationCidrBlock"`
	PrefixListID              string                          `json:"PrefixListId"`
	TransitGatewayAttachments []TransitGatewayRouteAttachment `json:"TransitGatewayAttachments"`
	Type                      string                          `json:"Type"`
	State                     string                          `json:"State"`
}

// TransitGatewayRouteAttachment is an attachment a transit gateway route
// leads to.
type TransitGatewayRouteAttachment struct {
	ResourceID                 string `json:"ResourceId"`
	TransitGatewayAttachmentID string `json:"TransitGatewayAttachmentId"`
	ResourceType               string `json:"ResourceType"`
}
