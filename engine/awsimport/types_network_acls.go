package awsimport

// DescribeNetworkAclsOutput is the output of `aws ec2 describe-network-acls`.
type DescribeNetworkAclsOutput struct {
	NetworkAcls []NetworkACL `json:"NetworkAcls"`
}

// NetworkACL is one network ACL of describe-network-acls.
type NetworkACL struct {
	NetworkACLID string                  `json:"NetworkAclId"`
	VpcID        string                  `json:"VpcId"`
	OwnerID      string                  `json:"OwnerId"`
	IsDefault    bool                    `json:"IsDefault"`
	Associations []NetworkACLAssociation `json:"Associations"`
	Entries      []NetworkACLEntry       `json:"Entries"`
	Tags         []Tag                   `json:"Tags"`
}

// NetworkACLAssociation associates an ACL with a subnet.
type NetworkACLAssociation struct {
	NetworkACLAssociationID string `json:"NetworkAclAssociationId"`
	NetworkACLID            string `json:"NetworkAclId"`
	SubnetID                string `json:"SubnetId"`
}

// NetworkACLEntry is one numbered rule. Protocol is an IANA number as a
// string ("6") or "-1" for all.
type NetworkACLEntry struct {
	RuleNumber    int           `json:"RuleNumber"`
	Egress        bool          `json:"Egress"`
	Protocol      string        `json:"Protocol"`
	RuleAction    string        `json:"RuleAction"`
	CidrBlock     string        `json:"CidrBlock"`
	Ipv6CidrBlock string        `json:"Ipv6CidrBlock"`
	PortRange     *PortRange    `json:"PortRange"`
	IcmpTypeCode  *IcmpTypeCode `json:"IcmpTypeCode"`
}

// PortRange is an entry's TCP or UDP port range.
type PortRange struct {
	From *int `json:"From"`
	To   *int `json:"To"`
}

// IcmpTypeCode is an entry's ICMP type and code (-1 for all).
type IcmpTypeCode struct {
	Type *int `json:"Type"`
	Code *int `json:"Code"`
}
