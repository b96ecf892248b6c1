package awsimport

// DescribeLoadBalancersOutput is the output of
// `aws elbv2 describe-load-balancers`.
type DescribeLoadBalancersOutput struct {
	LoadBalancers []LoadBalancer `json:"LoadBalancers"`
	NextMarker    string         `json:"NextMarker"`
}

// LoadBalancer is one Elastic Load Balancing (v2) load balancer: Type is
// "network", "gateway" or "application".
type LoadBalancer struct {
	LoadBalancerArn   string                         `json:"LoadBalancerArn"`
	DNSName           string                         `json:"DNSName"`
	LoadBalancerName  string                         `json:"LoadBalancerName"`
	Scheme            string                         `json:"Scheme"`
	VpcID             string                         `json:"VpcId"`
	State             *LoadBalancerState             `json:"State"`
	Type              string                         `json:"Type"`
	AvailabilityZones []LoadBalancerAvailabilityZone `json:"AvailabilityZones"`
	SecurityGroups    []string                       `json:"SecurityGroups"`
	IPAddressType     string                         `json:"IpAddressType"`
}

// LoadBalancerState is {"Code": "active" | "provisioning" |
// "active_impaired" | "failed", "Reason"}.
type LoadBalancerState struct {
	Code   string `json:"Code"`
	Reason string `json:"Reason"`
}

// LoadBalancerAvailabilityZone is a zone the load balancer is enabled in,
// with its subnet there and the node's static addresses, if any.
type LoadBalancerAvailabilityZone struct {
	ZoneName              string                `json:"ZoneName"`
	SubnetID              string                `json:"SubnetId"`
	OutpostID             string                `json:"OutpostId"`
	LoadBalancerAddresses []LoadBalancerAddress `json:"LoadBalancerAddresses"`
}

// LoadBalancerAddress is a static address of a load balancer node.
type LoadBalancerAddress struct {
	IPAddress          string `json:"IpAddress"`
	AllocationID       string `json:"AllocationId"`
	PrivateIPv4Address string `json:"PrivateIPv4Address"`
	IPv6Address        string `json:"IPv6Address"`
}
