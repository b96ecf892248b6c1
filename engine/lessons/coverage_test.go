package lessons

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// sharedNotes is the source notes (seed/privatelink-notes.md of the shared
// material beside the repository). When the file is there, the test reads
// the headings from it and checks that the copy in testdata is current;
// otherwise it uses the copy, so it runs anywhere.
var sharedNotes = filepath.Join("..", "..", "..", "shared", "seed", "privatelink-notes.md")

// coverage maps every section of the notes to the lessons that teach it.
// A key is the heading's title, prefixed for headings below level 3 with
// the title of the level-2 or level-3 section they belong to.
var coverage = map[string][]string{
	"AWS PrivateLink Concepts":                                                                      {"endpoint-service-acceptance", "interface-endpoint-private-dns"},
	"AWS PrivateLink Concepts › Service Providers":                                                  {"endpoint-service-acceptance"},
	"AWS PrivateLink Concepts › Endpoint Services":                                                  {"endpoint-service-acceptance", "gwlb-inspection", "cross-region-privatelink"},
	"AWS PrivateLink Concepts › Service Names":                                                      {"endpoint-service-acceptance"},
	"AWS PrivateLink Concepts › Service States":                                                     {"endpoint-service-acceptance"},
	"AWS PrivateLink Concepts › Service Consumers":                                                  {"endpoint-service-acceptance", "interface-endpoint-private-dns", "cross-region-privatelink"},
	"AWS PrivateLink Concepts › VPC Endpoints":                                                      {"interface-endpoint-private-dns", "s3-gateway-endpoint", "gwlb-inspection"},
	"AWS PrivateLink Concepts › Endpoint Network Interfaces":                                        {"interface-endpoint-private-dns"},
	"AWS PrivateLink Concepts › Endpoint Policies":                                                  {"endpoint-policies"},
	"AWS PrivateLink Concepts › Endpoint States":                                                    {"endpoint-service-acceptance", "connection-notifications"},
	"AWS PrivateLink Concepts › AWS PrivateLink Connections":                                        {"endpoint-service-acceptance"},
	"AWS PrivateLink Concepts › Private Hosted Zones":                                               {"split-horizon-dns", "centralised-endpoints"},
	"Creating an Interface VPC Endpoint":                                                            {"interface-endpoint-private-dns"},
	"Creating an Interface VPC Endpoint › Accessing an AWS Service Using an Interface VPC Endpoint": {"interface-endpoint-private-dns", "centralised-endpoints"},
	"Creating an Interface VPC Endpoint › Prerequisites":                                            {"interface-endpoint-private-dns", "dns-pitfalls"},
	"Creating an Interface VPC Endpoint › Create a VPC Endpoint":                                    {"interface-endpoint-private-dns", "s3-cost-optimised"},
	"Creating an Interface VPC Endpoint › Shared Subnets":                                           {"interface-endpoint-private-dns"},
	"Configure an Interface Endpoint.":                                                              {"interface-endpoint-private-dns"},
	"Configure an Interface Endpoint. › Add or Remove Subnets":                                      {"interface-endpoint-private-dns"},
	"Configure an Interface Endpoint. › Associate Security Groups":                                  {"interface-endpoint-private-dns"},
	"Configure an Interface Endpoint. › Edit the VPC Endpoint Policy":                               {"endpoint-policies"},
	"Configure an Interface Endpoint. › Enable Private DNS Names":                                   {"dns-pitfalls", "s3-cost-optimised"},
	"Configure an Interface Endpoint. › Manage Tags":                                                {"interface-endpoint-private-dns", "s3-cost-optimised"},
	"Receive Alerts for Interface Endpoints Events":                                                 {"connection-notifications"},
	"Receive Alerts for Interface Endpoints Events › Create an SNS Notification":                    {"connection-notifications"},
	"Receive Alerts for Interface Endpoints Events › Add an Access Policy":                          {"connection-notifications"},
	"Receive Alerts for Interface Endpoints Events › Add a Key Policy":                              {"connection-notifications"},
	"Receive Alerts for Interface Endpoints Events › Delete an Interface Endpoint":                  {"connection-notifications"},
	"Gateway Endpoints":                                   {"s3-gateway-endpoint", "gateway-route-precedence"},
	"Access through an Internet Gateway":                  {"s3-gateway-endpoint", "gateway-route-precedence"},
	"Access through a Gateway Endpoint":                   {"s3-gateway-endpoint", "gateway-route-precedence"},
	"Routing":                                             {"gateway-route-precedence"},
	"Routing › Considerations":                            {"gateway-route-precedence", "s3-gateway-endpoint", "quotas-and-pitfalls"},
	"Gateway Endpoints for Amazon S3":                     {"s3-gateway-endpoint"},
	"Gateway Endpoints for Amazon S3 › Considerations":    {"quotas-and-pitfalls", "bucket-policies", "endpoint-policies", "dns-pitfalls", "s3-gateway-endpoint"},
	"Gateway Endpoints for Amazon S3 › Private DNS":       {"s3-cost-optimised", "onprem-inbound-resolver"},
	"Gateway Endpoints for Amazon S3 › Route 53 Resolver": {"onprem-inbound-resolver", "s3-cost-optimised"},
	"Gateway Endpoints for Amazon S3 › Private DNS only for the Inbound Resolver Endpoint": {"s3-cost-optimised"},
	"Gateway Endpoints for Amazon S3 › Configure Private DNS":                              {"s3-cost-optimised"},
	"Create a Gateway Endpoint":            {"s3-gateway-endpoint"},
	"Control Access Using Bucket Policies": {"bucket-policies"},
	"Control Access Using Bucket Policies › Example: Restrict Access to a Specific Endpoint":               {"bucket-policies", "s3-gateway-endpoint"},
	"Control Access Using Bucket Policies › Example: Restrict Access to a Specific VPC":                    {"bucket-policies"},
	"Control Access Using Bucket Policies › Example: Restrict Access to a Specific IP Address Range":       {"bucket-policies"},
	"Control Access Using Bucket Policies › Example: Restrict Access to Buckets in a Specific AWS account": {"bucket-policies"},
	"Associate Route Tables":       {"s3-gateway-endpoint", "gateway-route-precedence"},
	"Edit the VPC Endpoint Policy": {"endpoint-policies"},
	"Edit the VPC Endpoint Policy › Example: Restrict Access to a Specific Bucket":           {"endpoint-policies"},
	"Edit the VPC Endpoint Policy › Example: Restrict Access to a Specific IAM Role":         {"endpoint-policies"},
	"Edit the VPC Endpoint Policy › Example: Restrict Access to Users in a Specific account": {"endpoint-policies"},
	"Delete a Gateway Endpoint":                                               {"s3-cost-optimised"},
	"Gateway Endpoints for Amazon DynamoDB":                                   {"gateway-route-precedence"},
	"Access SaaS Products through AWS PrivateLink":                            {"endpoint-service-acceptance", "split-horizon-dns"},
	"Access Virtual Appliances through AWS PrivateLink":                       {"gwlb-inspection"},
	"Create an Inspection System as a Gateway Load Balancer Endpoint Service": {"gwlb-inspection"},
}

var (
	headingLine = regexp.MustCompile(`^(#{2,6})\s+(.*?)\s*$`)
	mdLink      = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)
)

// sectionKeys lists the sections of a Markdown document as coverage keys:
// every heading of levels 2 to 5, and the level-6 headings that carry
// content (not the console or command-line procedures, nor the Concepts,
// Contents and Tasks link lists).
func sectionKeys(doc string) []string {
	var keys []string
	parent := ""
	for _, line := range strings.Split(doc, "\n") {
		m := headingLine.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		level, title := len(m[1]), strings.TrimSpace(mdLink.ReplaceAllString(m[2], "$1"))
		switch title {
		case "Concepts", "Contents", "Tasks":
			continue
		}
		if level == 6 && strings.HasPrefix(title, "To ") {
			continue
		}
		key := title
		if level <= 3 {
			parent = title
		} else if parent != "" {
			key = parent + " › " + title
		}
		if !slices.Contains(keys, key) {
			keys = append(keys, key)
		}
	}
	return keys
}

// notesHeadings reads the notes' headings: from the shared notes when they
// are present (sharedNotes), else from the copy in testdata.
func notesHeadings(t *testing.T) []string {
	t.Helper()
	copyData, err := os.ReadFile(filepath.Join("testdata", "notes-headings.md"))
	if err != nil {
		t.Fatal(err)
	}
	keys := sectionKeys(string(copyData))
	notes, err := os.ReadFile(sharedNotes)
	if err != nil {
		t.Logf("the shared notes are not readable (%v): using testdata/notes-headings.md", err)
		return keys
	}
	fromNotes := sectionKeys(string(notes))
	if !slices.Equal(fromNotes, keys) {
		t.Errorf("testdata/notes-headings.md is out of date with %s: regenerate it with grep '^#'", sharedNotes)
	}
	return fromNotes
}

// TestLessonsCoverEveryNotesSection: each section of the notes is taught by
// at least one lesson, and the table names no section or lesson that does
// not exist.
func TestLessonsCoverEveryNotesSection(t *testing.T) {
	keys := notesHeadings(t)
	if len(keys) < 50 {
		t.Fatalf("only %d sections read from the notes", len(keys))
	}
	t.Logf("%d sections of the notes", len(keys))
	known := map[string]bool{}
	for _, l := range All() {
		known[l.ID] = true
	}
	taught := map[string]bool{}
	for _, k := range keys {
		ids, ok := coverage[k]
		if !ok || len(ids) == 0 {
			t.Errorf("no lesson covers the section %q", k)
		}
		for _, id := range ids {
			if !known[id] {
				t.Errorf("section %q: no lesson %q", k, id)
			}
			taught[id] = true
		}
	}
	for k := range coverage {
		if !slices.Contains(keys, k) {
			t.Errorf("the coverage table names %q, which is not a section of the notes", k)
		}
	}
	for id := range known {
		if !taught[id] {
			t.Errorf("lesson %s covers no section of the notes", id)
		}
	}
}

// Without the shared notes the headings come from the copy in testdata.
func TestNotesHeadingsFallBackToTheCopy(t *testing.T) {
	saved := sharedNotes
	t.Cleanup(func() { sharedNotes = saved })
	sharedNotes = filepath.Join(t.TempDir(), "missing.md")
	copyData, err := os.ReadFile(filepath.Join("testdata", "notes-headings.md"))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := notesHeadings(t), sectionKeys(string(copyData)); !slices.Equal(got, want) {
		t.Errorf("headings without the shared notes = %d keys, want the copy's %d", len(got), len(want))
	}
}
