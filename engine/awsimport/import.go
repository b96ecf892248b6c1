// Package awsimport turns the JSON that `aws ec2 describe-*` commands (and
// `aws ec2 search-transit-gateway-routes`, and `aws elbv2 describe-*` for
// load balancers) print into a scenario of the playground: VPCs, subnets,
// route tables, gateways, security groups, network ACLs, instances, VPC
// endpoints, peering connections, transit gateways with their attachments
// and routes, VPN sites, and endpoint services with their Network and
// Gateway Load Balancers, listeners and targets. It reads its own small
// structs that mirror the AWS CLI's output shapes (never the AWS SDK), keeps
// IDs exactly as AWS gives them (a load balancer, which has an ARN but no
// ID, is named by its LoadBalancerName), and lists everything it cannot map
// as a Note rather than dropping it silently.
package awsimport

import (
	"fmt"
	"slices"

	"privatelink-playground/engine"
)

// Limits on the input, which may come from anywhere (a browser upload).
const (
	// MaxFiles is the most files one import reads.
	MaxFiles = 256
	// MaxFileBytes is the largest file one import reads: 16 MiB.
	MaxFileBytes = 16 << 20
)

// Result is an imported scenario with the notes on what was not, or only
// partly, mapped.
type Result struct {
	Scenario *engine.Scenario
	Unmapped []Note
}

// Note says what of an input item could not be mapped, or was mapped only
// in part: File is the input file's name, Path the item's JSON path in it
// with AWS's keys ("VpnConnections[0]"), What a sentence.
type Note struct {
	File string `json:"file"`
	Path string `json:"path"`
	What string `json:"what"`
}

// String formats the note as "FILE PATH: WHAT".
func (n Note) String() string { return n.File + " " + n.Path + ": " + n.What }

// Import maps the outputs of `aws ec2 describe-*` (and `aws elbv2
// describe-*`) commands, keyed by file name, into a scenario. A file's kind
// is found from its top-level key ({"Vpcs": …}, {"Reservations": …}), never
// from its name; files are read in name order, so the result does not depend
// on map order. The error is for input that cannot be read (not JSON, not
// describe output, too large); everything readable that does not map is a
// Note. The scenario is not validated: call engine.Validate.
func Import(files map[string][]byte) (*Result, error) {
	if len(files) > MaxFiles {
		return nil, fmt.Errorf("%d files, more than the limit of %d", len(files), MaxFiles)
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	slices.Sort(names)
	in := &inputs{}
	var notes []Note
	for _, name := range names {
		data := files[name]
		if len(data) > MaxFileBytes {
			return nil, fmt.Errorf("%s: %d bytes, more than the limit of %d", name, len(data), MaxFileBytes)
		}
		ns, err := readDocument(in, name, data)
		if err != nil {
			return nil, err
		}
		notes = append(notes, ns...)
	}
	m := newMapper(in)
	m.notes = notes
	m.run()
	return &Result{Scenario: m.s, Unmapped: m.notes}, nil
}

// run maps every kind of resource in dependency order: what a resource
// refers to is mapped before it.
func (m *mapper) run() {
	m.mapRegion()
	m.mapVPCs()
	m.mapVPCAttributes()
	m.mapInternetGateways()
	m.mapVPNGateways()
	m.mapSubnets()
	m.mapNATGateways()
	m.mapPeerings()
	m.mapTransitGateways()
	m.mapSecurityGroups()
	m.mapLoadBalancers()
	m.mapListeners()
	m.mapEndpointServices()
	m.mapServicePermissions()
	m.mapEndpoints()
	m.mapRouteTables()
	m.mapNetworkACLs()
	m.mapInstances()
	m.mapTargets()
	m.mapVPNConnections()
	m.mapTransitGatewayRoutes()
	m.mapNetworkInterfaces()
	m.mapAddresses()
	m.mapPrefixLists()
	m.mapServiceDetails()
	m.mapAccounts()
}
