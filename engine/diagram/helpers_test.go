package diagram

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"privatelink-playground/engine"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// examplesDir holds the shared example scenarios.
const examplesDir = "../../shared/examples"

// loadScenario reads a scenario file strictly (unknown fields are errors).
func loadScenario(t *testing.T, path string) *engine.Scenario {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var s engine.Scenario
	if err := dec.Decode(&s); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return &s
}

// example loads a shared example, falling back to the copy in testdata.
func example(t *testing.T, name string) *engine.Scenario {
	t.Helper()
	path := filepath.Join(examplesDir, name)
	if _, err := os.Stat(path); err != nil {
		path = filepath.Join("testdata", name)
		if _, err := os.Stat(path); err != nil {
			t.Skipf("example %s not available", name)
		}
	}
	return loadScenario(t, path)
}

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file (run go test -update and review the diff)\ngot:\n%s", name, got)
	}
}

// The shapes of the lines a diagram writes. An attribute list is
// key="value" pairs where the value has no raw quote, backslash-escapes
// only, and the key is on the allow-list (checked separately).
var (
	reValue    = `"(?:[^"\\\n]|\\.)*"`
	reAttrs    = `\[(?:[a-z]+=` + reValue + `(?:, [a-z]+=` + reValue + `)*)?\];`
	reName     = `(?:n\d+|h\d+|verdict)`
	lineShapes = []*regexp.Regexp{
		regexp.MustCompile(`^digraph (?:topology|trace) \{$`),
		regexp.MustCompile(`^\t+(?:graph|node|edge) ` + reAttrs + `$`),
		regexp.MustCompile(`^\t+subgraph cluster_\d+ \{$`),
		regexp.MustCompile(`^\t+` + reName + ` ` + reAttrs + `$`),
		regexp.MustCompile(`^\t+` + reName + ` -> ` + reName + ` ` + reAttrs + `$`),
		regexp.MustCompile(`^\t*\}$`),
	}
	reAttr = regexp.MustCompile(`([a-z]+)=(` + reValue + `)`)
)

// checkDOT parses a diagram lightly: one graph, every line of a known
// shape, braces balanced, every attribute key allow-listed, the only user
// text in labels, and no link, font or file attribute anywhere.
func checkDOT(t *testing.T, dot string) {
	t.Helper()
	if !strings.HasSuffix(dot, "}\n") {
		t.Fatalf("DOT does not end with }: %q", dot[max(0, len(dot)-40):])
	}
	depth := 0
	lines := strings.Split(strings.TrimSuffix(dot, "\n"), "\n")
	for i, line := range lines {
		ok := false
		for _, re := range lineShapes {
			if re.MatchString(line) {
				ok = true
				break
			}
		}
		if !ok {
			t.Fatalf("line %d has an unexpected shape: %q", i+1, line)
		}
		if strings.HasSuffix(line, "{") {
			depth++
		}
		if strings.TrimLeft(line, "\t") == "}" {
			depth--
			if depth == 0 && i != len(lines)-1 {
				t.Fatalf("graph closed at line %d of %d", i+1, len(lines))
			}
		}
		// Remove values to look at the keys and the rest of the line.
		for _, m := range reAttr.FindAllStringSubmatch(line, -1) {
			if !allowedAttr(m[1]) {
				t.Errorf("line %d: attribute %q not allowed", i+1, m[1])
			}
			switch m[1] {
			case "id", "class":
				if !regexp.MustCompile(`^"[A-Za-z0-9_ -]*"$`).MatchString(m[2]) {
					t.Errorf("line %d: %s=%s has unsafe characters", i+1, m[1], m[2])
				}
			case "fontname":
				if m[2] != `"`+fontName+`"` {
					t.Errorf("line %d: fontname=%s", i+1, m[2])
				}
			}
		}
		skeleton := reAttr.ReplaceAllString(line, "")
		for _, bad := range []string{"URL", "href", "image", "stylesheet", "tooltip", "<"} {
			if strings.Contains(skeleton, bad) {
				t.Errorf("line %d: %q outside attribute values: %q", i+1, bad, line)
			}
		}
	}
	if depth != 0 {
		t.Fatalf("unbalanced braces: depth %d at the end", depth)
	}
	// User text reaches labels with every quote escaped, so an attribute
	// smuggled in text can never appear with a raw quote.
	for _, bad := range []string{`URL="`, `href="`, `image="`, `stylesheet="`, `tooltip="`, `label=<`} {
		if strings.Contains(dot, bad) {
			t.Errorf("DOT contains %q", bad)
		}
	}
}
