package svgsafe

import (
	"encoding/xml"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func readFixture(t testing.TB, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// skeleton lists the elements and non-blank texts of an SVG in document
// order, skipping the subtrees of elements in skip.
func skeleton(t *testing.T, svg string, skip ...string) []string {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(svg))
	var out []string
	skipping := 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatalf("skeleton: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if skipping > 0 || contains(skip, tok.Name.Local) {
				skipping++
				continue
			}
			out = append(out, "<"+tok.Name.Local)
		case xml.EndElement:
			if skipping > 0 {
				skipping--
			}
		case xml.CharData:
			if s := strings.TrimSpace(string(tok)); s != "" && skipping == 0 {
				out = append(out, s)
			}
		}
	}
}

func TestSanitizeGraphviz(t *testing.T) {
	in := readFixture(t, "graphviz-topology.svg")
	out, err := Sanitize(in)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out, "<svg ") || !strings.HasSuffix(out, "</svg>") {
		t.Errorf("output does not start at <svg> and end at </svg>: %.80q … %q", out, out[max(0, len(out)-20):])
	}
	for _, gone := range []string{"<?xml", "<!DOCTYPE", "<!--"} {
		if strings.Contains(out, gone) {
			t.Errorf("output keeps %s", gone)
		}
	}
	// Every element, attribute and text of Graphviz output is kept.
	want, got := skeleton(t, in), skeleton(t, out)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("structure changed:\ngot  %q\nwant %q", got, want)
	}
	for _, attr := range []string{
		`viewBox="0.00 0.00 606.43 542.80"`, `xmlns="http://www.w3.org/2000/svg"`,
		`xmlns:xlink="http://www.w3.org/1999/xlink"`, `id="r-vpc-0a1b2c3d" class="cluster cl cl-vpc"`,
		`font-family="Helvetica,Arial,sans-serif"`, `stroke-dasharray="5,2"`, `transform="scale(1 1) rotate(0) translate(14.4 528.4)"`,
	} {
		if !strings.Contains(out, attr) {
			t.Errorf("output lacks %s", attr)
		}
	}
	if strings.Count(in, "<text") != strings.Count(out, "<text") || strings.Count(in, "<path") != strings.Count(out, "<path") {
		t.Error("elements lost")
	}
	goldenFile(t, "graphviz-topology.sanitized.svg", out)
	again, err := Sanitize(out)
	if err != nil || again != out {
		t.Errorf("sanitizing twice changes the output (err %v)", err)
	}
}

func TestSanitizeLinksAndGradients(t *testing.T) {
	in := readFixture(t, "graphviz-links.svg")
	out, err := Sanitize(in)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`<a xlink:href="#r-subnet-a">`,
		`<ellipse fill="#fff7ed" stroke="#c2410c" cx="192" cy="-38" rx="36" ry="18"/>`,
		`<stop offset="0" stop-color="#eeeeff" stop-opacity="1."/>`,
		`<path fill="url(#l_0)"`,
		`<linearGradient id="l_0" gradientUnits="userSpaceOnUse" x1="8" y1="-70" x2="120" y2="-70">`,
		`<text text-anchor="middle" x="130" y="-41.2" font-family="Helvetica,Arial,sans-serif" font-size="9.00">pl-63a5400a (S3) &amp; &lt;more&gt;</text>`,
		`<text text-anchor="middle" x="64" y="-34.8" font-family="Helvetica,Arial,sans-serif" font-size="10.00">i-private</text>`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %s\n%s", want, out)
		}
	}
	for _, gone := range []string{"https:", "xlink:title", "target=", "style="} {
		if strings.Contains(out, gone) {
			t.Errorf("output keeps %s", gone)
		}
	}
	if n := strings.Count(out, "<a "); n != 1 {
		t.Errorf("%d anchors, want 1", n)
	}
	goldenFile(t, "graphviz-links.sanitized.svg", out)
}

// goldenFile compares got with testdata/name, or rewrites it with -update.
func goldenFile(t *testing.T, name, got string) {
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
		t.Errorf("%s differs from the golden file (run go test -update and review the diff)", name)
	}
}

const head = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">`

func TestSanitizeAttacks(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     string // the whole output; "" when an error is expected
	}{
		{"onload on root", `<svg onload="alert(1)" ONLOAD="x" width="10"><g/></svg>`, `<svg width="10"><g/></svg>`},
		{"script", head + `<script>alert(1)</script><script xlink:href="http://evil/x.js"/><g/></svg>`, head + `<g/></svg>`},
		{"script with CDATA", head + `<script><![CDATA[alert(1)]]></script></svg>`, head[:len(head)-1] + `/>`},
		{"prefixed script", `<svg xmlns:h="http://www.w3.org/1999/xhtml"><h:script>alert(1)</h:script></svg>`, `<svg/>`},
		{"javascript anchor", head + `<a href="javascript:alert(1)"><text>t</text></a></svg>`, head + `<text>t</text></svg>`},
		{"xlink javascript anchor", head + `<a xlink:href=" JaVa&#x09;ScRiPt:alert(1)"><text>t</text></a></svg>`, head + `<text>t</text></svg>`},
		{"data anchor", head + `<a xlink:href="data:text/html;base64,PHNjcmlwdD4="><rect/></a></svg>`, head + `<rect/></svg>`},
		{"fragment anchor", head + `<a href="#n1" target="_top" onclick="x"><rect/></a></svg>`, head + `<a href="#n1"><rect/></a></svg>`},
		{"anchor without link", head + `<a><rect/></a></svg>`, head + `<rect/></svg>`},
		{"image", head + `<image href="http://evil/x.png" onerror="alert(1)"/><image xlink:href="x"><title>x</title></image></svg>`, head[:len(head)-1] + `/>`},
		{"foreignObject", head + `<foreignObject><iframe xmlns="http://www.w3.org/1999/xhtml" src="javascript:alert(1)"></iframe><body onload="x"/></foreignObject></svg>`, head[:len(head)-1] + `/>`},
		{"escaped markup stays text", head + `<text>&lt;img src=x onerror=alert(1)&gt;</text></svg>`, head + `<text>&lt;img src=x onerror=alert(1)&gt;</text></svg>`},
		{"set", head + `<rect><set attributeName="onload" to="alert(1)"/></rect></svg>`, head + `<rect/></svg>`},
		{"animate", head + `<a href="#x"><animate attributeName="href" values="javascript:alert(1)"/></a></svg>`, head + `<a href="#x"/></svg>`},
		{"use external", head + `<use href="http://evil/x.svg#a"/><use xlink:href="#a"/></svg>`, head[:len(head)-1] + `/>`},
		{"nested svg", head + `<g><svg onload="alert(1)"><text>x</text></svg></g></svg>`, head + `<g/></svg>`},
		{"style element and attribute", head + `<style>@import url(http://evil/)</style><rect style="fill:url(http://evil/)" fill="red"/></svg>`, head + `<rect fill="red"/></svg>`},
		{"url values", head + `<rect fill="url(http://evil/#a)"/><rect fill="url(#a)"/><rect fill=" URL( '#a' )"/><rect stroke="url(&quot;x&quot;)"/></svg>`, head + `<rect/><rect fill="url(#a)"/><rect fill=" URL( &#39;#a&#39; )"/><rect/></svg>`},
		{"css escapes", head + `<rect fill="\75 rl(http://evil/)"/></svg>`, head + `<rect/></svg>`},
		{"expression", head + `<rect fill="expression(alert(1))" width="ExPrEsSiOn (1)"/></svg>`, head + `<rect/></svg>`},
		{"javascript in a plain attribute", head + `<g class="x" id="javascript:a"/></svg>`, head + `<g class="x"/></svg>`},
		{"bad id and class", head + `<g id="a b" class="x&quot;y"/><g id="ok-1" class="a b"/></svg>`, head + `<g/><g id="ok-1" class="a b"/></svg>`},
		{"other namespace", `<svg xmlns="http://www.w3.org/1999/xhtml" xmlns:xlink="http://evil/"><g/></svg>`, `<svg><g/></svg>`},
		{"comments and PIs in body", head + `<!-- <script>x</script> --><?php x ?><g/></svg>`, head + `<g/></svg>`},
		{"doctype with unused entity", `<!DOCTYPE svg [<!ENTITY x "<svg onload=alert(1)>">]>` + head + `<g/></svg>`, head + `<g/></svg>`},
		{"doctype with used entity", `<!DOCTYPE svg [<!ENTITY x "<script>alert(1)</script>">]>` + head + `<text>&x;</text></svg>`, ""},
		{"external entity", `<!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><svg>&xxe;</svg>`, ""},
		{"CDATA becomes text", head + `<text><![CDATA[<img src=x onerror=alert(1)>]]></text></svg>`, head + `<text>&lt;img src=x onerror=alert(1)&gt;</text></svg>`},
		{"element in title", head + `<title>a<tspan>b</tspan><a href="#x">c</a></title></svg>`, head + `<title>a</title></svg>`},
		{"javascript text", head + `<text>JavaScript:alert(1)</text></svg>`, head + `<text>JavaScript&#58;alert(1)</text></svg>`},
		{"quotes in text and values", head + `<text x="1&quot;2">'"</text></svg>`, head + `<text x="1&quot;2">&#39;&quot;</text></svg>`},
		{"newline in value", head + `<path d="M0,0&#10;L1,1"/></svg>`, head + `<path d="M0,0&#10;L1,1"/></svg>`},
		{"duplicate attribute", `<svg width="1" width="2"/>`, `<svg width="1"/>`},
		{"garbage before svg", "Warning: x < y & z\n" + head + `<g/></svg>`, head + `<g/></svg>`},
		{"text after root", head + `</svg>  trailing`, head[:len(head)-1] + `/>`},
		{"element after root", head + `</svg><script>alert(1)</script>`, ""},
		{"unclosed", head + `<g><text>x</text>`, ""},
		{"mismatched", head + `<g></text></svg>`, ""},
		{"no svg", `<html><body/></html>`, ""},
		{"empty", ``, ""},
		{"uppercase root", `<SVG></SVG>`, ""},
		{"unknown encoding", `<?xml version="1.0" encoding="EBCDIC"?><svg/>`, `<svg/>`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Sanitize(tc.in)
			if tc.want == "" {
				if err == nil {
					t.Fatalf("want an error, got %q", got)
				}
				return
			}
			if err != nil {
				t.Fatalf("error: %v", err)
			}
			if got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
			checkSafe(t, got)
		})
	}
}

func TestSanitizeLimits(t *testing.T) {
	big := head + "<text>" + strings.Repeat("x", MaxSize) + "</text></svg>"
	if _, err := Sanitize(big); !errors.Is(err, ErrTooLarge) {
		t.Errorf("huge input: err = %v, want ErrTooLarge", err)
	}
	deep := "<svg>" + strings.Repeat("<g>", maxDepth+1) + strings.Repeat("</g>", maxDepth+1) + "</svg>"
	if _, err := Sanitize(deep); err == nil {
		t.Error("deep nesting: want an error")
	}
	ok := "<svg>" + strings.Repeat("<g>", maxDepth-1) + strings.Repeat("</g>", maxDepth-1) + "</svg>"
	if _, err := Sanitize(ok); err != nil {
		t.Errorf("nesting %d: %v", maxDepth, err)
	}
}

// checkSafe asserts the properties the page relies on: the output is
// well-formed, holds only allowed elements and no event handler, script,
// foreignObject or javascript: link, and sanitizing it again changes
// nothing.
func checkSafe(t testing.TB, out string) {
	t.Helper()
	lower := strings.ToLower(out)
	for _, bad := range []string{"<script", "<foreignobject", "javascript:", "<!", "<?", "<style", "<image", "<iframe"} {
		if strings.Contains(lower, bad) {
			t.Fatalf("output contains %q: %q", bad, out)
		}
	}
	d := xml.NewDecoder(strings.NewReader(out))
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("output is not well-formed: %v: %q", err, out)
		}
		if se, ok := tok.(xml.StartElement); ok {
			if se.Name.Space != "" || !allowedElement(se.Name.Local) {
				t.Fatalf("element %q in output", se.Name.Local)
			}
			for _, a := range se.Attr {
				if strings.HasPrefix(strings.ToLower(a.Name.Local), "on") || a.Name.Local == "style" {
					t.Fatalf("attribute %q in output: %q", a.Name.Local, out)
				}
				if a.Name.Local == "href" && !strings.HasPrefix(a.Value, "#") {
					t.Fatalf("link %q in output", a.Value)
				}
			}
		}
	}
	again, err := Sanitize(out)
	if err != nil || again != out {
		t.Fatalf("not idempotent (err %v):\n%q\n%q", err, out, again)
	}
}

func FuzzSanitize(f *testing.F) {
	f.Add(readFixture(f, "graphviz-links.svg"))
	f.Add(head + `<a href="javascript:alert(1)"><text onclick="x">&lt;script&gt;</text></a></svg>`)
	f.Add(`<!DOCTYPE svg [<!ENTITY x "y">]><svg onload="x"><foreignObject><iframe/></foreignObject></svg>`)
	f.Add(`<svg><title>x<g/></title><rect fill="url(#a)" stroke="url(x)"/><![CDATA[javascript:]]></svg>`)
	f.Add(`<svg xmlns:x="http://www.w3.org/1999/xlink"><a x:href="javascript:1"/><svg/></svg>`)
	f.Fuzz(func(t *testing.T, in string) {
		out, err := Sanitize(in)
		if err != nil {
			if out != "" {
				t.Fatalf("output with an error: %q", out)
			}
			return
		}
		checkSafe(t, out)
	})
}
