package engine

import (
	"fmt"
	"net/netip"
	"strconv"
	"strings"
)

// sgPeer is the far side of a connection as a security group sees it: its
// address and, when it is an interface in the same or a peered VPC, its
// groups (NET-02).
type sgPeer struct {
	addr   netip.Addr
	groups []string
	vpc    *vpcNode
}

// sgDecision is a security group verdict with its reason: the group and
// rule that allowed, or why none did.
type sgDecision struct {
	allowed bool
	group   string
	why     string
}

// protocolName normalizes a protocol: names and IANA numbers give "tcp",
// "udp", "icmp", "icmpv6"; "-1" and "all" give "-1".
func protocolName(p string) string {
	switch strings.ToLower(p) {
	case "-1", "all":
		return "-1"
	case "tcp", "6":
		return "tcp"
	case "udp", "17":
		return "udp"
	case "icmp", "1":
		return "icmp"
	case "icmpv6", "58":
		return "icmpv6"
	}
	return strings.ToLower(p)
}

// portsMatch reports whether a rule's port range holds port; ICMP and "all"
// rules hold every port, an open bound (nil or -1) is unbounded.
func portsMatch(proto string, from, to *int, port int) bool {
	if proto == "-1" || proto == "icmp" || proto == "icmpv6" {
		return true
	}
	lo, hi := 0, 65535
	if from != nil && *from >= 0 {
		lo = *from
	}
	if to != nil && *to >= 0 {
		hi = *to
	}
	return port >= lo && port <= hi
}

// portsText describes a rule's protocol and ports.
func portsText(proto string, from, to *int) string {
	switch proto {
	case "-1":
		return "all traffic"
	case "icmp", "icmpv6":
		return proto
	}
	if from == nil || to == nil || *from < 0 {
		return proto + " all ports"
	}
	if *from == *to {
		return proto + " " + strconv.Itoa(*from)
	}
	return fmt.Sprintf("%s %d-%d", proto, *from, *to)
}

// sgEvaluate decides whether any of the groups lets the traffic through in
// one direction: egress (the peer is the destination) or ingress (the peer
// is the source). vpc is the VPC of the interface the groups guard.
// Without explain the decision says no why (a quiet trace writes none).
func (w *World) sgEvaluate(groups []string, vpc *vpcNode, egress bool, proto string, port int, peer sgPeer, explain bool) sgDecision {
	proto = protocolName(proto)
	dir := "ingress"
	if egress {
		dir = "egress"
	}
	for _, gid := range groups {
		gn := w.groups[gid]
		if gn == nil {
			continue
		}
		rules := gn.g.Ingress
		if egress {
			rules = gn.g.Egress
		}
		for i, r := range rules {
			rp := protocolName(r.IPProtocol)
			if rp != "-1" && rp != proto {
				continue
			}
			if !portsMatch(rp, r.FromPort, r.ToPort, port) {
				continue
			}
			if what, ok := w.sgPeerMatches(r, vpc, peer); ok {
				d := sgDecision{allowed: true, group: gid}
				if explain {
					d.why = fmt.Sprintf("%s %s rule %d allows %s %s", gid, dir, i+1, portsText(rp, r.FromPort, r.ToPort), what)
				}
				return d
			}
		}
	}
	first := ""
	if len(groups) > 0 {
		first = groups[0]
	}
	if !explain {
		return sgDecision{group: first}
	}
	toFrom := "from"
	if egress {
		toFrom = "to"
	}
	return sgDecision{group: first, why: fmt.Sprintf("no %s rule of %s allows %s %d %s %s", dir, strings.Join(groups, ", "), proto, port, toFrom, peer.addr)}
}

// sgPeerMatches reports whether a rule's CIDR, prefix list or referenced
// group holds the peer, and describes the match.
func (w *World) sgPeerMatches(r SGRule, vpc *vpcNode, peer sgPeer) (string, bool) {
	a := peer.addr.Unmap()
	switch {
	case r.CIDRIP != "":
		p, err := netip.ParsePrefix(r.CIDRIP)
		return "for " + r.CIDRIP, err == nil && p.Contains(a)
	case r.CIDRIPv6 != "":
		p, err := netip.ParsePrefix(r.CIDRIPv6)
		return "for " + r.CIDRIPv6, err == nil && p.Contains(a)
	case r.PrefixListID != "":
		pl, ok := prefixListByID(r.PrefixListID)
		return "for prefix list " + r.PrefixListID, ok && pl.Contains(a)
	case r.GroupID != "":
		if peer.vpc == nil || !containsString(peer.groups, r.GroupID) {
			return "", false
		}
		if peer.vpc != vpc && vpc.peers[peer.vpc.v.ID] == "" {
			return "", false
		}
		return "for members of " + r.GroupID, true
	}
	return "", false
}
