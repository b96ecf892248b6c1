package engine

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"privatelink-playground/engine/policy"
)

// Connection notification events (NTF-01).
const (
	NotifyConnect = "Connect"
	NotifyAccept  = "Accept"
	NotifyReject  = "Reject"
	NotifyDelete  = "Delete"
)

// vpceServicePrincipal is the service principal that publishes connection
// notifications (NTF-02).
const vpceServicePrincipal = "vpce.amazonaws.com"

// connectionSubject is what a connection event is about: an endpoint (a
// copy, for it may be gone already), its Region and account, and its
// endpoint service (nil for an AWS service).
type connectionSubject struct {
	endpoint VPCEndpoint
	region   string
	account  string
	service  *EndpointService
}

// subjectOf describes endpoint j of VPC i for notifications.
func subjectOf(s *Scenario, i, j int) connectionSubject {
	e := s.VPCs[i].Endpoints[j]
	sub := connectionSubject{endpoint: e, region: vpcRegionOf(s, i), account: endpointOwner(s, i, &e)}
	if es := serviceOfEndpoint(s, &e); es != nil {
		c := *es
		sub.service = &c
	}
	return sub
}

// vpcEndpointARN is the ARN of a VPC endpoint, the aws:SourceArn of its
// notifications.
func vpcEndpointARN(region, account, id string) string {
	return "arn:aws:ec2:" + region + ":" + account + ":vpc-endpoint/" + id
}

// endpointServiceARN is the ARN of an endpoint service.
func endpointServiceARN(region, account, id string) string {
	return "arn:aws:ec2:" + region + ":" + account + ":vpc-endpoint-service/" + id
}

// serviceRegionOf is the Region of an endpoint service: that of its first
// load balancer's VPC, else the scenario's.
func serviceRegionOf(s *Scenario, es *EndpointService) string {
	for _, id := range es.LoadBalancers {
		if lb := loadBalancerByID(s, id); lb != nil {
			if i, ok := vpcIndexByID(s, lb.VPC); ok {
				return vpcRegionOf(s, i)
			}
		}
	}
	if s.Region != "" {
		return s.Region
	}
	return DefaultRegion
}

// notify sends a connection event to every notification of list that
// subscribes to it, for the endpoint or for its endpoint service, in list
// order (NTF-01). Gateway endpoints send none.
func (a *applier) notify(list []ConnectionNotification, event string, sub connectionSubject) {
	if !carriesPrivateLink(sub.endpoint.VPCEndpointType) {
		return
	}
	for _, n := range list {
		if !slices.Contains(n.Events, event) {
			continue
		}
		var source, account string
		switch {
		case n.Endpoint != "" && n.Endpoint == sub.endpoint.ID:
			source, account = vpcEndpointARN(sub.region, sub.account, sub.endpoint.ID), sub.account
		case n.EndpointService != "" && sub.service != nil && n.EndpointService == sub.service.ID:
			account = sub.service.Account
			source = endpointServiceARN(serviceRegionOf(a.s, sub.service), account, sub.service.ID)
		default:
			continue
		}
		a.deliver(n, fmt.Sprintf("%s of %s", event, sub.endpoint.ID), source, account)
	}
}

// deliver publishes one notification: the topic's access policy must let
// vpce.amazonaws.com publish, and an encrypted topic's key policy must let
// it use the key (NTF-02). A refusal is logged with the policy and the
// statement that decided.
func (a *applier) deliver(n ConnectionNotification, what, source, account string) {
	fail := func(format string, args ...any) {
		a.emit(Event{Resource: n.ID, Kind: KindNotificationFailed, Rule: "NTF-02",
			Detail: fmt.Sprintf("%s not delivered to %s: ", what, n.Topic) + fmt.Sprintf(format, args...)})
	}
	topic := topicByARN(a.s, n.Topic)
	if topic == nil {
		fail("no such SNS topic")
		return
	}
	ok, why := serviceMayUse(topic.Policy, "SNS:Publish", topic.ARN, source, account)
	if !ok {
		fail("the topic's access policy refuses %s SNS:Publish: %s", vpceServicePrincipal, why)
		return
	}
	via := "the topic's access policy " + why
	if topic.KMSKey != "" {
		key := kmsKeyByARN(a.s, topic.KMSKey)
		if key == nil {
			fail("the topic is encrypted with %s, whose key policy cannot trust %s (only a customer managed key in kmsKeys can)", topic.KMSKey, vpceServicePrincipal)
			return
		}
		for _, action := range []string{"kms:GenerateDataKey", "kms:Decrypt"} {
			ok, why := serviceMayUse(key.Policy, action, key.ARN, source, account)
			if !ok {
				fail("the key policy of %s refuses %s %s: %s", key.ARN, vpceServicePrincipal, action, why)
				return
			}
		}
		via += "; the key policy of " + key.ARN + " allows kms:GenerateDataKey* and kms:Decrypt"
	}
	a.emit(Event{Resource: n.ID, Kind: KindNotification, Rule: "NTF-01",
		Detail: fmt.Sprintf("%s delivered to %s (%s)", what, n.Topic, via)})
}

// serviceMayUse evaluates a resource policy (a topic's or a key's) for
// vpce.amazonaws.com doing action on resource, with the aws:SourceArn and
// aws:SourceAccount of the notification (POL-01, POL-03). It reports the
// decision and why: the deciding statement, or each statement's reason.
func serviceMayUse(doc json.RawMessage, action, resource, source, account string) (bool, string) {
	if len(doc) == 0 || string(doc) == "null" {
		return false, "it has no policy, so nothing allows the service principal"
	}
	pol, err := policy.ParseResourcePolicy(doc)
	if err != nil {
		return false, "the policy is malformed (" + err.Error() + ")"
	}
	r := policy.Evaluate(policy.Input{
		Request: policy.Request{
			Principal: vpceServicePrincipal,
			Action:    action,
			Resource:  resource,
			Context:   map[string][]string{"aws:SourceArn": {source}, "aws:SourceAccount": {account}},
		},
		ResourceAccount: arnAccount(resource),
		ResourcePolicy:  pol,
	})
	l, _ := r.Layer(policy.LayerResource)
	if st, ok := l.Deciding(); ok {
		if r.Decision == policy.Allowed {
			return true, "allows it by statement " + st.Label()
		}
		return false, fmt.Sprintf("explicit Deny in statement %s (%s)", st.Label(), st.Why)
	}
	var reasons []string
	for _, st := range l.Statements {
		reasons = append(reasons, st.Label()+": "+st.Why)
	}
	if len(reasons) == 0 {
		return false, r.Why
	}
	return false, "no statement allows it (" + strings.Join(reasons, "; ") + ")"
}

// topicByARN returns the SNS topic with the ARN, or nil.
func topicByARN(s *Scenario, arn string) *SNSTopic {
	for i := range s.SNSTopics {
		if s.SNSTopics[i].ARN == arn {
			return &s.SNSTopics[i]
		}
	}
	return nil
}

// kmsKeyByARN returns the KMS key with the ARN, or nil.
func kmsKeyByARN(s *Scenario, arn string) *KMSKey {
	for i := range s.KMSKeys {
		if s.KMSKeys[i].ARN == arn {
			return &s.KMSKeys[i]
		}
	}
	return nil
}
