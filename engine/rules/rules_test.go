package rules

import (
	"bufio"
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/rule-ids.txt from the shared RULES.md")

// sharedRules is RULES.md in the shared folder, present in the workspace but
// not in every checkout.
var sharedRules = filepath.Join("..", "..", "..", "shared", "RULES.md")

const idsCopy = "testdata/rule-ids.txt"

// ruleIDMarker matches the bold ID that opens each rule of RULES.md.
var ruleIDMarker = regexp.MustCompile(`\*\*([A-Z]+-[0-9]+)\*\*`)

// rulesMD is what RULES.md says: its rule IDs in order and, for each, the
// heading of the section it is in.
type rulesMD struct {
	ids      []string
	section  map[string]string
	headings []string
}

func parseRulesMD(t *testing.T, text []byte) rulesMD {
	t.Helper()
	md := rulesMD{section: map[string]string{}}
	heading := ""
	sc := bufio.NewScanner(bytes.NewReader(text))
	for sc.Scan() {
		line := sc.Text()
		if h, ok := strings.CutPrefix(line, "## "); ok {
			heading = strings.TrimSpace(h)
			continue
		}
		for _, m := range ruleIDMarker.FindAllStringSubmatch(line, -1) {
			id := m[1]
			if _, dup := md.section[id]; dup {
				t.Fatalf("RULES.md names %s twice", id)
			}
			md.ids = append(md.ids, id)
			md.section[id] = heading
			if !slices.Contains(md.headings, heading) {
				md.headings = append(md.headings, heading)
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(md.ids) == 0 {
		t.Fatal("no **ID** markers found in RULES.md")
	}
	return md
}

// readShared returns the shared RULES.md, or nil when the shared folder is
// not there.
func readShared(t *testing.T) []byte {
	t.Helper()
	b, err := os.ReadFile(sharedRules)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// readIDsCopy returns the IDs of testdata/rule-ids.txt in order.
func readIDsCopy(t *testing.T) []string {
	t.Helper()
	b, err := os.ReadFile(idsCopy)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for line := range strings.SplitSeq(string(b), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		ids = append(ids, line)
	}
	return ids
}

func formatIDsCopy(ids []string) []byte {
	var b strings.Builder
	b.WriteString("# The rule IDs of shared/RULES.md, in order.\n")
	b.WriteString("# Regenerate: go test ./engine/rules/ -run TestRuleIDsCopyMatchesRulesMD -update\n")
	for _, id := range ids {
		b.WriteString(id + "\n")
	}
	return []byte(b.String())
}

// wantIDs is the authoritative ID list: the shared RULES.md when present,
// else the copy in testdata.
func wantIDs(t *testing.T) []string {
	t.Helper()
	if b := readShared(t); b != nil {
		return parseRulesMD(t, b).ids
	}
	return readIDsCopy(t)
}

func ids(rs []Rule) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.ID
	}
	return out
}

func TestEveryRuleIsExplained(t *testing.T) {
	want := wantIDs(t)
	got := ids(All())
	have := map[string]bool{}
	for _, id := range got {
		if have[id] {
			t.Errorf("%s is explained twice", id)
		}
		have[id] = true
	}
	for _, id := range want {
		if !have[id] {
			t.Errorf("%s is in RULES.md but has no explanation", id)
		}
	}
	for _, id := range got {
		if !slices.Contains(want, id) {
			t.Errorf("%s is explained but is not a rule of RULES.md", id)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("All() order differs from RULES.md\n got %v\nwant %v", got, want)
	}
}

func TestRuleIDsCopyMatchesRulesMD(t *testing.T) {
	b := readShared(t)
	if b == nil {
		t.Skipf("%s not present; the copy in %s stands in for it", sharedRules, idsCopy)
	}
	md := parseRulesMD(t, b)
	if *update {
		if err := os.WriteFile(idsCopy, formatIDsCopy(md.ids), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if got := readIDsCopy(t); !slices.Equal(got, md.ids) {
		t.Errorf("%s is stale (rerun with -update)\n got %v\nwant %v", idsCopy, got, md.ids)
	}
}

func TestSectionsAreContiguous(t *testing.T) {
	// Each rule's section is one of Sections(), and sections appear in All()
	// in the order Sections() gives, each as one contiguous run.
	var order []string
	for _, r := range All() {
		if !slices.Contains(Sections(), r.Section) {
			t.Errorf("%s: section %q is not one of Sections()", r.ID, r.Section)
		}
		if len(order) == 0 || order[len(order)-1] != r.Section {
			if slices.Contains(order, r.Section) {
				t.Errorf("%s: section %q is split in two", r.ID, r.Section)
			}
			order = append(order, r.Section)
		}
	}
	if !slices.Equal(order, Sections()) {
		t.Errorf("sections in All() order: %q, Sections(): %q", order, Sections())
	}
}

func TestSectionsMatchRulesMD(t *testing.T) {
	b := readShared(t)
	if b == nil {
		t.Skipf("%s not present", sharedRules)
	}
	md := parseRulesMD(t, b)
	if !slices.Equal(Sections(), md.headings) {
		t.Errorf("Sections() = %q, RULES.md headings = %q", Sections(), md.headings)
	}
	for _, r := range All() {
		if want := md.section[r.ID]; r.Section != want {
			t.Errorf("%s: section %q, RULES.md puts it under %q", r.ID, r.Section, want)
		}
	}
}

func TestLookup(t *testing.T) {
	for _, r := range All() {
		plain := strings.ReplaceAll(r.ID, "-", "")
		for _, spelling := range []string{r.ID, plain, strings.ToLower(r.ID), strings.ToLower(plain), " " + r.ID + " "} {
			got, ok := Lookup(spelling)
			if !ok || got.ID != r.ID {
				t.Errorf("Lookup(%q) = %q, %v; want %q, true", spelling, got.ID, ok, r.ID)
			}
		}
	}
	for _, id := range []string{"", "GW", "GW-", "GW-99", "GW99", "XX-01", "GW-02x", "GW--02", "-02", "02", "GW-2", "G-W02", "NET-1"} {
		if got, ok := Lookup(id); ok {
			t.Errorf("Lookup(%q) = %q, true; want false", id, got.ID)
		}
	}
}

func TestSeeReferencesExist(t *testing.T) {
	for _, r := range All() {
		for _, s := range r.See {
			if _, ok := Lookup(s); !ok {
				t.Errorf("%s: See %q does not exist", r.ID, s)
			}
			if s != strings.ToUpper(s) || !strings.Contains(s, "-") {
				t.Errorf("%s: See %q is not in canonical form", r.ID, s)
			}
			if s == r.ID {
				t.Errorf("%s: See names the rule itself", r.ID)
			}
		}
		if len(r.See) != len(slices.Compact(slices.Sorted(slices.Values(r.See)))) {
			t.Errorf("%s: See has duplicates: %v", r.ID, r.See)
		}
	}
}

func TestNoEmptyFields(t *testing.T) {
	for _, r := range All() {
		for name, v := range map[string]string{"ID": r.ID, "Section": r.Section, "Title": r.Title, "Summary": r.Summary} {
			if strings.TrimSpace(v) == "" {
				t.Errorf("%s: %s is empty", r.ID, name)
			}
		}
		if n := len(r.Explain); n < 2 || n > 4 {
			t.Errorf("%s: %d Explain paragraphs, want 2 to 4", r.ID, n)
		}
		for i, p := range r.Explain {
			if strings.TrimSpace(p) == "" {
				t.Errorf("%s: Explain[%d] is empty", r.ID, i)
			}
		}
		if len(r.See) == 0 {
			t.Errorf("%s: See is empty", r.ID)
		}
		if !strings.HasSuffix(r.Summary, ".") {
			t.Errorf("%s: Summary does not end with a full stop: %q", r.ID, r.Summary)
		}
		if strings.HasSuffix(r.Title, ".") || len(r.Title) > 80 {
			t.Errorf("%s: Title should be a short headline without a full stop: %q", r.ID, r.Title)
		}
	}
}

func TestPlainText(t *testing.T) {
	// The UI renders these strings as text; nothing may look like HTML or
	// Markdown.
	markup := []string{"<", "`", "**", "](", "\n"}
	for _, r := range All() {
		texts := append([]string{r.Section, r.Title, r.Summary}, r.Explain...)
		for _, s := range texts {
			for _, m := range markup {
				if strings.Contains(s, m) {
					t.Errorf("%s: %q contains %q", r.ID, s, m)
				}
			}
			if s != strings.TrimSpace(s) {
				t.Errorf("%s: %q has surrounding space", r.ID, s)
			}
		}
	}
}

func TestAllReturnsCopies(t *testing.T) {
	a := All()
	a[0].Title = "changed"
	a[0].Explain[0] = "changed"
	a[0].See[0] = "changed"
	b := All()
	if b[0].Title == "changed" || b[0].Explain[0] == "changed" || b[0].See[0] == "changed" {
		t.Error("modifying All()'s result changed the package's data")
	}
	r, _ := Lookup(b[0].ID)
	r.Explain[0] = "changed"
	if again, _ := Lookup(b[0].ID); again.Explain[0] == "changed" {
		t.Error("modifying Lookup's result changed the package's data")
	}
	s := Sections()
	s[0] = "changed"
	if Sections()[0] == "changed" {
		t.Error("modifying Sections()'s result changed the package's data")
	}
}
