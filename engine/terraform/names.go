package terraform

import (
	"strconv"
	"strings"
)

// kind is the scenario namespace an ID lives in. Scenario references name a
// resource by its ID within a namespace that the referring field implies (a
// subnet's routeTable is a route table ID), so the exporter resolves a
// reference by kind and ID rather than by ID alone: a hostile scenario may
// reuse an ID across namespaces.
type kind string

// The namespaces of scenario IDs.
const (
	kindVPC          kind = "vpc"
	kindSubnet       kind = "subnet"
	kindRouteTable   kind = "route-table"
	kindIGW          kind = "internet-gateway"
	kindVGW          kind = "vpn-gateway"
	kindNAT          kind = "nat-gateway"
	kindSG           kind = "security-group"
	kindACL          kind = "network-acl"
	kindInstance     kind = "instance"
	kindEndpoint     kind = "vpc-endpoint"
	kindService      kind = "endpoint-service"
	kindLB           kind = "load-balancer"
	kindTargetGroup  kind = "target-group"
	kindZone         kind = "hosted-zone"
	kindResolverEnd  kind = "resolver-endpoint"
	kindResolverRule kind = "resolver-rule"
	kindPeering      kind = "peering"
	kindTGW          kind = "transit-gateway"
	kindTGWAttach    kind = "transit-gateway-attachment"
	kindBucket       kind = "bucket"
	kindTable        kind = "table"
	kindTopic        kind = "sns-topic"
	kindKMSKey       kind = "kms-key"
)

// ref is one declared Terraform resource: its type and its name.
type ref struct {
	typ  string // e.g. aws_vpc
	name string // e.g. vpc_0a1b2c3d
}

// names allocates Terraform resource names and remembers which resource a
// scenario ID was declared as. Names are unique per resource type, as
// Terraform requires, and allocated in document order, so the same scenario
// always gets the same names.
type names struct {
	used map[string]map[string]bool // resource type → names taken
	byID map[kind]map[string]ref    // namespace → scenario ID → resource
}

func newNames() *names {
	return &names{used: map[string]map[string]bool{}, byID: map[kind]map[string]ref{}}
}

// declare allocates a name for a resource of type typ derived from id, and
// records it as the resource that id of kind k stands for, unless the ID is
// already declared (the first declaration wins).
func (n *names) declare(k kind, id, typ string) ref {
	return n.declareAs(k, id, typ, id)
}

// declareAs is declare with the name derived from base instead of the ID.
func (n *names) declareAs(k kind, id, typ, base string) ref {
	r := n.fresh(typ, base)
	if k == "" {
		return r
	}
	ids := n.byID[k]
	if ids == nil {
		ids = map[string]ref{}
		n.byID[k] = ids
	}
	if _, dup := ids[id]; !dup {
		ids[id] = r
	}
	return r
}

// fresh allocates a new name for a resource of type typ derived from the
// parts joined by underscores, for a resource no scenario field refers to
// (an association, a rule, an Elastic IP).
func (n *names) fresh(typ string, parts ...string) ref {
	base := identifier(strings.Join(parts, "_"))
	taken := n.used[typ]
	if taken == nil {
		taken = map[string]bool{}
		n.used[typ] = taken
	}
	name := base
	for i := 2; taken[name]; i++ {
		name = base + "_" + strconv.Itoa(i)
	}
	taken[name] = true
	return ref{typ: typ, name: name}
}

// lookup returns the resource declared for id in namespace k.
func (n *names) lookup(k kind, id string) (ref, bool) {
	r, ok := n.byID[k][id]
	return r, ok
}

// maxIdentifier bounds a derived name; longer IDs are cut (uniqueness is
// restored by the numeric suffix).
const maxIdentifier = 64

// identifier turns a scenario ID into a Terraform identifier, in the
// lower case Terraform style: ASCII letters, digits and underscores, never
// empty and never starting with a digit. Every other character becomes an
// underscore, runs of underscores are collapsed, and the result is cut at
// maxIdentifier bytes.
func identifier(id string) string {
	var b strings.Builder
	last := byte(0)
	for i := 0; i < len(id) && b.Len() < maxIdentifier; i++ {
		c := id[i]
		switch {
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		default:
			c = '_'
		}
		if c == '_' && last == '_' {
			continue
		}
		b.WriteByte(c)
		last = c
	}
	s := strings.Trim(b.String(), "_")
	switch {
	case s == "":
		return "r"
	case s[0] >= '0' && s[0] <= '9':
		return "r_" + s
	}
	return s
}
