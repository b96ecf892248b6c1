package awsimport

// DescribeSecurityGroupsOutput is the output of
// `aws ec2 describe-security-groups`.
type DescribeSecurityGroupsOutput struct {
	SecurityGroups []SecurityGroup `json:"SecurityGroups"`
}

// SecurityGroup is one group of describe-security-groups.
type SecurityGroup struct {
	GroupID             string         `json:"GroupId"`
	GroupName           string         `json:"GroupName"`
	Description         string         `json:"Description"`
	VpcID               string         `json:"VpcId"`
	OwnerID             string         `json:"OwnerId"`
	IPPermissions       []IPPermission `json:"IpPermissions"`
	IPPermissionsEgress []IPPermission `json:"IpPermissionsEgress"`
	Tags                []Tag          `json:"Tags"`
}

// IPPermission is one rule of a security group, with any number of sources
// (ingress) or destinations (egress).
type IPPermission struct {
	IPProtocol       string            `json:"IpProtocol"`
	FromPort         *int              `json:"FromPort"`
	ToPort           *int              `json:"ToPort"`
	IPRanges         []IPRange         `json:"IpRanges"`
	Ipv6Ranges       []Ipv6Range       `json:"Ipv6Ranges"`
	PrefixListIDs    []PrefixListID    `json:"PrefixListIds"`
	UserIDGroupPairs []UserIDGroupPair `json:"UserIdGroupPairs"`
}

// IPRange is an IPv4 source or destination.
type IPRange struct {
	CidrIP      string `json:"CidrIp"`
	Description string `json:"Description"`
}

// Ipv6Range is an IPv6 source or destination.
type Ipv6Range struct {
	CidrIpv6    string `json:"CidrIpv6"`
	Description string `json:"Description"`
}

// PrefixListID is a prefix list source or destination.
type PrefixListID struct {
	PrefixListID string `json:"PrefixListId"`
	Description  string `json:"Description"`
}

// UserIDGroupPair is a security group source or destination.
type UserIDGroupPair struct {
	GroupID                string `json:"GroupId"`
	GroupName              string `json:"GroupName"`
	UserID                 string `json:"UserId"`
	VpcID                  string `json:"VpcId"`
	VpcPeeringConnectionID string `json:"VpcPeeringConnectionId"`
	PeeringStatus          string `json:"PeeringStatus"`
}
