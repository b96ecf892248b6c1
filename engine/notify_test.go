package engine

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestRule_NTF01_ServiceEvents(t *testing.T) {
	s := lifecycle(t)
	_, events := apply(t, s, `[`+connect("vpce-x", "vpce-svc-accept")+`,
		{"action": "accept-vpc-endpoint-connections", "serviceId": "vpce-svc-accept", "vpcEndpointIds": ["vpce-x"]},
		{"action": "reject-vpc-endpoint-connections", "serviceId": "vpce-svc-accept", "vpcEndpointIds": ["vpce-x"]},
		{"action": "delete-vpc-endpoints", "vpcEndpointIds": ["vpce-x"]}]`)
	var got []string
	for _, e := range eventsOf(events, KindNotification) {
		if e.Rule != "NTF-01" || e.Resource != "vpce-nfn-service" {
			t.Errorf("notification %+v", e)
		}
		got = append(got, strings.Fields(e.Detail)[0])
	}
	if strings.Join(got, ",") != "Connect,Accept,Reject,Delete" {
		t.Errorf("delivered %v, want Connect, Accept, Reject, Delete; events:\n%s", got, dumpEvents(events))
	}
	if f := eventsOf(events, KindNotificationFailed); len(f) > 0 {
		t.Errorf("failed deliveries: %+v", f)
	}
}

func TestRule_NTF01_OnlySubscribedEventsAndNoGatewayEndpoints(t *testing.T) {
	s := lifecycle(t)
	s.ConnectionNotifications[0].Events = []string{"Accept"}
	_, events := apply(t, s, `[`+connect("vpce-x", "vpce-svc-accept")+`,
		{"action": "accept-vpc-endpoint-connections", "serviceId": "vpce-svc-accept", "vpcEndpointIds": ["vpce-x"]},
		{"action": "delete-vpc-endpoints", "vpcEndpointIds": ["vpce-x"]}]`)
	if n := eventsOf(events, KindNotification); len(n) != 1 || !strings.HasPrefix(n[0].Detail, "Accept") {
		t.Errorf("want only Accept delivered; events:\n%s", dumpEvents(events))
	}
	s = lifecycle(t)
	s.ConnectionNotifications = append(s.ConnectionNotifications, ConnectionNotification{ID: "vpce-nfn-open", EndpointService: "vpce-svc-open", Topic: s.SNSTopics[0].ARN, Events: []string{"Connect"}})
	var sub connectionSubject
	sub.endpoint = VPCEndpoint{ID: "vpce-gw", VPCEndpointType: EndpointGateway}
	a := &applier{s: s}
	a.notify(s.ConnectionNotifications, NotifyConnect, sub)
	if len(a.events) != 0 {
		t.Errorf("a gateway endpoint sent notifications: %+v", a.events)
	}
}

func TestRule_NTF02_TopicPolicyRefuses(t *testing.T) {
	cases := []struct {
		name, policy string
		delivered    bool
		why          string
	}{
		{"the notes' policy, matching source", "", true, "AllowVpce"},
		{"no policy", "null", false, "no policy"},
		{"source ARN of another endpoint service", `{"Statement": [{"Sid": "Other", "Effect": "Allow", "Principal": {"Service": "vpce.amazonaws.com"}, "Action": "SNS:Publish", "Resource": "*",
			"Condition": {"ArnLike": {"aws:SourceArn": "arn:aws:ec2:us-east-1:444455556666:vpc-endpoint-service/vpce-svc-other"}}}]}`, false, "Other"},
		{"source account of the consumer", `{"Statement": [{"Sid": "Consumer", "Effect": "Allow", "Principal": {"Service": "vpce.amazonaws.com"}, "Action": "SNS:Publish", "Resource": "*",
			"Condition": {"StringEquals": {"aws:SourceAccount": "111122223333"}}}]}`, false, "Consumer"},
		{"explicit deny", `{"Statement": [{"Effect": "Allow", "Principal": {"Service": "vpce.amazonaws.com"}, "Action": "SNS:Publish", "Resource": "*"},
			{"Sid": "NoVpce", "Effect": "Deny", "Principal": {"Service": "vpce.amazonaws.com"}, "Action": "SNS:*", "Resource": "*"}]}`, false, "NoVpce"},
		{"another service principal", `{"Statement": [{"Sid": "Events", "Effect": "Allow", "Principal": {"Service": "events.amazonaws.com"}, "Action": "SNS:Publish", "Resource": "*"}]}`, false, "Events"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := lifecycle(t)
			switch c.policy {
			case "":
			case "null":
				s.SNSTopics[0].Policy = nil
			default:
				s.SNSTopics[0].Policy = json.RawMessage(c.policy)
			}
			_, events := apply(t, s, `[`+connect("vpce-x", "vpce-svc-accept")+`]`)
			ok, failed := eventsOf(events, KindNotification), eventsOf(events, KindNotificationFailed)
			if c.delivered != (len(ok) == 1) || c.delivered == (len(failed) == 1) {
				t.Fatalf("delivered %d, failed %d, want delivered %t; events:\n%s", len(ok), len(failed), c.delivered, dumpEvents(events))
			}
			got := append(ok, failed...)[0]
			if !strings.Contains(got.Detail, c.why) {
				t.Errorf("detail %q does not name %q", got.Detail, c.why)
			}
			if !c.delivered && (got.Rule != "NTF-02" || !strings.Contains(got.Detail, "access policy")) {
				t.Errorf("failure %+v should name NTF-02 and the topic's access policy", got)
			}
		})
	}
}

func TestRule_NTF02_KeyPolicyRefuses(t *testing.T) {
	for _, c := range []struct {
		topic     string
		delivered bool
	}{
		{"arn:aws:sns:us-east-1:444455556666:encrypted", true},
		{"arn:aws:sns:us-east-1:444455556666:encrypted-bad", false},
	} {
		s := lifecycle(t)
		s.ConnectionNotifications[0].Topic = c.topic
		_, events := apply(t, s, `[`+connect("vpce-x", "vpce-svc-accept")+`]`)
		if c.delivered {
			if n := eventsOf(events, KindNotification); len(n) != 1 || !strings.Contains(n[0].Detail, "key policy") {
				t.Errorf("%s: want delivered through the key policy; events:\n%s", c.topic, dumpEvents(events))
			}
			continue
		}
		f := eventsOf(events, KindNotificationFailed)
		if len(f) != 1 || f[0].Rule != "NTF-02" || !strings.Contains(f[0].Detail, "key policy") || !strings.Contains(f[0].Detail, "kms:Decrypt") {
			t.Errorf("%s: want a failure naming the key policy and kms:Decrypt; events:\n%s", c.topic, dumpEvents(events))
		}
	}
}

func TestRule_NTF02_EndpointNotificationSourceARN(t *testing.T) {
	s := lifecycle(t)
	out, _ := apply(t, s, `[`+connect("vpce-x", "vpce-svc-accept")+`]`)
	out.SNSTopics = append(out.SNSTopics, SNSTopic{ARN: "arn:aws:sns:us-east-1:111122223333:mine", Policy: json.RawMessage(`{"Statement": [{"Sid": "ThisEndpoint", "Effect": "Allow",
		"Principal": {"Service": "vpce.amazonaws.com"}, "Action": "SNS:Publish", "Resource": "arn:aws:sns:us-east-1:111122223333:mine",
		"Condition": {"ArnEquals": {"aws:SourceArn": "arn:aws:ec2:us-east-1:111122223333:vpc-endpoint/vpce-x"}, "StringEquals": {"aws:SourceAccount": "111122223333"}}}]}`)})
	out.ConnectionNotifications = []ConnectionNotification{{ID: "vpce-nfn-mine", Endpoint: "vpce-x", Topic: "arn:aws:sns:us-east-1:111122223333:mine", Events: []string{"Accept", "Reject"}}}
	_, events := apply(t, out, `[{"action": "accept-vpc-endpoint-connections", "serviceId": "vpce-svc-accept", "vpcEndpointIds": ["vpce-x"]}]`)
	if n := eventsOf(events, KindNotification); len(n) != 1 || !strings.Contains(n[0].Detail, "ThisEndpoint") {
		t.Errorf("want Accept delivered by ThisEndpoint; events:\n%s", dumpEvents(events))
	}
}
