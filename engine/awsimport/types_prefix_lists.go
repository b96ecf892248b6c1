package awsimport

// DescribePrefixListsOutput is the output of `aws ec2 describe-prefix-lists`:
// the AWS-managed prefix lists of services (S3, DynamoDB).
type DescribePrefixListsOutput struct {
	PrefixLists []PrefixList `json:"PrefixLists"`
}

// PrefixList is one prefix list of describe-prefix-lists.
type PrefixList struct {
	PrefixListID   string   `json:"PrefixListId"`
	PrefixListName string   `json:"PrefixListName"`
	Cidrs          []string `json:"Cidrs"`
}
