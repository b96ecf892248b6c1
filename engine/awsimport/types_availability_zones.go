package awsimport

// DescribeAvailabilityZonesOutput is the output of
// `aws ec2 describe-availability-zones`.
type DescribeAvailabilityZonesOutput struct {
	AvailabilityZones []AvailabilityZone `json:"AvailabilityZones"`
}

// AvailabilityZone is one zone of a Region.
type AvailabilityZone struct {
	ZoneName   string `json:"ZoneName"`
	ZoneID     string `json:"ZoneId"`
	RegionName string `json:"RegionName"`
	State      string `json:"State"`
}
