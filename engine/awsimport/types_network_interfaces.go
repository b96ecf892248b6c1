package awsimport

// DescribeNetworkInterfacesOutput is the output of
// `aws ec2 describe-network-interfaces`.
type DescribeNetworkInterfacesOutput struct {
	NetworkInterfaces []NetworkInterface `json:"NetworkInterfaces"`
}

// NetworkInterface is one elastic network interface.
type NetworkInterface struct {
	NetworkInterfaceID string             `json:"NetworkInterfaceId"`
	InterfaceType      string             `json:"InterfaceType"`
	Description        string             `json:"Description"`
	SubnetID           string             `json:"SubnetId"`
	VpcID              string             `json:"VpcId"`
	OwnerID            string             `json:"OwnerId"`
	PrivateIPAddress   string             `json:"PrivateIpAddress"`
	PrivateIPAddresses []PrivateIPAddress `json:"PrivateIpAddresses"`
	Ipv6Addresses      []Ipv6Address      `json:"Ipv6Addresses"`
	Groups             []GroupIdentifier  `json:"Groups"`
	Attachment         *ENIAttachment     `json:"Attachment"`
	Association        *IPAssociation     `json:"Association"`
	RequesterManaged   bool               `json:"RequesterManaged"`
	RequesterID        string             `json:"RequesterId"`
}
