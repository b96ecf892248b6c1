package awsimport

import (
	"fmt"
	"regexp"
	"slices"

	"privatelink-playground/engine"
)

// mapper builds one scenario from the inputs. Resources are looked up by
// index, never by pointer, since the scenario's slices grow while mapping.
type mapper struct {
	in    *inputs
	s     *engine.Scenario
	notes []Note

	vpcs        map[string]int    // VPC ID → index in s.VPCs
	subnets     map[string][2]int // subnet ID → VPC index, subnet index
	routeTables map[string][2]int // route table ID → VPC index, table index
	groups      map[string]int    // security group ID → VPC index
	acls        map[string]int    // network ACL ID → VPC index
	endpoints   map[string][2]int // endpoint ID → VPC index, endpoint index
	nats        map[string]int    // NAT gateway ID → VPC index
	peerings    map[string]int    // peering ID → index in s.Peerings
	instances   map[string][2]int // instance ID → VPC index, instance index
	coveredENIs map[string]bool   // interfaces whose content a mapped resource holds
	accounts    map[string]bool   // account IDs used by the scenario
	vgwVPC      map[string]int    // virtual private gateway ID → VPC index
	usedCGWs    map[string]bool   // customer gateways of mapped VPN connections
	dnsGiven    map[int]bool      // VPCs with describe-vpc-attribute output
	tgw         tgwIndex          // transit gateways and their attachments
	elb         lbIndex           // load balancers and their listeners
	svc         svcIndex          // endpoint services
	fallback    string            // the account of resources without an owner
}

// newMapper prepares a mapper for the inputs.
func newMapper(in *inputs) *mapper {
	return &mapper{
		in:          in,
		s:           &engine.Scenario{Version: 1},
		vpcs:        map[string]int{},
		subnets:     map[string][2]int{},
		routeTables: map[string][2]int{},
		groups:      map[string]int{},
		acls:        map[string]int{},
		endpoints:   map[string][2]int{},
		nats:        map[string]int{},
		peerings:    map[string]int{},
		instances:   map[string][2]int{},
		coveredENIs: map[string]bool{},
		accounts:    map[string]bool{},
		vgwVPC:      map[string]int{},
		usedCGWs:    map[string]bool{},
		dnsGiven:    map[int]bool{},
		tgw:         newTGWIndex(),
		elb:         newLBIndex(),
		svc:         newSvcIndex(),
	}
}

// note records what of an item was not mapped.
func (m *mapper) note(at src, format string, args ...any) {
	m.notes = append(m.notes, Note{File: at.file, Path: at.path, What: fmt.Sprintf(format, args...)})
}

// accountPattern is an AWS account ID: 12 digits.
var accountPattern = regexp.MustCompile(`^[0-9]{12}$`)

// account returns the scenario account for an owner ID and records it. An
// owner that is not a 12-digit account ID gives the fallback account (the
// first owner of the input), with a note.
func (m *mapper) account(at src, owner string) string {
	if accountPattern.MatchString(owner) {
		m.accounts[owner] = true
		return owner
	}
	fb := m.fallbackAccount()
	if owner == "" {
		m.note(at, "no OwnerId: mapped to account %s", fb)
	} else {
		m.note(at, "OwnerId %q is not a 12-digit account ID: mapped to account %s", owner, fb)
	}
	m.accounts[fb] = true
	return fb
}

// fallbackAccount is the first 12-digit owner of a VPC in the input, else
// 000000000000.
func (m *mapper) fallbackAccount() string {
	if m.fallback != "" {
		return m.fallback
	}
	m.fallback = "000000000000"
	for _, v := range m.in.vpcs {
		if accountPattern.MatchString(v.v.OwnerID) {
			m.fallback = v.v.OwnerID
			break
		}
	}
	return m.fallback
}

// vpc returns the index of an imported VPC, noting an item whose VPC is not
// imported.
func (m *mapper) vpc(at src, what, vpcID string) (int, bool) {
	i, ok := m.vpcs[vpcID]
	if !ok {
		if vpcID == "" {
			m.note(at, "not mapped: %s has no VpcId", what)
		} else {
			m.note(at, "not mapped: %s is in %s, which is not in the imported VPCs", what, vpcID)
		}
	}
	return i, ok
}

// mapAccounts lists every account the scenario uses, in ID order.
func (m *mapper) mapAccounts() {
	ids := make([]string, 0, len(m.accounts))
	for id := range m.accounts {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		m.s.Accounts = append(m.s.Accounts, engine.Account{ID: id})
	}
}

// contains reports whether list holds s.
func contains(list []string, s string) bool { return slices.Contains(list, s) }
