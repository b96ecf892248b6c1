package engine

import (
	"net"
	"net/netip"

	"github.com/yl2chen/cidranger"
)

// routeOrigin says where a route comes from; at equal prefix length the
// lower origin wins (GW-04: a static route beats a prefix-list route).
// Propagated routes, which GW-04 ranks below prefix-list routes, are not
// part of scenario format v1, so they have no origin here.
type routeOrigin int

const (
	originLocal routeOrigin = iota
	originStatic
	originPrefixList
)

// String names the origin for a learner.
func (o routeOrigin) String() string {
	switch o {
	case originLocal:
		return "local"
	case originStatic:
		return "static"
	default:
		return "prefix list"
	}
}

// route is one entry of a compiled route table (or a transit gateway's):
// a destination CIDR and a target ID. A prefix-list route is expanded into
// one route per CIDR of the list, each remembering the list.
type route struct {
	Dest       netip.Prefix
	Target     string
	Origin     routeOrigin
	PrefixList string
}

// routeTrie is the adapter over cidranger: the only place that converts
// netip values to net.IPNet. Routes of equal prefix share one trie entry.
type routeTrie struct {
	ranger  cidranger.Ranger
	entries map[netip.Prefix]*trieEntry
}

// trieEntry is what the trie stores: every route of one prefix, in
// insertion order.
type trieEntry struct {
	network net.IPNet
	routes  []route
}

// Network implements cidranger.RangerEntry.
func (e *trieEntry) Network() net.IPNet { return e.network }

func newRouteTrie() *routeTrie {
	return &routeTrie{ranger: cidranger.NewPCTrieRanger(), entries: map[netip.Prefix]*trieEntry{}}
}

// insert adds a route; an invalid prefix is ignored (validation refuses it).
func (t *routeTrie) insert(r route) {
	if !r.Dest.IsValid() {
		return
	}
	r.Dest = netip.PrefixFrom(r.Dest.Addr().Unmap(), r.Dest.Bits()).Masked()
	if e, ok := t.entries[r.Dest]; ok {
		e.routes = append(e.routes, r)
		return
	}
	a := r.Dest.Addr()
	e := &trieEntry{
		network: net.IPNet{IP: net.IP(a.AsSlice()), Mask: net.CIDRMask(r.Dest.Bits(), a.BitLen())},
		routes:  []route{r},
	}
	if err := t.ranger.Insert(e); err != nil {
		return
	}
	t.entries[r.Dest] = e
}

// lookup returns the route for an address by longest prefix match, ties
// broken by origin (GW-04; propagated routes are not part of scenario
// format v1), and the routes that lost at the same prefix.
func (t *routeTrie) lookup(a netip.Addr) (best route, tied []route, ok bool) {
	if !a.IsValid() {
		return route{}, nil, false
	}
	a = a.Unmap()
	found, err := t.ranger.ContainingNetworks(net.IP(a.AsSlice()))
	if err != nil || len(found) == 0 {
		return route{}, nil, false
	}
	// ContainingNetworks lists matches by ascending prefix length.
	e, isEntry := found[len(found)-1].(*trieEntry)
	if !isEntry || len(e.routes) == 0 {
		return route{}, nil, false
	}
	bi := 0
	for i, r := range e.routes {
		if r.Origin < e.routes[bi].Origin {
			bi = i
		}
	}
	for i, r := range e.routes {
		if i != bi {
			tied = append(tied, r)
		}
	}
	return e.routes[bi], tied, true
}
