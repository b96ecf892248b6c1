package awsimport

import "strings"

// mapServicePermissions maps describe-vpc-endpoint-service-permissions into
// the allowed principals of the imported services (SVC-04). A permission
// names its service by ServiceId, which the API reference marks optional;
// without it, it belongs to the only service configuration of the input,
// and is noted as ambiguous when there are several.
func (m *mapper) mapServicePermissions() {
	var configs []string
	for _, it := range m.in.serviceConfigs {
		if it.v.ServiceID != "" && !contains(configs, it.v.ServiceID) {
			configs = append(configs, it.v.ServiceID)
		}
	}
	for _, it := range m.in.permissions {
		p := it.v
		id := p.ServiceID
		if id == "" {
			switch len(configs) {
			case 0:
				m.note(it.src, "not mapped: principal %s: the permission names no ServiceId, and no service configuration is in the input", p.Principal)
				continue
			case 1:
				id = configs[0]
			default:
				m.note(it.src, "not mapped: principal %s: the permission names no ServiceId, and with %d service configurations in the input (%s) its service is ambiguous", p.Principal, len(configs), strings.Join(configs, ", "))
				continue
			}
		}
		k, ok := m.svc.byID[id]
		if !ok {
			m.note(it.src, "not mapped: principal %s of %s: the service is not one of the imported endpoint services", p.Principal, id)
			continue
		}
		if reason := principalProblem(p); reason != "" {
			m.note(it.src, "not mapped: principal %s of %s: %s", p.Principal, id, reason)
			continue
		}
		es := &m.s.EndpointServices[k]
		if !contains(es.AllowedPrincipals, p.Principal) {
			es.AllowedPrincipals = append(es.AllowedPrincipals, p.Principal)
		}
	}
}

// principalProblem says why an allowed principal cannot be mapped, or "":
// the playground matches "*" and the ARNs of accounts, users and roles.
func principalProblem(p AllowedPrincipal) string {
	switch {
	case p.Principal == "*":
		return ""
	case p.PrincipalType == "OrganizationUnit" || p.PrincipalType == "Service":
		return "principals of type " + p.PrincipalType + " are not in the playground, which matches \"*\" and account, user and role ARNs (SVC-04)"
	case !strings.HasPrefix(p.Principal, "arn:"):
		return "not \"*\" or an ARN (SVC-04)"
	}
	return ""
}
