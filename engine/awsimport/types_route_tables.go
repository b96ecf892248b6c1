package awsimport

// DescribeRouteTablesOutput is the output of `aws ec2 describe-route-tables`.
type DescribeRouteTablesOutput struct {
	RouteTables []RouteTable `json:"RouteTables"`
}

// RouteTable is one route table of describe-route-tables.
type RouteTable struct {
	RouteTableID    string                  `json:"RouteTableId"`
	VpcID           string                  `json:"VpcId"`
	OwnerID         string                  `json:"OwnerId"`
	Associations    []RouteTableAssociation `json:"Associations"`
	Routes          []Route                 `json:"Routes"`
	PropagatingVgws []PropagatingVgw        `json:"PropagatingVgws"`
	Tags            []Tag                   `json:"Tags"`
}

// RouteTableAssociation associates a table with a subnet, a gateway (edge
// association), or marks it main.
type RouteTableAssociation struct {
	Main                    bool      `json:"Main"`
	RouteTableAssociationID string    `json:"RouteTableAssociationId"`
	RouteTableID            string    `json:"RouteTableId"`
	SubnetID                string    `json:"SubnetId"`
	GatewayID               string    `json:"GatewayId"`
	AssociationState        CidrState `json:"AssociationState"`
}

// Route is one route of a route table. Exactly one destination and one
// target field are set.
type Route struct {
	DestinationCidrBlock        string `json:"DestinationCidrBlock"`
	DestinationIpv6CidrBlock    string `json:"DestinationIpv6CidrBlock"`
	DestinationPrefixListID     string `json:"DestinationPrefixListId"`
	GatewayID                   string `json:"GatewayId"`
	NatGatewayID                string `json:"NatGatewayId"`
	VpcPeeringConnectionID      string `json:"VpcPeeringConnectionId"`
	TransitGatewayID            string `json:"TransitGatewayId"`
	VpcEndpointID               string `json:"VpcEndpointId"`
	InstanceID                  string `json:"InstanceId"`
	NetworkInterfaceID          string `json:"NetworkInterfaceId"`
	EgressOnlyInternetGatewayID string `json:"EgressOnlyInternetGatewayId"`
	LocalGatewayID              string `json:"LocalGatewayId"`
	CarrierGatewayID            string `json:"CarrierGatewayId"`
	CoreNetworkArn              string `json:"CoreNetworkArn"`
	Origin                      string `json:"Origin"`
	State                       string `json:"State"`
}

// PropagatingVgw is a virtual private gateway that propagates routes.
type PropagatingVgw struct {
	GatewayID string `json:"GatewayId"`
}
