package engine

// Decisions a hop may carry. A success decision lets the trace go on; a
// failure decision ends it. Policy hops carry the policy package's layer
// decisions ("allowed", "explicitDeny", "implicitDeny", "notApplicable").
const (
	DecisionResolved   = "resolved"
	DecisionForwarded  = "forwarded"
	DecisionCNAME      = "cname"
	DecisionMatched    = "matched"
	DecisionAllowed    = "allowed"
	DecisionTranslated = "translated"
	DecisionInspected  = "inspected"
	DecisionReturned   = "returned"
	DecisionReached    = "reached"
	DecisionSkipped    = "skipped"

	DecisionNXDomain     = "nxdomain"
	DecisionNoAnswer     = "no-answer"
	DecisionNoResolver   = "no-resolver"
	DecisionNoRoute      = "no-route"
	DecisionDenied       = "denied"
	DecisionDropped      = "dropped"
	DecisionUnreachable  = "unreachable"
	DecisionLoop         = "loop"
	DecisionExplicitDeny = "explicitDeny"
	DecisionImplicitDeny = "implicitDeny"
	DecisionNotApplies   = "notApplicable"
)

// failureDecisions are the decisions that end a trace short of its target.
var failureDecisions = map[string]bool{
	DecisionNXDomain: true, DecisionNoAnswer: true, DecisionNoResolver: true,
	DecisionNoRoute: true, DecisionDenied: true, DecisionDropped: true,
	DecisionUnreachable: true, DecisionLoop: true,
	DecisionExplicitDeny: true, DecisionImplicitDeny: true,
}

// IsFailure reports whether a hop decision stops a trace.
func IsFailure(decision string) bool { return failureDecisions[decision] }

// hopKinds are the kinds SCENARIO.md allows.
var hopKinds = map[string]bool{
	HopDNS: true, HopRoute: true, HopSecurityGroup: true, HopNetworkACL: true,
	HopEndpoint: true, HopEndpointPolicy: true, HopResourcePolicy: true,
	HopIdentityPolicy: true, HopGateway: true, HopNAT: true, HopPeering: true,
	HopTransitGateway: true, HopVPN: true, HopLoadBalancer: true,
	HopAppliance: true, HopTarget: true, HopService: true,
}
