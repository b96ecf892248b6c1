package engine

// Verdicts of a trace (SCENARIO.md "Trace result").
const (
	VerdictAllowed     = "allowed"
	VerdictDenied      = "denied"
	VerdictUnreachable = "unreachable"
	VerdictUnresolved  = "unresolved"
)

// VerdictIcon is the icon every view shows beside a verdict's word, so a
// verdict never rests on colour alone ("" for an unknown verdict).
func VerdictIcon(verdict string) string {
	switch verdict {
	case VerdictAllowed:
		return "✔"
	case VerdictDenied:
		return "✖"
	case VerdictUnreachable:
		return "⊘"
	case VerdictUnresolved:
		return "?"
	}
	return ""
}

// Trace is the result of one traced request: a verdict and the hops that led
// to it, the last hop being the one that settled the verdict.
type Trace struct {
	Verdict  string       `json:"verdict"`
	Request  TraceRequest `json:"request"`
	Resolved *Resolved    `json:"resolved,omitempty"`
	Hops     []Hop        `json:"hops"`
}

// Resolved is the DNS answer a trace used.
type Resolved struct {
	Name      string   `json:"name"`
	Addresses []string `json:"addresses"`
	Resolver  string   `json:"resolver"`
}

// Hop is one decision along a trace. Kind is one of the Hop* constants, At the
// ID of the resource that decided, Rule the RULES.md ID that decided it.
type Hop struct {
	Kind     string `json:"kind"`
	At       string `json:"at"`
	Decision string `json:"decision"`
	Rule     string `json:"rule,omitempty"`
	Detail   string `json:"detail"`
}

// Hop kinds (SCENARIO.md).
const (
	HopDNS            = "dns"
	HopRoute          = "route"
	HopSecurityGroup  = "security-group"
	HopNetworkACL     = "network-acl"
	HopEndpoint       = "endpoint"
	HopEndpointPolicy = "endpoint-policy"
	HopResourcePolicy = "resource-policy"
	HopIdentityPolicy = "identity-policy"
	HopGateway        = "gateway"
	HopNAT            = "nat"
	HopPeering        = "peering"
	HopTransitGateway = "transit-gateway"
	HopVPN            = "vpn"
	HopLoadBalancer   = "load-balancer"
	HopAppliance      = "appliance"
	HopTarget         = "target"
	HopService        = "service"
)
