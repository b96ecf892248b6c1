package awsimport

// DescribeVpcPeeringConnectionsOutput is the output of
// `aws ec2 describe-vpc-peering-connections`.
type DescribeVpcPeeringConnectionsOutput struct {
	VpcPeeringConnections []VpcPeeringConnection `json:"VpcPeeringConnections"`
}

// VpcPeeringConnection is a peering connection between two VPCs.
type VpcPeeringConnection struct {
	VpcPeeringConnectionID string        `json:"VpcPeeringConnectionId"`
	RequesterVpcInfo       PeeringVpc    `json:"RequesterVpcInfo"`
	AccepterVpcInfo        PeeringVpc    `json:"AccepterVpcInfo"`
	Status                 PeeringStatus `json:"Status"`
	Tags                   []Tag         `json:"Tags"`
}

// PeeringVpc is one side of a peering connection.
type PeeringVpc struct {
	VpcID     string `json:"VpcId"`
	OwnerID   string `json:"OwnerId"`
	Region    string `json:"Region"`
	CidrBlock string `json:"CidrBlock"`
}

// PeeringStatus is a peering connection's status; Code "active" carries
// traffic.
type PeeringStatus struct {
	Code    string `json:"Code"`
	Message string `json:"Message"`
}
