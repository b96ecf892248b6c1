package server

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"privatelink-playground/engine/diagram"
)

// siteDir makes a directory with the web/ files the server needs; the
// WebAssembly files are stand-ins, since these tests never run them.
func siteDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	web := filepath.Join(dir, "web")
	os.MkdirAll(web, 0o755)
	for name, body := range map[string]string{
		"app.wasm": "\x00asm stand-in", "graphviz.wasm": "\x00asm stand-in", "terraform.wasm": "\x00asm stand-in",
		"app.css": "body{}", "worker-client.js": "", "layout-client.js": "", "playground.js": "", "render-worker.js": "",
		"terraform-worker.js": "", "icon.svg": "<svg/>",
	} {
		if err := os.WriteFile(filepath.Join(web, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func get(t *testing.T, h http.Handler, path string) (*http.Response, string) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
	res := rec.Result()
	b, _ := io.ReadAll(res.Body)
	return res, string(b)
}

func TestNewRefusesAMissingBuild(t *testing.T) {
	_, err := New(context.Background(), Config{Dir: t.TempDir()})
	if err == nil || !strings.Contains(err.Error(), "make build") {
		t.Fatalf("err = %v, want the command that builds the WebAssembly", err)
	}
}

func TestPageIsPrerenderedWithTheDiagramAndSafeHeaders(t *testing.T) {
	srv, err := New(context.Background(), Config{Dir: siteDir(t)})
	if err != nil {
		t.Fatal(err)
	}
	res, body := get(t, srv, "/")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET / = %s", res.Status)
	}
	for _, want := range []string{"<svg", diagram.ElementID("vpc-0a1b2c3d"), "data-dot-hash", "/web/layout-client.js"} {
		if !strings.Contains(body, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	if strings.Contains(body, "<script>") {
		t.Errorf("the page has an inline script, which the Content-Security-Policy forbids")
	}
	csp := res.Header.Get("Content-Security-Policy")
	if !strings.Contains(csp, "script-src 'self' 'wasm-unsafe-eval'") || strings.Contains(csp, "unsafe-inline") {
		t.Errorf("Content-Security-Policy = %q", csp)
	}
}

func TestPrerenderedLayoutsAreServedByHash(t *testing.T) {
	srv, err := New(context.Background(), Config{Dir: siteDir(t)})
	if err != nil {
		t.Fatal(err)
	}
	res, index := get(t, srv, LayoutsPath+"index.json")
	if res.StatusCode != http.StatusOK || !strings.HasPrefix(index, `["`) {
		t.Fatalf("index: %s %q", res.Status, index)
	}
	hash := strings.Split(strings.Trim(index, `[]"`), `","`)[0]
	res, svg := get(t, srv, LayoutsPath+hash+".svg")
	if res.StatusCode != http.StatusOK || !strings.HasPrefix(svg, "<svg") {
		t.Fatalf("layout %s: %s %.40q", hash, res.Status, svg)
	}
	if cc := res.Header.Get("Cache-Control"); !strings.Contains(cc, "immutable") {
		t.Errorf("Cache-Control = %q for a content-hashed layout", cc)
	}
	if res, _ := get(t, srv, LayoutsPath+"0123.svg"); res.StatusCode != http.StatusNotFound {
		t.Errorf("an unknown layout gave %s", res.Status)
	}
}

func TestWriteStaticWritesTheSite(t *testing.T) {
	dir := siteDir(t)
	srv, err := New(context.Background(), Config{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "site")
	if err := srv.WriteStatic(dir, out); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"index.html", "app.js", "wasm_exec.js", "app-worker.js", "manifest.webmanifest",
		"web/app.wasm", "web/graphviz.wasm", "web/render-worker.js", "web/terraform.wasm", "web/terraform-worker.js",
		"web/layouts/index.json"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("the static site lacks %s", f)
		}
	}
	index, _ := os.ReadFile(filepath.Join(out, "index.html"))
	if !strings.Contains(string(index), diagram.ElementID("vpc-0a1b2c3d")) {
		t.Errorf("the static index.html has no prerendered diagram")
	}
}

func TestGzipTwinsAreServedToClientsThatAcceptThem(t *testing.T) {
	dir := siteDir(t)
	os.WriteFile(filepath.Join(dir, "web", "app.css.gz"), []byte("gzipped stand-in"), 0o644)
	srv, err := New(context.Background(), Config{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	req := httptest.NewRequest(http.MethodGet, "/web/app.css", nil)
	req.Header.Set("Accept-Encoding", "gzip, br")
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, req)
	if rec.Header().Get("Content-Encoding") != "gzip" || rec.Body.String() != "gzipped stand-in" || !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/css") {
		t.Errorf("gzip twin: encoding %q type %q body %q", rec.Header().Get("Content-Encoding"), rec.Header().Get("Content-Type"), rec.Body.String())
	}
	res, body := get(t, srv, "/web/app.css")
	if res.Header.Get("Content-Encoding") != "" || body != "body{}" {
		t.Errorf("a client without gzip got encoding %q body %q", res.Header.Get("Content-Encoding"), body)
	}
}
