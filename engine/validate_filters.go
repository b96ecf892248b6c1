package engine

import (
	"fmt"
	"strings"
)

// checkSecurityGroups checks each rule of each security group: a known
// protocol and port range, exactly one source or destination, well formed
// (VAL-02), and a referenced group in the same VPC or a peered one (VAL-01).
func (v *validator) checkSecurityGroups() {
	for i := range v.s.VPCs {
		vpc := &v.s.VPCs[i]
		for j := range vpc.SecurityGroups {
			g := &vpc.SecurityGroups[j]
			gp := pathIndex(pathField(pathIndex("vpcs", i), "securityGroups"), j)
			for _, dir := range []struct {
				name  string
				rules []SGRule
			}{{"ingress", g.Ingress}, {"egress", g.Egress}} {
				for k := range dir.rules {
					v.checkSGRule(pathIndex(pathField(gp, dir.name), k), &dir.rules[k], i)
				}
			}
		}
	}
}

// checkSGRule checks one security group rule of VPC number i.
func (v *validator) checkSGRule(rp string, r *SGRule, i int) {
	v.checkProtocolPorts(rp, r.IPProtocol, r.FromPort, r.ToPort)
	n := 0
	for _, s := range []string{r.CIDRIP, r.CIDRIPv6, r.PrefixListID, r.GroupID} {
		if s != "" {
			n++
		}
	}
	if n != 1 {
		v.add("VAL-04", rp, "a security group rule needs exactly one of cidrIp, cidrIpv6, prefixListId and groupId")
	}
	if r.CIDRIP != "" {
		v.prefix(pathField(rp, "cidrIp"), r.CIDRIP, famIPv4)
	}
	if r.CIDRIPv6 != "" {
		v.prefix(pathField(rp, "cidrIpv6"), r.CIDRIPv6, famIPv6)
	}
	if r.PrefixListID != "" && !strings.HasPrefix(r.PrefixListID, "pl-") {
		v.add("VAL-02", pathField(rp, "prefixListId"), "%q is not a prefix list ID (pl-…)", r.PrefixListID)
	}
	if r.GroupID == "" {
		return
	}
	gp := pathField(rp, "groupId")
	ref, ok := v.ref(gp, r.GroupID, kindSecurityGroup)
	if ok && ref.vpc != i && !v.peered(ref.vpc, i) {
		v.add("VAL-01", gp, "security group %s is in %s, which is neither %s nor peered with it", r.GroupID, v.vpcName(ref.vpc), v.vpcName(i))
	}
}

// peered reports whether VPCs number a and b have a peering connection.
func (v *validator) peered(a, b int) bool {
	if a < 0 || b < 0 {
		return false
	}
	ida, idb := v.s.VPCs[a].ID, v.s.VPCs[b].ID
	for _, p := range v.s.Peerings {
		if p.RequesterVPC == ida && p.AccepterVPC == idb || p.RequesterVPC == idb && p.AccepterVPC == ida {
			return true
		}
	}
	return false
}

// checkProtocolPorts checks a protocol ("tcp", "udp", "icmp" or "-1") and
// its ports: 0-65535 with from ≤ to for TCP and UDP, ICMP type and code
// -1-255 for ICMP (VAL-04).
func (v *validator) checkProtocolPorts(path, proto string, from, to *int) {
	switch proto {
	case "tcp", "udp":
		if from == nil || to == nil {
			v.add("VAL-04", path, "a %s rule needs fromPort and toPort", proto)
			return
		}
		if *from < 0 || *from > 65535 || *to < 0 || *to > 65535 || *from > *to {
			v.add("VAL-04", pathField(path, "fromPort"), "port range %d-%d: want 0 ≤ fromPort ≤ toPort ≤ 65535", *from, *to)
		}
	case "icmp":
		for _, p := range []struct {
			name string
			n    *int
		}{{"fromPort", from}, {"toPort", to}} {
			if p.n != nil && (*p.n < -1 || *p.n > 255) {
				v.add("VAL-04", pathField(path, p.name), "ICMP type or code %d: want -1 to 255", *p.n)
			}
		}
	case "-1":
	default:
		v.add("VAL-04", pathField(path, "ipProtocol"), "unknown protocol %q: want tcp, udp, icmp or -1", proto)
	}
}

// checkNetworkACLs checks each VPC's network ACLs: one default ACL at most,
// entries with a rule number 1-32766 used once per direction, a known
// protocol and action, and a well formed CIDR.
func (v *validator) checkNetworkACLs() {
	for i := range v.s.VPCs {
		vpc := &v.s.VPCs[i]
		def := ""
		for j := range vpc.NetworkACLs {
			a := &vpc.NetworkACLs[j]
			ap := pathIndex(pathField(pathIndex("vpcs", i), "networkAcls"), j)
			if a.IsDefault {
				if def != "" {
					v.add("VAL-01", pathField(ap, "isDefault"), "a VPC has one default network ACL; %s is already default", def)
				} else {
					def = a.ID
				}
			}
			numbers := map[string]bool{}
			for k := range a.Entries {
				e := &a.Entries[k]
				ep := pathIndex(pathField(ap, "entries"), k)
				if e.RuleNumber < 1 || e.RuleNumber > 32766 {
					v.add("VAL-04", pathField(ep, "ruleNumber"), "rule number %d: want 1 to 32766", e.RuleNumber)
				}
				dir := fmt.Sprintf("%t/%d", e.Egress, e.RuleNumber)
				if numbers[dir] {
					v.add("VAL-01", pathField(ep, "ruleNumber"), "rule number %d is used twice in the %s entries", e.RuleNumber, aclDirection(e.Egress))
				}
				numbers[dir] = true
				v.checkProtocolPorts(ep, e.IPProtocol, e.FromPort, e.ToPort)
				if e.RuleAction != "allow" && e.RuleAction != "deny" {
					v.add("VAL-04", pathField(ep, "ruleAction"), "unknown action %q: want allow or deny", e.RuleAction)
				}
				v.anyPrefix(pathField(ep, "cidrBlock"), e.CIDRBlock)
			}
		}
	}
}

// aclDirection names a rule's direction for messages.
func aclDirection(egress bool) string {
	if egress {
		return "egress"
	}
	return "ingress"
}
