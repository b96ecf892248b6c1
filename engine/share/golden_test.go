package share

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// update appends golden links for examples that have none yet. It never
// rewrites a line: each is a link someone may have shared, which must keep
// opening.
var update = flag.Bool("update", false, "append golden v1 links for examples that have none")

// goldenFile holds exact v1 link strings, one a line: NAME TRACE LINK.
var goldenFile = filepath.Join("testdata", "golden-v1-links.txt")

// goldenLink is one line of the golden file.
type goldenLink struct {
	name  string
	trace int
	link  string
}

// readGolden reads the golden links.
func readGolden(t *testing.T) []goldenLink {
	t.Helper()
	f, err := os.Open(goldenFile)
	if err != nil {
		if *update && os.IsNotExist(err) {
			return nil
		}
		t.Fatal(err)
	}
	defer f.Close()
	var out []goldenLink
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, MaxLinkBytes+1024)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Fields(line)
		if len(fields) != 3 {
			t.Fatalf("bad golden line %q", line)
		}
		n, err := strconv.Atoi(fields[1])
		if err != nil {
			t.Fatalf("bad trace in %q", line)
		}
		out = append(out, goldenLink{name: fields[0], trace: n, link: fields[2]})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// Golden v1 links, generated once from the examples, must keep opening into
// the examples they were made from, whatever later versions add.
func TestGoldenV1Links(t *testing.T) {
	golden := readGolden(t)
	byName := map[string]example{}
	for _, ex := range examples(t) {
		byName[ex.name] = ex
	}
	have := map[string]bool{}
	for _, g := range golden {
		have[g.name] = true
		ex, ok := byName[g.name]
		if !ok {
			t.Errorf("golden link for %s, which is not in testdata/examples", g.name)
			continue
		}
		if !strings.Contains(g.link, "#s=v1.") {
			t.Errorf("%s: golden link is not a v1 link", g.name)
		}
		sh, err := DecodeLink(g.link)
		if err != nil {
			t.Errorf("%s: golden v1 link no longer opens: %v", g.name, err)
			continue
		}
		if sh.Trace != g.trace {
			t.Errorf("%s: trace %d, want %d", g.name, sh.Trace, g.trace)
		}
		assertSameScenario(t, sh.Scenario, ex.scenario)
	}
	var missing []string
	for _, ex := range examples(t) {
		if !have[ex.name] {
			missing = append(missing, ex.name)
		}
	}
	if len(missing) == 0 {
		return
	}
	if !*update {
		t.Fatalf("no golden link for %v; run the test with -update to append them", missing)
	}
	appendGolden(t, missing, byName, len(golden) == 0)
}

// appendGolden writes links for the named examples at the end of the golden
// file: the first with its last saved trace selected, the others with none.
func appendGolden(t *testing.T, names []string, byName map[string]example, header bool) {
	t.Helper()
	f, err := os.OpenFile(goldenFile, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if header {
		fmt.Fprintln(f, "# Share links of version v1, made from testdata/examples: NAME TRACE LINK.")
		fmt.Fprintln(f, "# Each line is a link someone may have shared: it must keep opening.")
		fmt.Fprintln(f, "# Never edit or regenerate a line; -update only appends links for new examples.")
	}
	for i, name := range names {
		trace := -1
		if i == 0 && len(byName[name].scenario.Traces) > 0 {
			trace = len(byName[name].scenario.Traces) - 1
		}
		link, err := EncodeLink(testBase, byName[name].scenario, trace)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(f, "%s %d %s\n", name, trace, link)
	}
}
