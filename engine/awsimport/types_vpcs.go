package awsimport

// DescribeVpcsOutput is the output of `aws ec2 describe-vpcs`.
type DescribeVpcsOutput struct {
	Vpcs []Vpc `json:"Vpcs"`
}

// Vpc is one VPC of describe-vpcs.
type Vpc struct {
	VpcID                       string                        `json:"VpcId"`
	OwnerID                     string                        `json:"OwnerId"`
	CidrBlock                   string                        `json:"CidrBlock"`
	CidrBlockAssociationSet     []VpcCidrBlockAssociation     `json:"CidrBlockAssociationSet"`
	Ipv6CidrBlockAssociationSet []VpcIpv6CidrBlockAssociation `json:"Ipv6CidrBlockAssociationSet"`
	IsDefault                   bool                          `json:"IsDefault"`
	State                       string                        `json:"State"`
	Tags                        []Tag                         `json:"Tags"`
}

// VpcCidrBlockAssociation is one IPv4 CIDR of a VPC.
type VpcCidrBlockAssociation struct {
	AssociationID  string    `json:"AssociationId"`
	CidrBlock      string    `json:"CidrBlock"`
	CidrBlockState CidrState `json:"CidrBlockState"`
}

// VpcIpv6CidrBlockAssociation is one IPv6 CIDR of a VPC or subnet.
type VpcIpv6CidrBlockAssociation struct {
	AssociationID      string    `json:"AssociationId"`
	Ipv6CidrBlock      string    `json:"Ipv6CidrBlock"`
	Ipv6CidrBlockState CidrState `json:"Ipv6CidrBlockState"`
}

// CidrState is the state of a CIDR association ("associated", …).
type CidrState struct {
	State string `json:"State"`
}

// DescribeVpcAttributeOutput is the output of `aws ec2 describe-vpc-attribute`
// for enableDnsSupport or enableDnsHostnames.
type DescribeVpcAttributeOutput struct {
	VpcID              string            `json:"VpcId"`
	EnableDNSSupport   *AttributeBoolean `json:"EnableDnsSupport"`
	EnableDNSHostnames *AttributeBoolean `json:"EnableDnsHostnames"`
}
