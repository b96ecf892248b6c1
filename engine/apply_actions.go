package engine

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"reflect"
	"slices"
	"strings"
)

// Action names: the `aws ec2` commands Apply understands, and advance-time.
const (
	ActionCreateEndpoint    = "create-vpc-endpoint"
	ActionModifyEndpoint    = "modify-vpc-endpoint"
	ActionDeleteEndpoints   = "delete-vpc-endpoints"
	ActionAcceptConnections = "accept-vpc-endpoint-connections"
	ActionRejectConnections = "reject-vpc-endpoint-connections"
	ActionCreateService     = "create-vpc-endpoint-service-configuration"
	ActionModifyPermissions = "modify-vpc-endpoint-service-permissions"
	ActionDeleteServices    = "delete-vpc-endpoint-service-configurations"
	ActionAdvanceTime       = "advance-time"
)

// Action is one lifecycle action of an actions file: an `aws ec2` command
// with its flags in lowerCamelCase (SCENARIO.md `apply`), or advance-time.
// Which fields an action takes is listed by actionFields; Account and
// Principal, who performs it, are common to all and default to the owner
// of the resource acted on (the root of its account).
type Action struct {
	Action    string `json:"action"`
	Account   string `json:"account,omitempty"`
	Principal string `json:"principal,omitempty"`

	// create-vpc-endpoint (and, where they apply, modify-vpc-endpoint).
	VPCID                                    string            `json:"vpcId,omitempty"`
	ServiceName                              string            `json:"serviceName,omitempty"`
	VPCEndpointType                          string            `json:"vpcEndpointType,omitempty"`
	SubnetIDs                                []string          `json:"subnetIds,omitempty"`
	RouteTableIDs                            []string          `json:"routeTableIds,omitempty"`
	SecurityGroupIDs                         []string          `json:"securityGroupIds,omitempty"`
	PrivateDNSEnabled                        *bool             `json:"privateDnsEnabled,omitempty"`
	PrivateDNSOnlyForInboundResolverEndpoint *bool             `json:"privateDnsOnlyForInboundResolverEndpoint,omitempty"`
	IPAddressType                            string            `json:"ipAddressType,omitempty"`
	ServiceRegion                            string            `json:"serviceRegion,omitempty"`
	PolicyDocument                           json.RawMessage   `json:"policyDocument,omitempty"`
	VPCEndpointID                            string            `json:"vpcEndpointId,omitempty"`
	IPAddresses                              map[string]string `json:"ipAddresses,omitempty"`

	// modify-vpc-endpoint.
	AddSubnetIDs           []string `json:"addSubnetIds,omitempty"`
	RemoveSubnetIDs        []string `json:"removeSubnetIds,omitempty"`
	AddRouteTableIDs       []string `json:"addRouteTableIds,omitempty"`
	RemoveRouteTableIDs    []string `json:"removeRouteTableIds,omitempty"`
	AddSecurityGroupIDs    []string `json:"addSecurityGroupIds,omitempty"`
	RemoveSecurityGroupIDs []string `json:"removeSecurityGroupIds,omitempty"`
	ResetPolicy            bool     `json:"resetPolicy,omitempty"`

	// accept-, reject-vpc-endpoint-connections, delete-vpc-endpoints and
	// the endpoint service actions.
	ServiceID      string   `json:"serviceId,omitempty"`
	VPCEndpointIDs []string `json:"vpcEndpointIds,omitempty"`
	ServiceIDs     []string `json:"serviceIds,omitempty"`

	// create-vpc-endpoint-service-configuration: load balancers by ARN (or
	// by their scenario ID) in any of the three lists.
	NetworkLoadBalancerARNs []string `json:"networkLoadBalancerArns,omitempty"`
	GatewayLoadBalancerARNs []string `json:"gatewayLoadBalancerArns,omitempty"`
	LoadBalancers           []string `json:"loadBalancers,omitempty"`
	AcceptanceRequired      *bool    `json:"acceptanceRequired,omitempty"`
	PrivateDNSName          string   `json:"privateDnsName,omitempty"`
	SupportedRegions        []string `json:"supportedRegions,omitempty"`
	SupportedIPAddressTypes []string `json:"supportedIpAddressTypes,omitempty"`

	// modify-vpc-endpoint-service-permissions.
	AddAllowedPrincipals    []string `json:"addAllowedPrincipals,omitempty"`
	RemoveAllowedPrincipals []string `json:"removeAllowedPrincipals,omitempty"`

	// advance-time.
	Seconds int `json:"seconds,omitempty"`
}

// actionFields lists the fields an action takes besides action, account
// and principal; required ones are marked with a leading '!'. ok is false
// for an unknown action.
func actionFields(action string) (fields []string, ok bool) {
	switch action {
	case ActionCreateEndpoint:
		return []string{"!vpcId", "!serviceName", "vpcEndpointType", "subnetIds", "routeTableIds", "securityGroupIds",
			"privateDnsEnabled", "privateDnsOnlyForInboundResolverEndpoint", "ipAddressType", "serviceRegion",
			"policyDocument", "vpcEndpointId", "ipAddresses"}, true
	case ActionModifyEndpoint:
		return []string{"!vpcEndpointId", "addSubnetIds", "removeSubnetIds", "addRouteTableIds", "removeRouteTableIds",
			"addSecurityGroupIds", "removeSecurityGroupIds", "privateDnsEnabled", "privateDnsOnlyForInboundResolverEndpoint",
			"ipAddressType", "policyDocument", "resetPolicy", "ipAddresses"}, true
	case ActionDeleteEndpoints:
		return []string{"!vpcEndpointIds"}, true
	case ActionAcceptConnections, ActionRejectConnections:
		return []string{"!serviceId", "!vpcEndpointIds"}, true
	case ActionCreateService:
		return []string{"serviceId", "networkLoadBalancerArns", "gatewayLoadBalancerArns", "loadBalancers",
			"acceptanceRequired", "privateDnsName", "supportedRegions", "supportedIpAddressTypes"}, true
	case ActionModifyPermissions:
		return []string{"!serviceId", "addAllowedPrincipals", "removeAllowedPrincipals"}, true
	case ActionDeleteServices:
		return []string{"!serviceIds"}, true
	case ActionAdvanceTime:
		return []string{"!seconds"}, true
	}
	return nil, false
}

// ActionNames returns the names of the actions Apply understands, sorted.
func ActionNames() []string {
	names := []string{ActionCreateEndpoint, ActionModifyEndpoint, ActionDeleteEndpoints, ActionAcceptConnections,
		ActionRejectConnections, ActionCreateService, ActionModifyPermissions, ActionDeleteServices, ActionAdvanceTime}
	slices.Sort(names)
	return names
}

// check refuses an action Apply cannot run at all: an unknown name or a
// negative duration. Refusals that AWS would give are events, not errors.
func (act *Action) check() error {
	if _, ok := actionFields(act.Action); !ok {
		return fmt.Errorf("unknown action %q: want one of %s", act.Action, strings.Join(ActionNames(), ", "))
	}
	if act.Seconds < 0 {
		return fmt.Errorf("seconds %d: want 0 or more", act.Seconds)
	}
	return nil
}

// DecodeActions reads an actions file strictly: a JSON array of objects,
// each naming a known action and only the fields that action takes, each
// of the right type (as Decode reads a scenario). On failure the error is a
// Problems value whose paths start at the array: "$[1].seconds".
func DecodeActions(data []byte) ([]Action, error) {
	if len(data) > MaxDocumentBytes {
		return nil, Problems{{Rule: "VAL-04", Path: "$", Message: fmt.Sprintf("document is %d bytes, more than the limit of %d", len(data), MaxDocumentBytes)}}
	}
	d := &scenarioDecoder{data: data, dec: json.NewDecoder(bytes.NewReader(data))}
	d.dec.UseNumber()
	actions := d.decodeActionList()
	if len(d.problems.list) > 0 {
		return nil, d.problems.list
	}
	return actions, nil
}

// decodeActionList reads the array of actions and checks nothing follows.
func (d *scenarioDecoder) decodeActionList() []Action {
	tok, err := d.token("$")
	if err != nil {
		return nil
	}
	if tok != json.Delim('[') {
		d.stop("$", "want a JSON array of actions, got %s", jsonTokenKind(tok))
		return nil
	}
	d.depth = 1
	actions := []Action{}
	for i := 0; ; i++ {
		path := pathIndex("$", i)
		tok, err := d.token(path)
		if err != nil {
			return nil
		}
		if tok == json.Delim(']') {
			break
		}
		if i >= MaxArrayItems {
			d.stop("$", "more than %d actions", MaxArrayItems)
			return nil
		}
		if tok != json.Delim('{') {
			if d.wrongType(tok, "an action object", path) != nil {
				return nil
			}
			continue
		}
		if d.enter(path) != nil {
			return nil
		}
		var act Action
		seen, err := d.decodeStructBody(reflect.ValueOf(&act).Elem(), path)
		if err != nil {
			return nil
		}
		if d.checkActionFields(&act, seen, path) != nil {
			return nil
		}
		actions = append(actions, act)
	}
	if _, err := d.dec.Token(); err != io.EOF {
		d.fail("VAL-04", "$", "unexpected data after the actions at byte %d", d.dec.InputOffset())
	}
	return actions
}

// checkActionFields checks one decoded action: a known name, its required
// fields, no field of another action, and a non-negative duration.
func (d *scenarioDecoder) checkActionFields(act *Action, seen map[string]bool, path string) error {
	if !seen["action"] {
		return nil // decodeStructBody reported it
	}
	fields, ok := actionFields(act.Action)
	if !ok {
		return d.fail("VAL-04", pathField(path, "action"), "unknown action %q: want one of %s", act.Action, strings.Join(ActionNames(), ", "))
	}
	takes := map[string]bool{"action": true, "account": true, "principal": true}
	for _, f := range fields {
		name, required := strings.CutPrefix(f, "!")
		takes[name] = true
		if required && !seen[name] {
			if err := d.fail("VAL-04", pathField(path, name), "missing: %s needs %s", act.Action, name); err != nil {
				return err
			}
		}
	}
	for _, name := range slices.Sorted(maps.Keys(seen)) {
		if !takes[name] {
			if err := d.fail("VAL-04", pathField(path, name), "%s takes no %s", act.Action, name); err != nil {
				return err
			}
		}
	}
	if act.Seconds < 0 {
		return d.fail("VAL-04", pathField(path, "seconds"), "seconds %d: want 0 or more", act.Seconds)
	}
	return nil
}
