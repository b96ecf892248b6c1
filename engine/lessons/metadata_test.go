package lessons

import (
	"strings"
	"testing"
)

func TestDecodeMetadataIsStrict(t *testing.T) {
	good := `{"order": 2, "expect": ["allowed"], "challenge": {"goal": "g", "traces": [{"trace": {"from": "i-1", "to": "x"}, "want": "denied"}], "forbid": ["natGateway"], "rules": ["GW-01", "GWLB-02"]}}`
	if _, err := DecodeMetadata([]byte(good)); err != nil {
		t.Fatalf("good metadata: %v", err)
	}
	for name, tc := range map[string]struct{ doc, want string }{
		"unknown field":           {`{"order": 1, "expect": ["allowed"], "colour": "red"}`, "colour"},
		"unknown challenge field": {`{"order": 1, "expect": ["allowed"], "challenge": {"goal": "g", "gaol": "x", "traces": [{"trace": {"from": "a", "to": "b"}, "want": "allowed"}]}}`, "gaol"},
		"unknown trace field":     {`{"order": 1, "expect": ["allowed"], "challenge": {"goal": "g", "traces": [{"trace": {"from": "a", "to": "b", "frm": "c"}, "want": "allowed"}]}}`, "frm"},
		"trailing data":           {`{"order": 1, "expect": ["allowed"]} {}`, "after"},
		"no order":                {`{"expect": ["allowed"]}`, "order"},
		"no expect":               {`{"order": 1}`, "expect"},
		"bad verdict":             {`{"order": 1, "expect": ["maybe"]}`, "maybe"},
		"no goal":                 {`{"order": 1, "expect": ["allowed"], "challenge": {"traces": [{"trace": {"from": "a", "to": "b"}, "want": "allowed"}]}}`, "goal"},
		"nothing to check":        {`{"order": 1, "expect": ["allowed"], "challenge": {"goal": "g"}}`, "at least one"},
		"bad want":                {`{"order": 1, "expect": ["allowed"], "challenge": {"goal": "g", "traces": [{"trace": {"from": "a", "to": "b"}, "want": "ok"}]}}`, "ok"},
		"unknown forbid":          {`{"order": 1, "expect": ["allowed"], "challenge": {"goal": "g", "traces": [{"trace": {"from": "a", "to": "b"}, "want": "allowed"}], "forbid": ["nat"]}}`, "nat"},
		"bad rule":                {`{"order": 1, "expect": ["allowed"], "challenge": {"goal": "g", "traces": [{"trace": {"from": "a", "to": "b"}, "want": "allowed"}], "rules": ["gw-1"]}}`, "gw-1"},
		"events without actions":  {`{"order": 1, "expect": ["allowed"], "challenge": {"goal": "g", "events": {"want": [{"kind": "notification"}]}}}`, "actions"},
		"event without kind":      {`{"order": 1, "expect": ["allowed"], "actions": "a.actions.json", "challenge": {"goal": "g", "events": {"none": [{"resource": "x"}]}}}`, "kind"},
		"not JSON":                {`order: 1`, "metadata"},
	} {
		_, err := DecodeMetadata([]byte(tc.doc))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want one mentioning %q", name, err, tc.want)
		}
	}
}

func TestActionsFileNames(t *testing.T) {
	for name, want := range map[string]bool{
		"s3-gateway-endpoint.actions.json": true,
		"../x.actions.json":                false,
		"x.json":                           false,
		".actions.json":                    false,
	} {
		if got := validActionsName(name); got != want {
			t.Errorf("validActionsName(%q) = %v", name, got)
		}
	}
}
