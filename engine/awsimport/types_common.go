package awsimport

// Tag is an AWS resource tag as the CLI prints it.
type Tag struct {
	Key   string `json:"Key"`
	Value string `json:"Value"`
}

// nameTag returns the value of the Name tag, or "".
func nameTag(tags []Tag) string {
	for _, t := range tags {
		if t.Key == "Name" {
			return t.Value
		}
	}
	return ""
}

// AttributeBoolean is a boolean attribute as the CLI prints it: {"Value": true}.
type AttributeBoolean struct {
	Value *bool `json:"Value"`
}

// GroupIdentifier names a security group: {"GroupId", "GroupName"}.
type GroupIdentifier struct {
	GroupID   string `json:"GroupId"`
	GroupName string `json:"GroupName,omitempty"`
}
