package awsimport

// DescribeInstancesOutput is the output of `aws ec2 describe-instances`.
type DescribeInstancesOutput struct {
	Reservations []Reservation `json:"Reservations"`
}

// Reservation is one launch of instances.
type Reservation struct {
	ReservationID string     `json:"ReservationId"`
	OwnerID       string     `json:"OwnerId"`
	Instances     []Instance `json:"Instances"`
}

// Instance is one EC2 instance of describe-instances.
type Instance struct {
	InstanceID         string                     `json:"InstanceId"`
	VpcID              string                     `json:"VpcId"`
	SubnetID           string                     `json:"SubnetId"`
	PrivateIPAddress   string                     `json:"PrivateIpAddress"`
	PublicIPAddress    string                     `json:"PublicIpAddress"`
	Ipv6Address        string                     `json:"Ipv6Address"`
	SecurityGroups     []GroupIdentifier          `json:"SecurityGroups"`
	IamInstanceProfile *IamInstanceProfile        `json:"IamInstanceProfile"`
	State              InstanceState              `json:"State"`
	NetworkInterfaces  []InstanceNetworkInterface `json:"NetworkInterfaces"`
	Placement          Placement                  `json:"Placement"`
	Tags               []Tag                      `json:"Tags"`
}

// IamInstanceProfile is the instance profile an instance runs with.
type IamInstanceProfile struct {
	Arn string `json:"Arn"`
	ID  string `json:"Id"`
}

// InstanceState is an instance's state: {"Code": 16, "Name": "running"}.
type InstanceState struct {
	Code int    `json:"Code"`
	Name string `json:"Name"`
}

// Placement is where an instance runs.
type Placement struct {
	AvailabilityZone string `json:"AvailabilityZone"`
}

// InstanceNetworkInterface is one network interface of an instance.
type InstanceNetworkInterface struct {
	NetworkInterfaceID string             `json:"NetworkInterfaceId"`
	SubnetID           string             `json:"SubnetId"`
	PrivateIPAddress   string             `json:"PrivateIpAddress"`
	PrivateIPAddresses []PrivateIPAddress `json:"PrivateIpAddresses"`
	Ipv6Addresses      []Ipv6Address      `json:"Ipv6Addresses"`
	Groups             []GroupIdentifier  `json:"Groups"`
	Attachment         *ENIAttachment     `json:"Attachment"`
	Association        *IPAssociation     `json:"Association"`
}

// PrivateIPAddress is one private address of an interface.
type PrivateIPAddress struct {
	Primary          bool           `json:"Primary"`
	PrivateIPAddress string         `json:"PrivateIpAddress"`
	Association      *IPAssociation `json:"Association"`
}

// Ipv6Address is one IPv6 address of an interface.
type Ipv6Address struct {
	Ipv6Address string `json:"Ipv6Address"`
}

// IPAssociation is the public address associated with a private one.
type IPAssociation struct {
	PublicIP  string `json:"PublicIp"`
	IPOwnerID string `json:"IpOwnerId"`
}

// ENIAttachment attaches an interface to an instance.
type ENIAttachment struct {
	AttachmentID string `json:"AttachmentId"`
	DeviceIndex  int    `json:"DeviceIndex"`
	InstanceID   string `json:"InstanceId"`
	Status       string `json:"Status"`
}
