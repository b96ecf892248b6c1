package awsimport

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
)

// src locates an item of the input: its file and its JSON path in it, with
// AWS's keys ("Reservations[0].Instances[1]").
type src struct {
	file, path string
}

// at returns the path of a member of the item.
func (s src) at(format string, args ...any) src {
	return src{file: s.file, path: s.path + fmt.Sprintf(format, args...)}
}

// item is one resource of the input with where it came from.
type item[T any] struct {
	src
	v T
}

// ownedInstance is an instance with its reservation's owner.
type ownedInstance struct {
	Instance
	owner string
}

// inputs holds every resource read from the files, in file name order and
// then document order.
type inputs struct {
	vpcs              []item[Vpc]
	vpcAttributes     []item[DescribeVpcAttributeOutput]
	subnets           []item[Subnet]
	routeTables       []item[RouteTable]
	endpoints         []item[VpcEndpoint]
	serviceDetails    []item[ServiceDetail]
	securityGroups    []item[SecurityGroup]
	networkACLs       []item[NetworkACL]
	prefixLists       []item[PrefixList]
	instances         []item[ownedInstance]
	internetGateways  []item[InternetGateway]
	natGateways       []item[NatGateway]
	vpnGateways       []item[VpnGateway]
	vpnConnections    []item[VpnConnection]
	customerGateways  []item[CustomerGateway]
	peerings          []item[VpcPeeringConnection]
	networkInterfaces []item[NetworkInterface]
	addresses         []item[Address]
	availabilityZones []item[AvailabilityZone]
	transitGateways   []item[TransitGateway]
	tgwAttachments    []item[TransitGatewayAttachment]
	tgwVpcAttachments []item[TransitGatewayVpcAttachment]
	tgwRoutes         []item[TransitGatewayRoute]
	moreTGWRoutes     []src // search-transit-gateway-routes output that left routes out
	serviceConfigs    []item[ServiceConfiguration]
	permissions       []item[AllowedPrincipal] // of one service per file
	loadBalancers     []item[LoadBalancer]
	listeners         []item[Listener]
	targetGroups      []item[TargetGroup]
	targetHealth      []item[TargetHealthDescription] // of one target group per file
}

// documentKinds reads each top-level key of `aws ec2 describe-*` output
// (describe-vpc-endpoint-service-permissions prints AllowedPrincipals, the
// principals of one service), of `aws ec2 search-transit-gateway-routes`
// output: Routes (the routes of one transit gateway route table, which the
// output does not name) and AdditionalRoutesAvailable, and of `aws elbv2
// describe-load-balancers`, `describe-listeners`, `describe-target-groups`
// and `describe-target-health`: TargetHealthDescriptions (the targets of
// one target group, which the output does not name either).
var documentKinds = map[string]func(in *inputs, file, key string, raw json.RawMessage) error{
	"Vpcs":                         func(in *inputs, f, k string, r json.RawMessage) error { return collect(&in.vpcs, f, k, r) },
	"Subnets":                      func(in *inputs, f, k string, r json.RawMessage) error { return collect(&in.subnets, f, k, r) },
	"RouteTables":                  func(in *inputs, f, k string, r json.RawMessage) error { return collect(&in.routeTables, f, k, r) },
	"VpcEndpoints":                 func(in *inputs, f, k string, r json.RawMessage) error { return collect(&in.endpoints, f, k, r) },
	"ServiceDetails":               func(in *inputs, f, k string, r json.RawMessage) error { return collect(&in.serviceDetails, f, k, r) },
	"SecurityGroups":               func(in *inputs, f, k string, r json.RawMessage) error { return collect(&in.securityGroups, f, k, r) },
	"NetworkAcls":                  func(in *inputs, f, k string, r json.RawMessage) error { return collect(&in.networkACLs, f, k, r) },
	"PrefixLists":                  func(in *inputs, f, k string, r json.RawMessage) error { return collect(&in.prefixLists, f, k, r) },
	"Reservations":                 collectInstances,
	"InternetGateways":             func(in *inputs, f, k string, r json.RawMessage) error { return collect(&in.internetGateways, f, k, r) },
	"NatGateways":                  func(in *inputs, f, k string, r json.RawMessage) error { return collect(&in.natGateways, f, k, r) },
	"VpnGateways":                  func(in *inputs, f, k string, r json.RawMessage) error { return collect(&in.vpnGateways, f, k, r) },
	"VpnConnections":               func(in *inputs, f, k string, r json.RawMessage) error { return collect(&in.vpnConnections, f, k, r) },
	"CustomerGateways":             func(in *inputs, f, k string, r json.RawMessage) error { return collect(&in.customerGateways, f, k, r) },
	"VpcPeeringConnections":        func(in *inputs, f, k string, r json.RawMessage) error { return collect(&in.peerings, f, k, r) },
	"NetworkInterfaces":            func(in *inputs, f, k string, r json.RawMessage) error { return collect(&in.networkInterfaces, f, k, r) },
	"Addresses":                    func(in *inputs, f, k string, r json.RawMessage) error { return collect(&in.addresses, f, k, r) },
	"AvailabilityZones":            func(in *inputs, f, k string, r json.RawMessage) error { return collect(&in.availabilityZones, f, k, r) },
	"TransitGateways":              func(in *inputs, f, k string, r json.RawMessage) error { return collect(&in.transitGateways, f, k, r) },
	"TransitGatewayAttachments":    func(in *inputs, f, k string, r json.RawMessage) error { return collect(&in.tgwAttachments, f, k, r) },
	"TransitGatewayVpcAttachments": func(in *inputs, f, k string, r json.RawMessage) error { return collect(&in.tgwVpcAttachments, f, k, r) },
	"Routes":                       func(in *inputs, f, k string, r json.RawMessage) error { return collect(&in.tgwRoutes, f, k, r) },
	"AdditionalRoutesAvailable":    collectMoreRoutes,
	"ServiceConfigurations":        func(in *inputs, f, k string, r json.RawMessage) error { return collect(&in.serviceConfigs, f, k, r) },
	"AllowedPrincipals":            func(in *inputs, f, k string, r json.RawMessage) error { return collect(&in.permissions, f, k, r) },
	"LoadBalancers":                func(in *inputs, f, k string, r json.RawMessage) error { return collect(&in.loadBalancers, f, k, r) },
	"Listeners":                    func(in *inputs, f, k string, r json.RawMessage) error { return collect(&in.listeners, f, k, r) },
	"TargetGroups":                 func(in *inputs, f, k string, r json.RawMessage) error { return collect(&in.targetGroups, f, k, r) },
	"TargetHealthDescriptions":     func(in *inputs, f, k string, r json.RawMessage) error { return collect(&in.targetHealth, f, k, r) },
}

// ignoredKeys are top-level keys that carry nothing to map:
// describe-vpc-endpoint-services' list of names, which its ServiceDetails
// repeat.
var ignoredKeys = map[string]bool{"ServiceNames": true}

// paginationKeys mark output that stops before the last item: NextToken of
// aws ec2, NextMarker of aws elbv2. The CLI prints one only when it was told
// to stop (--max-items, --no-paginate).
var paginationKeys = map[string]bool{"NextToken": true, "NextMarker": true}

// truncated reports whether a pagination key's value says more items follow
// (a non-empty token).
func truncated(raw json.RawMessage) bool {
	var token string
	return json.Unmarshal(raw, &token) == nil && token != ""
}

// collect appends the items of one top-level array to dst.
func collect[T any](dst *[]item[T], file, key string, raw json.RawMessage) error {
	var list []T
	if err := json.Unmarshal(raw, &list); err != nil {
		return fmt.Errorf("%s: %s: %v", file, key, err)
	}
	for i, v := range list {
		*dst = append(*dst, item[T]{src: src{file: file, path: key + "[" + strconv.Itoa(i) + "]"}, v: v})
	}
	return nil
}

// collectInstances flattens describe-instances' reservations.
func collectInstances(in *inputs, file, key string, raw json.RawMessage) error {
	var rs []Reservation
	if err := json.Unmarshal(raw, &rs); err != nil {
		return fmt.Errorf("%s: %s: %v", file, key, err)
	}
	for i, r := range rs {
		for j, inst := range r.Instances {
			in.instances = append(in.instances, item[ownedInstance]{
				src: src{file: file, path: fmt.Sprintf("%s[%d].Instances[%d]", key, i, j)},
				v:   ownedInstance{Instance: inst, owner: r.OwnerID},
			})
		}
	}
	return nil
}

// collectMoreRoutes reads search-transit-gateway-routes' flag that more
// routes matched than it printed.
func collectMoreRoutes(in *inputs, file, key string, raw json.RawMessage) error {
	var more bool
	if err := json.Unmarshal(raw, &more); err != nil {
		return fmt.Errorf("%s: %s: %v", file, key, err)
	}
	if more {
		in.moreTGWRoutes = append(in.moreTGWRoutes, src{file: file, path: key})
	}
	return nil
}

// readDocument reads one file of `aws ec2 describe-*` (or `aws elbv2
// describe-*`) output, detecting its kind from its top-level keys, not its
// name. Keys it does not know become notes.
func readDocument(in *inputs, file string, data []byte) ([]Note, error) {
	var top map[string]json.RawMessage
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&top); err != nil || top == nil {
		return nil, fmt.Errorf("%s: not the JSON output of an aws ec2 or aws elbv2 describe command (want an object such as {\"Vpcs\": [...]})", file)
	}
	if dec.More() {
		return nil, fmt.Errorf("%s: more than one JSON document", file)
	}
	if _, ok := top["VpcId"]; ok {
		if _, ok := top["EnableDnsSupport"]; ok {
			return nil, collectAttribute(in, file, data)
		}
		if _, ok := top["EnableDnsHostnames"]; ok {
			return nil, collectAttribute(in, file, data)
		}
	}
	var notes []Note
	keys := make([]string, 0, len(top))
	for k := range top {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		read, ok := documentKinds[k]
		switch {
		case ok:
			if err := read(in, file, k, top[k]); err != nil {
				return nil, err
			}
		case ignoredKeys[k]:
		case paginationKeys[k]:
			if truncated(top[k]) {
				notes = append(notes, Note{File: file, Path: k, What: "not mapped: the output stops here and more items follow (" + k + " is set): run the command without --max-items or --no-paginate to import them all"})
			}
		default:
			notes = append(notes, Note{File: file, Path: k, What: "not mapped: the importer does not know this kind of output"})
		}
	}
	return notes, nil
}

// collectAttribute reads describe-vpc-attribute output.
func collectAttribute(in *inputs, file string, data []byte) error {
	var a DescribeVpcAttributeOutput
	if err := json.Unmarshal(data, &a); err != nil {
		return fmt.Errorf("%s: %v", file, err)
	}
	in.vpcAttributes = append(in.vpcAttributes, item[DescribeVpcAttributeOutput]{src: src{file: file, path: "$"}, v: a})
	return nil
}
