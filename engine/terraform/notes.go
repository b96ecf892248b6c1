package terraform

import (
	"fmt"
	"strings"
)

// noteAccounts notes the resources of accounts other than the first: the
// configuration has one provider, and thus one set of credentials.
func (x *exporter) noteAccounts() {
	first := ""
	if len(x.s.Accounts) > 0 {
		first = x.s.Accounts[0].ID
	} else if len(x.s.VPCs) > 0 {
		first = x.s.VPCs[0].Account
	}
	var order []string
	byAccount := map[string][]string{}
	add := func(account, id string) {
		if account == "" || account == first {
			return
		}
		if _, ok := byAccount[account]; !ok {
			order = append(order, account)
		}
		byAccount[account] = append(byAccount[account], id)
	}
	for _, v := range x.s.VPCs {
		add(v.Account, v.ID+" (and what it holds)")
	}
	for _, svc := range x.s.EndpointServices {
		add(svc.Account, svc.ID)
	}
	for _, d := range x.s.Buckets {
		add(d.Account, "bucket "+d.Name)
	}
	for _, d := range x.s.Tables {
		add(d.Account, "table "+d.Name)
	}
	for _, a := range order {
		x.note("account %s%s owns %s: give them a provider block of that account (provider = aws.ALIAS)", a, x.accountName(a), strings.Join(byAccount[a], ", "))
	}
}

// accountName is " (name)" for a named account.
func (x *exporter) accountName(id string) string {
	for _, a := range x.s.Accounts {
		if a.ID == id && a.Name != "" {
			return " (" + a.Name + ")"
		}
	}
	return ""
}

// noteNetworks notes the on-premises networks: their sites, hosts and DNS
// servers are outside AWS, and their VPN or Direct Connect connection needs
// the site's customer gateway.
func (x *exporter) noteNetworks() {
	for _, n := range x.s.Networks {
		name := ""
		if n.Name != "" {
			name = " (" + n.Name + ")"
		}
		to := n.Connection.VPC
		if to == "" {
			to = n.Connection.TransitGateway
		}
		x.note("on-premises network %s%s, %s, connected by %s to %s: not created (a connection needs the site's customer gateway)",
			n.ID, name, strings.Join(n.CIDRBlocks, ", "), n.Connection.Type, to)
		for _, h := range n.Hosts {
			x.note("on-premises host %s %s in %s", h.ID, h.IPAddress, n.ID)
		}
		for _, d := range n.DNSServers {
			var fw []string
			for _, f := range d.Forwarders {
				fw = append(fw, fmt.Sprintf("%s to %s", f.DomainName, strings.Join(f.TargetIPs, ", ")))
			}
			if len(fw) == 0 {
				x.note("on-premises DNS server %s in %s", d.IP, n.ID)
			} else {
				x.note("on-premises DNS server %s in %s forwards %s", d.IP, n.ID, strings.Join(fw, "; "))
			}
		}
	}
}

// noteSimulation notes the settings of the simulation itself.
func (x *exporter) noteSimulation() {
	if x.s.Clock != 0 {
		x.note("the simulated clock stands at second %d", x.s.Clock)
	}
	var settings []string
	if x.s.Quotas != nil {
		settings = append(settings, "quotas")
	}
	if x.s.Prices != nil {
		settings = append(settings, "prices")
	}
	if x.s.Timing != nil {
		settings = append(settings, "timing")
	}
	if len(settings) > 0 {
		x.note("simulation settings (%s) are the playground's own", strings.Join(settings, ", "))
	}
	if n := len(x.s.Traces); n > 0 {
		x.note("%d saved trace requests are the playground's own", n)
	}
}
