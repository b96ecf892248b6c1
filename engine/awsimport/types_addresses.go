package awsimport

// DescribeAddressesOutput is the output of `aws ec2 describe-addresses`:
// Elastic IP addresses.
type DescribeAddressesOutput struct {
	Addresses []Address `json:"Addresses"`
}

// Address is one Elastic IP address and what it is associated with.
type Address struct {
	PublicIP           string `json:"PublicIp"`
	AllocationID       string `json:"AllocationId"`
	AssociationID      string `json:"AssociationId"`
	InstanceID         string `json:"InstanceId"`
	NetworkInterfaceID string `json:"NetworkInterfaceId"`
	PrivateIPAddress   string `json:"PrivateIpAddress"`
	Domain             string `json:"Domain"`
}
