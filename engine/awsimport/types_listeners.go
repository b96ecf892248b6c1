package awsimport

// DescribeListenersOutput is the output of
// `aws elbv2 describe-listeners --load-balancer-arn ARN`.
type DescribeListenersOutput struct {
	Listeners  []Listener `json:"Listeners"`
	NextMarker string     `json:"NextMarker"`
}

// Listener is a port and protocol of a load balancer with the actions it
// takes: a Network Load Balancer forwards to target groups. A Gateway Load
// Balancer's listener prints no port or protocol.
type Listener struct {
	ListenerArn     string           `json:"ListenerArn"`
	LoadBalancerArn string           `json:"LoadBalancerArn"`
	Port            int              `json:"Port"`
	Protocol        string           `json:"Protocol"`
	DefaultActions  []ListenerAction `json:"DefaultActions"`
}

// ListenerAction is a listener's action: Type "forward" names its target
// group by TargetGroupArn, ForwardConfig or both.
type ListenerAction struct {
	Type           string         `json:"Type"`
	TargetGroupArn string         `json:"TargetGroupArn"`
	ForwardConfig  *ForwardConfig `json:"ForwardConfig"`
	Order          int            `json:"Order"`
}

// ForwardConfig lists the target groups of a forward action with their
// weights.
type ForwardConfig struct {
	TargetGroups []TargetGroupTuple `json:"TargetGroups"`
}

// TargetGroupTuple is a target group of a forward action and its weight.
type TargetGroupTuple struct {
	TargetGroupArn string `json:"TargetGroupArn"`
	Weight         *int   `json:"Weight"`
}
