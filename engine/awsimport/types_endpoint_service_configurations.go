package awsimport

// DescribeVpcEndpointServiceConfigurationsOutput is the output of
// `aws ec2 describe-vpc-endpoint-service-configurations`: the endpoint
// services of the provider account that ran it.
type DescribeVpcEndpointServiceConfigurationsOutput struct {
	ServiceConfigurations []ServiceConfiguration `json:"ServiceConfigurations"`
	NextToken             string                 `json:"NextToken"`
}

// ServiceConfiguration is one endpoint service: the load balancers it
// fronts, whether connections need acceptance, its private DNS name and
// the Regions consumers may connect from.
type ServiceConfiguration struct {
	ServiceType                 []ServiceType                `json:"ServiceType"`
	ServiceID                   string                       `json:"ServiceId"`
	ServiceName                 string                       `json:"ServiceName"`
	ServiceState                string                       `json:"ServiceState"`
	AvailabilityZones           []string                     `json:"AvailabilityZones"`
	AcceptanceRequired          bool                         `json:"AcceptanceRequired"`
	ManagesVpcEndpoints         bool                         `json:"ManagesVpcEndpoints"`
	NetworkLoadBalancerArns     []string                     `json:"NetworkLoadBalancerArns"`
	GatewayLoadBalancerArns     []string                     `json:"GatewayLoadBalancerArns"`
	SupportedIPAddressTypes     []string                     `json:"SupportedIpAddressTypes"`
	BaseEndpointDNSNames        []string                     `json:"BaseEndpointDnsNames"`
	PrivateDNSName              string                       `json:"PrivateDnsName"`
	PrivateDNSNameConfiguration *PrivateDNSNameConfiguration `json:"PrivateDnsNameConfiguration"`
	PayerResponsibility         string                       `json:"PayerResponsibility"`
	SupportedRegions            []SupportedRegionDetail      `json:"SupportedRegions"`
	RemoteAccessEnabled         bool                         `json:"RemoteAccessEnabled"`
	Tags                        []Tag                        `json:"Tags"`
}

// PrivateDNSNameConfiguration is the domain ownership check of a service's
// private DNS name: State is "pendingVerification", "verified" or "failed".
type PrivateDNSNameConfiguration struct {
	State string `json:"State"`
	Type  string `json:"Type"`
	Value string `json:"Value"`
	Name  string `json:"Name"`
}

// SupportedRegionDetail is a Region consumers may connect from, with the
// service's state there ("Pending", "Available", "Deleting", "Deleted",
// "Failed" or "Closed").
type SupportedRegionDetail struct {
	Region       string `json:"Region"`
	ServiceState string `json:"ServiceState"`
}

// DescribeVpcEndpointServicePermissionsOutput is the output of
// `aws ec2 describe-vpc-endpoint-service-permissions --service-id ID`: the
// principals allowed to connect to one service.
type DescribeVpcEndpointServicePermissionsOutput struct {
	AllowedPrincipals []AllowedPrincipal `json:"AllowedPrincipals"`
	NextToken         string             `json:"NextToken"`
}

// AllowedPrincipal is one permission: PrincipalType "All" (Principal "*"),
// "Account", "User", "Role", "OrganizationUnit" or "Service". ServiceId is
// optional in the API reference, so a permission may not name its service.
type AllowedPrincipal struct {
	PrincipalType       string `json:"PrincipalType"`
	Principal           string `json:"Principal"`
	ServicePermissionID string `json:"ServicePermissionId"`
	ServiceID           string `json:"ServiceId"`
	Tags                []Tag  `json:"Tags"`
}
