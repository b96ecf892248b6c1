package policy

import (
	"bytes"
	"encoding/json"
	"errors"
	"sort"
	"strconv"
)

// ParseInput decodes the input of the `policy` subcommand (SCENARIO.md):
//
//	{"request": {"principal", "action", "resource", "context": {key: string or [strings]}},
//	 "resourceAccount"?, "principalAccount"?, "identityPolicies": [Policy],
//	 "resourcePolicy"?: Policy, "endpointPolicies"?: [Policy]}
//
// Unknown fields, malformed policies and a request without action or
// resource are *Error values (POL-05) whose path starts at the input's root,
// e.g. "identityPolicies[0].Statement[1].Effect". Endpoint policies must
// name a Principal (POL-06); resource policy statements too.
func ParseInput(doc []byte) (Input, error) {
	var in Input
	if err := validJSON(doc, "input"); err != nil {
		return in, err
	}
	var raw struct {
		Request          *json.RawMessage  `json:"request"`
		ResourceAccount  string            `json:"resourceAccount"`
		PrincipalAccount string            `json:"principalAccount"`
		IdentityPolicies []json.RawMessage `json:"identityPolicies"`
		ResourcePolicy   json.RawMessage   `json:"resourcePolicy"`
		EndpointPolicies []json.RawMessage `json:"endpointPolicies"`
	}
	if err := strict(doc, &raw); err != nil {
		return in, &Error{Rule: RuleMalformed, Path: "input", Message: err.Error()}
	}
	if raw.Request == nil {
		return in, &Error{Rule: RuleMalformed, Path: "request", Message: "missing request"}
	}
	req, err := parseRequest(*raw.Request)
	if err != nil {
		return in, err
	}
	in.Request = req
	in.ResourceAccount = raw.ResourceAccount
	in.PrincipalAccount = raw.PrincipalAccount
	for i, p := range raw.IdentityPolicies {
		pol, err := parse(p, "identityPolicies["+strconv.Itoa(i)+"].", kindAny)
		if err != nil {
			return in, err
		}
		in.IdentityPolicies = append(in.IdentityPolicies, pol)
	}
	if len(raw.ResourcePolicy) > 0 && kind(raw.ResourcePolicy) != 'n' {
		if in.ResourcePolicy, err = parse(raw.ResourcePolicy, "resourcePolicy.", kindResource); err != nil {
			return in, err
		}
	}
	if raw.EndpointPolicies != nil {
		in.EndpointPolicies = []*Policy{}
		for i, p := range raw.EndpointPolicies {
			pol, err := parse(p, "endpointPolicies["+strconv.Itoa(i)+"].", kindEndpoint)
			if err != nil {
				return in, err
			}
			in.EndpointPolicies = append(in.EndpointPolicies, pol)
		}
	}
	return in, nil
}

// parseRequest decodes the request object; context values may be strings,
// booleans, numbers or arrays of them.
func parseRequest(doc []byte) (Request, error) {
	var raw struct {
		Principal string                     `json:"principal"`
		Action    string                     `json:"action"`
		Resource  string                     `json:"resource"`
		Context   map[string]json.RawMessage `json:"context"`
	}
	var r Request
	if err := strict(doc, &raw); err != nil {
		return r, &Error{Rule: RuleMalformed, Path: "request", Message: err.Error()}
	}
	if raw.Action == "" {
		return r, &Error{Rule: RuleMalformed, Path: "request.action", Message: "required (e.g. \"s3:GetObject\")"}
	}
	if raw.Resource == "" {
		return r, &Error{Rule: RuleMalformed, Path: "request.resource", Message: "required (an ARN, e.g. \"arn:aws:s3:::bucket/key\")"}
	}
	r.Principal, r.Action, r.Resource = raw.Principal, raw.Action, raw.Resource
	if raw.Context != nil {
		r.Context = make(map[string][]string, len(raw.Context))
		keys := make([]string, 0, len(raw.Context))
		for k := range raw.Context {
			keys = append(keys, k)
		}
		sort.Strings(keys) // the first bad key is reported, deterministically
		for _, k := range keys {
			v := raw.Context[k]
			if items, ok := decodeArray(v); ok && len(items) == 0 {
				r.Context[k] = []string{} // an empty set, for ForAllValues
				continue
			}
			values, err := conditionValues(v, "request.context."+k)
			if err != nil {
				return r, err
			}
			r.Context[k] = values
		}
	}
	return r, nil
}

// strict decodes JSON refusing unknown fields and trailing data.
func strict(doc []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(doc))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if dec.More() {
		return errors.New("unexpected data after the JSON value")
	}
	return nil
}
