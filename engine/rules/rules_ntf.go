package rules

// ntfRules explains the "Notifications" section of RULES.md: connection
// notifications delivered to SNS topics.
var ntfRules = []Rule{
	{
		ID:      "NTF-01",
		Title:   "Connection notifications",
		Summary: "A connection notification sends the Connect, Accept, Reject and Delete events of an interface endpoint or an endpoint service, not of gateway endpoints, to an SNS topic.",
		Explain: []string{
			"A connection notification subscribes an SNS topic to events of one interface endpoint or one endpoint service: Connect (the consumer created an endpoint, which sends a connection request), Accept (the provider accepted it), Reject (the provider rejected it) and Delete (the consumer deleted the endpoint).",
			"Gateway endpoints have no connection with a provider, so they have no connection notifications. A provider usually puts the notification on the endpoint service to learn of new requests; a consumer puts it on the endpoint to learn whether the request was accepted.",
			"Example: the provider creates a notification on vpce-svc-0123456789abcdef0 for Connect and Accept to arn:aws:sns:us-east-1:111122223333:endpoint-events. When account 444455556666 creates an endpoint for the service, the event log shows a Connect message published to the topic.",
			"Common mistake: creating the notification but not giving the topic an access policy for PrivateLink (NTF-02). The events are then raised but never delivered.",
		},
		See: []string{"NTF-02", "SVC-05"},
	},
	{
		ID:      "NTF-02",
		Title:   "The topic (and its key) must let PrivateLink publish",
		Summary: "Delivery needs the topic's access policy to allow vpce.amazonaws.com to SNS:Publish, with matching aws:SourceArn and aws:SourceAccount conditions if present, and an encrypted topic needs a customer managed KMS key that allows vpce.amazonaws.com.",
		Explain: []string{
			"PrivateLink publishes notifications as the service principal vpce.amazonaws.com. The topic's access policy must allow that principal the action SNS:Publish. AWS recommends conditions on aws:SourceArn (the ARN of the endpoint or endpoint service) and aws:SourceAccount, to protect against the confused deputy problem, in which another account's endpoint could publish to your topic. When those conditions are present, they must match.",
			"If the topic is encrypted, it must use a customer managed KMS key whose key policy allows vpce.amazonaws.com to call kms:GenerateDataKey* and kms:Decrypt. When any of this is missing, the event log shows the delivery failing and which check failed.",
			"Example: the topic endpoint-events allows Principal {\"Service\": \"vpce.amazonaws.com\"} to SNS:Publish with ArnLike aws:SourceArn arn:aws:ec2:us-east-1:111122223333:vpc-endpoint-service/vpce-svc-0123456789abcdef0 and StringEquals aws:SourceAccount 111122223333. Events of that service are delivered; events of a notification on another service, with a different source ARN, fail.",
			"Common mistake: encrypting the topic with the AWS managed key for SNS, whose key policy cannot be changed to trust vpce.amazonaws.com, so every delivery fails.",
		},
		See: []string{"NTF-01", "POL-01", "POL-03"},
	},
}
