package awsimport

// DescribeNatGatewaysOutput is the output of `aws ec2 describe-nat-gateways`.
type DescribeNatGatewaysOutput struct {
	NatGateways []NatGateway `json:"NatGateways"`
}

// NatGateway is one NAT gateway of describe-nat-gateways.
type NatGateway struct {
	NatGatewayID        string              `json:"NatGatewayId"`
	SubnetID            string              `json:"SubnetId"`
	VpcID               string              `json:"VpcId"`
	State               string              `json:"State"`
	ConnectivityType    string              `json:"ConnectivityType"`
	NatGatewayAddresses []NatGatewayAddress `json:"NatGatewayAddresses"`
	Tags                []Tag               `json:"Tags"`
}

// NatGatewayAddress is one address of a NAT gateway.
type NatGatewayAddress struct {
	AllocationID       string `json:"AllocationId"`
	NetworkInterfaceID string `json:"NetworkInterfaceId"`
	PrivateIP          string `json:"PrivateIp"`
	PublicIP           string `json:"PublicIp"`
}
