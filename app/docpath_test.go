package app

import (
	"encoding/json"
	"testing"
)

func mustDoc(t *testing.T, s string) any {
	t.Helper()
	v, err := decodeDocument([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func asJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func TestDocGetAndEdit(t *testing.T) {
	doc := mustDoc(t, `{"vpcs":[{"id":"vpc-1","subnets":[{"id":"a"},{"id":"b"}]}]}`)
	v, err := docGet(doc, "vpcs[0].subnets[1]")
	if err != nil || asJSON(v) != `{"id":"b"}` {
		t.Fatalf("get = %v, %v", asJSON(v), err)
	}
	doc, err = docEdit(doc, "vpcs[0].subnets[0]", nil, true)
	if err != nil || asJSON(doc) != `{"vpcs":[{"id":"vpc-1","subnets":[{"id":"b"}]}]}` {
		t.Fatalf("remove = %v, %v", asJSON(doc), err)
	}
	doc, err = docEdit(doc, "vpcs[0].subnets[1]", map[string]any{"id": "c"}, false)
	if err != nil || asJSON(doc) != `{"vpcs":[{"id":"vpc-1","subnets":[{"id":"b"},{"id":"c"}]}]}` {
		t.Fatalf("append = %v, %v", asJSON(doc), err)
	}
	doc, err = docEdit(doc, "buckets[0]", map[string]any{"name": "x"}, false)
	if err != nil || asJSON(doc) != `{"buckets":[{"name":"x"}],"vpcs":[{"id":"vpc-1","subnets":[{"id":"b"},{"id":"c"}]}]}` {
		t.Fatalf("new collection = %v, %v", asJSON(doc), err)
	}
	if _, err := docEdit(doc, "vpcs[5]", nil, true); err == nil {
		t.Error("removing a missing item succeeded")
	}
	if _, err := docGet(doc, "vpcs[x]"); err == nil {
		t.Error("a bad path was accepted")
	}
}

func TestDocRenameChangesEveryReference(t *testing.T) {
	doc := mustDoc(t, `{"subnets":[{"id":"subnet-a"}],"endpoints":[{"subnetIds":["subnet-a"],"ipAddresses":{"subnet-a":"10.0.0.9"}}],"title":"subnet-a!"}`)
	got := asJSON(docRename(doc, "subnet-a", "subnet-z"))
	want := `{"endpoints":[{"ipAddresses":{"subnet-z":"10.0.0.9"},"subnetIds":["subnet-z"]}],"subnets":[{"id":"subnet-z"}],"title":"subnet-a!"}`
	if got != want {
		t.Errorf("rename = %s, want %s", got, want)
	}
}
