package engine

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// providerOwns reports whether account owns endpoint service es and so may
// act on it; another account does not see it (AWS answers "not found").
func (a *applier) providerOwns(act *Action, es *EndpointService, resource string) bool {
	account, _, ok := a.performer(act, es.Account, resource)
	if !ok {
		return false
	}
	if account != es.Account {
		a.refuse(resource, "VAL-01", "account %s has no endpoint service %s (it belongs to %s)", account, es.ID, es.Account)
		return false
	}
	return true
}

// serviceNamed finds the endpoint service of a provider action, refusing an
// unknown ID or one of another account.
func (a *applier) serviceNamed(act *Action, id string) (*EndpointService, bool) {
	es := endpointServiceByID(a.s, id)
	if es == nil {
		a.refuse(id, "VAL-01", "no endpoint service %q", id)
		return nil, false
	}
	return es, a.providerOwns(act, es, id)
}

// answerConnection accepts or rejects one endpoint's connection request
// (SVC-05): only a PendingAcceptance request can be accepted (→ Pending,
// then Available after timing.pendingSeconds); a PendingAcceptance, Pending
// or Available connection can be rejected (→ Rejected).
func (a *applier) answerConnection(act *Action, id string) {
	es, ok := a.serviceNamed(act, act.ServiceID)
	if !ok {
		return
	}
	i, j, ok := endpointIndexByID(a.s, id)
	if !ok || serviceOfEndpoint(a.s, &a.s.VPCs[i].Endpoints[j]) != es {
		a.refuse(id, "VAL-01", "endpoint service %s has no connection from %q", es.ID, id)
		return
	}
	e := &a.s.VPCs[i].Endpoints[j]
	from := endpointStateIn(a.s, e)
	accept := act.Action == ActionAcceptConnections
	switch {
	case accept && from != StatePendingAcceptance:
		a.refuse(id, "SVC-05", "%s is %s: only a PendingAcceptance connection request can be accepted", id, from)
		return
	case !accept && from != StatePendingAcceptance && from != StatePending && from != StateAvailable:
		a.refuse(id, "SVC-05", "%s is %s: only a PendingAcceptance, Pending or Available connection can be rejected", id, from)
		return
	}
	to, event := StatePending, NotifyAccept
	detail := fmt.Sprintf("%s accepted the connection request of %s: Pending for %d s, then Available", es.Account, id, pendingSeconds(a.s))
	if !accept {
		to, event = StateRejected, NotifyReject
		detail = fmt.Sprintf("%s rejected the connection of %s: it carries no traffic", es.Account, id)
		if from == StateAvailable {
			detail = fmt.Sprintf("%s rejected the Available connection of %s: it stops carrying traffic", es.Account, id)
		}
	}
	a.setState(e, to)
	a.emit(Event{Resource: id, Kind: KindState, Rule: "SVC-05", From: from, To: to, Detail: detail})
	a.notify(a.s.ConnectionNotifications, event, subjectOf(a.s, i, j))
}

// pendingSeconds is how long Pending lasts (SVC-05).
func pendingSeconds(s *Scenario) int {
	p, _ := lifecycleTiming(s)
	return p
}

// createService is create-vpc-endpoint-service-configuration: an endpoint
// service of the performer's load balancers (SVC-01), Pending then at once
// Available (SVC-03), open to no one until permissions allow it (SVC-04).
func (a *applier) createService(act *Action) {
	lbs, owner, ok := a.serviceLoadBalancers(act)
	if !ok {
		return
	}
	id := act.ServiceID
	if id == "" {
		id = newID(a.s, "vpce-svc-", strings.Join(lbs, ",")+"|"+strconv.Itoa(a.index)+"|"+strconv.Itoa(a.s.Clock))
	}
	account, _, ok := a.performer(act, owner, id)
	if !ok {
		return
	}
	if account != owner {
		a.refuse(id, "VAL-01", "account %s has no load balancer %s (it belongs to %s)", account, lbs[0], owner)
		return
	}
	es := EndpointService{
		ID: id, Account: owner, LoadBalancers: lbs, PrivateDNSName: act.PrivateDNSName,
		SupportedIPAddressTypes: slices.Clone(act.SupportedIPAddressTypes), SupportedRegions: slices.Clone(act.SupportedRegions),
		State: StateAvailable,
	}
	if act.AcceptanceRequired != nil {
		es.AcceptanceRequired = *act.AcceptanceRequired
	}
	next := cloneScenario(a.s)
	next.EndpointServices = append(next.EndpointServices, es)
	if !a.commit(next, id) {
		return
	}
	region := serviceRegionOf(a.s, &es)
	a.emit(Event{Resource: id, Kind: KindCreated, Rule: "SVC-02", To: StatePending,
		Detail: fmt.Sprintf("endpoint service %s created for %s: consumers name it com.amazonaws.vpce.%s.%s", id, strings.Join(lbs, ", "), region, id)})
	how := "endpoints start Pending, then Available"
	if es.AcceptanceRequired {
		how = "endpoints wait in PendingAcceptance until accepted"
	}
	a.emit(Event{Resource: id, Kind: KindState, Rule: "SVC-03", From: StatePending, To: StateAvailable,
		Detail: fmt.Sprintf("%s is Available; no principal may connect until permissions allow it (SVC-04); %s", id, how)})
}

// serviceLoadBalancers resolves the load balancers of a new endpoint
// service, by ARN or ID, checking their types, and returns their IDs and
// the account owning the first one.
func (a *applier) serviceLoadBalancers(act *Action) ([]string, string, bool) {
	var ids []string
	owner := ""
	for _, list := range []struct {
		refs []string
		typ  string
	}{{act.NetworkLoadBalancerARNs, "network"}, {act.GatewayLoadBalancerARNs, "gateway"}, {act.LoadBalancers, ""}} {
		for _, ref := range list.refs {
			lb := loadBalancerByRef(a.s, ref)
			switch {
			case lb == nil:
				a.refuse(ref, "VAL-01", "no load balancer %q", ref)
				return nil, "", false
			case list.typ != "" && lb.Type != list.typ:
				a.refuse(ref, "VAL-01", "%s is a %s load balancer, not a %s one", lb.ID, lb.Type, list.typ)
				return nil, "", false
			}
			if !slices.Contains(ids, lb.ID) {
				ids = append(ids, lb.ID)
			}
			if i, ok := vpcIndexByID(a.s, lb.VPC); ok && owner == "" {
				owner = a.s.VPCs[i].Account
			}
		}
	}
	if len(ids) == 0 {
		a.refuse("", "SVC-01", "an endpoint service fronts a Network or Gateway Load Balancer: name one")
		return nil, "", false
	}
	return ids, owner, true
}

// loadBalancerByRef finds a load balancer by its scenario ID, or by an ARN
// whose name or last part is that ID
// (arn:aws:elasticloadbalancing:REGION:ACCOUNT:loadbalancer/net/NAME/ID).
func loadBalancerByRef(s *Scenario, ref string) *LoadBalancer {
	if lb := loadBalancerByID(s, ref); lb != nil {
		return lb
	}
	if !strings.HasPrefix(ref, "arn:") {
		return nil
	}
	_, res, _ := strings.Cut(ref, ":loadbalancer/")
	parts := strings.Split(res, "/")
	for k := len(parts) - 1; k >= 0; k-- {
		if lb := loadBalancerByID(s, parts[k]); lb != nil && parts[k] != "" {
			return lb
		}
	}
	return nil
}

// modifyPermissions is modify-vpc-endpoint-service-permissions: it adds and
// removes allowed principals ("*", an account root ARN, an IAM user or role
// ARN) (SVC-04). Existing connections are not affected.
func (a *applier) modifyPermissions(act *Action) {
	es, ok := a.serviceNamed(act, act.ServiceID)
	if !ok {
		return
	}
	for _, p := range act.AddAllowedPrincipals {
		if p != "*" && (!strings.HasPrefix(p, "arn:") || arnAccount(p) == "") {
			a.refuse(es.ID, "SVC-04", "%q is not a principal: want \"*\" or an ARN (arn:aws:iam::ACCOUNT:root, …:role/NAME, …:user/NAME)", p)
			return
		}
	}
	list := slices.Clone(es.AllowedPrincipals)
	var changes []string
	for _, p := range act.AddAllowedPrincipals {
		if !slices.Contains(list, p) {
			list = append(list, p)
			changes = append(changes, "allowed "+p)
		}
	}
	for _, p := range act.RemoveAllowedPrincipals {
		if k := slices.Index(list, p); k >= 0 {
			list = slices.Delete(list, k, k+1)
			changes = append(changes, "no longer allowed "+p)
		}
	}
	if len(changes) == 0 {
		a.emit(Event{Resource: es.ID, Kind: KindModified, Rule: "SVC-04", Detail: es.ID + ": the permissions already were as asked"})
		return
	}
	next := cloneScenario(a.s)
	endpointServiceByID(next, es.ID).AllowedPrincipals = list
	if !a.commit(next, es.ID) {
		return
	}
	a.emit(Event{Resource: es.ID, Kind: KindModified, Rule: "SVC-04",
		Detail: es.ID + ": " + strings.Join(changes, "; ") + " (existing connections are not affected)"})
}

// deleteService deletes one endpoint service of
// delete-vpc-endpoint-service-configurations: Deleting, then Deleted
// (SVC-03). It stays in the scenario in state Deleted, so that its
// rejected or expired connections still name it. A service with
// PendingAcceptance, Pending or Available connections is refused.
func (a *applier) deleteService(act *Action, id string) {
	es, ok := a.serviceNamed(act, id)
	if !ok {
		return
	}
	from := EffectiveServiceState(es)
	if from == StateDeleting || from == StateDeleted {
		a.refuse(id, "SVC-03", "endpoint service %s is already %s", id, from)
		return
	}
	for i := range a.s.VPCs {
		for j := range a.s.VPCs[i].Endpoints {
			e := &a.s.VPCs[i].Endpoints[j]
			if serviceOfEndpoint(a.s, e) != es {
				continue
			}
			switch st := endpointStateIn(a.s, e); st {
			case StatePendingAcceptance, StatePending, StateAvailable:
				a.refuse(id, "SVC-03", "endpoint service %s still has a connection from %s, which is %s: reject it first", id, e.ID, st)
				return
			}
		}
	}
	es.State = StateDeleted
	a.emit(Event{Resource: id, Kind: KindState, Rule: "SVC-03", From: from, To: StateDeleting, Detail: id + " is Deleting"})
	a.emit(Event{Resource: id, Kind: KindState, Rule: "SVC-03", From: StateDeleting, To: StateDeleted, Detail: id + " is Deleted: no new endpoint can connect to it"})
}
