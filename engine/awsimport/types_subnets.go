package awsimport

// DescribeSubnetsOutput is the output of `aws ec2 describe-subnets`.
type DescribeSubnetsOutput struct {
	Subnets []Subnet `json:"Subnets"`
}

// Subnet is one subnet of describe-subnets.
type Subnet struct {
	SubnetID                    string                        `json:"SubnetId"`
	VpcID                       string                        `json:"VpcId"`
	OwnerID                     string                        `json:"OwnerId"`
	AvailabilityZone            string                        `json:"AvailabilityZone"`
	AvailabilityZoneID          string                        `json:"AvailabilityZoneId"`
	CidrBlock                   string                        `json:"CidrBlock"`
	Ipv6CidrBlockAssociationSet []VpcIpv6CidrBlockAssociation `json:"Ipv6CidrBlockAssociationSet"`
	MapPublicIPOnLaunch         bool                          `json:"MapPublicIpOnLaunch"`
	State                       string                        `json:"State"`
	Tags                        []Tag                         `json:"Tags"`
}
