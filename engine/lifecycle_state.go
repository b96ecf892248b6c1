package engine

// Endpoint states of SVC-07, as VPCEndpoint.State holds them.
const (
	StatePendingAcceptance = "PendingAcceptance"
	StatePending           = "Pending"
	StateAvailable         = "Available"
	StateRejected          = "Rejected"
	StateExpired           = "Expired"
	StateFailed            = "Failed"
	StateDeleting          = "Deleting"
	StateDeleted           = "Deleted"
)

// EffectiveEndpointState returns the state endpoint endpointIndex of VPC
// vpcIndex is in: its `state` when set, else what the lifecycle gives a
// static endpoint: PendingAcceptance for an interface or Gateway Load
// Balancer endpoint to an endpoint service that requires acceptance,
// Available otherwise (SVC-05, SVC-07). Out-of-range indexes give "".
func EffectiveEndpointState(s *Scenario, vpcIndex, endpointIndex int) string {
	e := endpointAt(s, vpcIndex, endpointIndex)
	if e == nil {
		return ""
	}
	return endpointStateIn(s, e)
}

// EndpointCarriesTraffic reports whether endpoint endpointIndex of VPC
// vpcIndex carries traffic: only an Available endpoint does, or one Pending
// after its consumer modified it, whose interfaces keep working (SVC-06,
// SVC-07).
func EndpointCarriesTraffic(s *Scenario, vpcIndex, endpointIndex int) bool {
	e := endpointAt(s, vpcIndex, endpointIndex)
	if e == nil {
		return false
	}
	return carriesTrafficIn(endpointStateIn(s, e), e.Modifying)
}

// carriesTrafficIn reports whether an endpoint in a state carries traffic:
// Available, or Pending after its consumer modified it (SVC-06, SVC-07).
// Compile and the lifecycle both ask it.
func carriesTrafficIn(state string, modifying bool) bool {
	return state == StateAvailable || (state == StatePending && modifying)
}

// EffectiveServiceState returns the state of an endpoint service: its
// `state` when set, else Available (SVC-03).
func EffectiveServiceState(es *EndpointService) string {
	if es == nil {
		return ""
	}
	if es.State == "" {
		return StateAvailable
	}
	return es.State
}

// endpointAt returns endpoint j of VPC i, or nil when there is none.
func endpointAt(s *Scenario, i, j int) *VPCEndpoint {
	if s == nil || i < 0 || i >= len(s.VPCs) || j < 0 || j >= len(s.VPCs[i].Endpoints) {
		return nil
	}
	return &s.VPCs[i].Endpoints[j]
}

// endpointStateIn is EffectiveEndpointState for an endpoint of s.
func endpointStateIn(s *Scenario, e *VPCEndpoint) string {
	if e.State != "" {
		return e.State
	}
	if e.VPCEndpointType != EndpointGateway {
		if es := serviceOfEndpoint(s, e); es != nil && es.AcceptanceRequired {
			return StatePendingAcceptance
		}
	}
	return StateAvailable
}

// EndpointServiceOf returns the scenario's endpoint service an endpoint
// names, or nil for an AWS service or an unknown name.
func EndpointServiceOf(s *Scenario, e *VPCEndpoint) *EndpointService { return serviceOfEndpoint(s, e) }

// serviceOfEndpoint returns the endpoint service an endpoint names, or nil
// for an AWS service or an unknown name.
func serviceOfEndpoint(s *Scenario, e *VPCEndpoint) *EndpointService {
	parts, ok := splitServiceName(e.ServiceName)
	if !ok || !parts.endpointService {
		return nil
	}
	return endpointServiceByID(s, parts.serviceID)
}

// endpointServiceByID returns the endpoint service with the ID, or nil.
func endpointServiceByID(s *Scenario, id string) *EndpointService {
	for i := range s.EndpointServices {
		if s.EndpointServices[i].ID == id {
			return &s.EndpointServices[i]
		}
	}
	return nil
}

// carriesPrivateLink reports whether an endpoint type goes through
// PrivateLink, with its connection states, notifications and hourly price
// (interface and Gateway Load Balancer endpoints; not gateway endpoints).
func carriesPrivateLink(endpointType string) bool {
	return endpointType == EndpointInterface || endpointType == EndpointGatewayLoadBalancer
}
