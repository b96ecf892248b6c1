package app

import (
	"strings"
	"testing"

	"privatelink-playground/engine"
	"privatelink-playground/engine/lessons"
)

func TestShareFragmentRoundTrip(t *testing.T) {
	s := NewStore(lessons.Default())
	if f, _ := s.ShareFragment(); f != "lesson=s3-gateway-endpoint" {
		t.Errorf("fragment of the unchanged lesson = %q", f)
	}
	s.Edit(func(sc *engine.Scenario) { sc.Title = "Mine" })
	s.ShowSaved(1)
	f, err := s.ShareFragment()
	if err != nil || !strings.HasPrefix(f, "s=v1.") || !strings.HasSuffix(f, "&t=1") {
		t.Fatalf("fragment = %q, %v", f, err)
	}
	other := NewStore(lessons.Default())
	if err := other.OpenFragment("#" + f); err != nil {
		t.Fatal(err)
	}
	if other.Scenario.Title != "Mine" || other.TraceIndex != 1 {
		t.Errorf("reopened: title %q trace %d", other.Scenario.Title, other.TraceIndex)
	}
}

func TestABadLinkLeavesTheDocumentUntouched(t *testing.T) {
	s := NewStore(lessons.Default())
	before := string(s.Document())
	for _, frag := range []string{"#s=v1.!!!", "#s=v9.AAAA", "#s=v1." + strings.Repeat("A", 70<<10), "#lesson=nope", "#what"} {
		if err := s.OpenFragment(frag); err == nil {
			t.Errorf("%.20q opened", frag)
		}
		if string(s.Document()) != before {
			t.Fatalf("%.20q changed the document", frag)
		}
	}
}

func TestImportFilesTellsScenarioFromAWSOutput(t *testing.T) {
	s := NewStore(lessons.Default())
	if _, err := s.ImportFiles(map[string][]byte{"x.json": []byte(`{"version": 1, "title": "Imported"}`)}); err != nil {
		t.Fatal(err)
	}
	if s.Scenario.Title != "Imported" || !s.CanUndo() {
		t.Errorf("scenario import: title %q, undo %v", s.Scenario.Title, s.CanUndo())
	}
	vpcs := `{"Vpcs": [{"VpcId": "vpc-0aws", "CidrBlock": "10.5.0.0/16", "OwnerId": "123456789012"}]}`
	if _, err := s.ImportFiles(map[string][]byte{"vpcs.json": []byte(vpcs)}); err != nil {
		t.Fatal(err)
	}
	if len(s.Scenario.VPCs) != 1 || s.Scenario.VPCs[0].ID != "vpc-0aws" {
		t.Errorf("AWS import gave %+v", s.Scenario.VPCs)
	}
	if _, err := s.ImportFiles(map[string][]byte{"bad.json": []byte(`{"version": 1, "bogus": 1}`)}); err == nil {
		t.Error("an invalid scenario file was imported")
	}
}
