package server

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The Terraform export's WebAssembly is part of the build: without it the
// server says how to build it.
func TestNewRefusesAMissingTerraformWasm(t *testing.T) {
	dir := siteDir(t)
	os.Remove(filepath.Join(dir, "web", "terraform.wasm"))
	_, err := New(context.Background(), Config{Dir: dir})
	if err == nil || !strings.Contains(err.Error(), "terraform.wasm") || !strings.Contains(err.Error(), "make build") {
		t.Fatalf("err = %v, want terraform.wasm and the command that builds it", err)
	}
}

// web/terraform.wasm is served as application/wasm, as is and as its gzip
// twin, so the worker can compile it while it streams in.
func TestTerraformWasmIsServedAsWasm(t *testing.T) {
	dir := siteDir(t)
	srv, err := New(context.Background(), Config{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	res, body := get(t, srv, "/web/terraform.wasm")
	if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "application/wasm" || body != "\x00asm stand-in" {
		t.Errorf("terraform.wasm: %s, type %q, body %q", res.Status, res.Header.Get("Content-Type"), body)
	}
	os.WriteFile(filepath.Join(dir, "web", "terraform.wasm.gz"), []byte("gzipped stand-in"), 0o644)
	req := httptest.NewRequest(http.MethodGet, "/web/terraform.wasm", nil)
	req.Header.Set("Accept-Encoding", "gzip")
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, req)
	if rec.Header().Get("Content-Encoding") != "gzip" || rec.Header().Get("Content-Type") != "application/wasm" {
		t.Errorf("gzip twin of terraform.wasm: encoding %q, type %q", rec.Header().Get("Content-Encoding"), rec.Header().Get("Content-Type"))
	}
}

// go-app's service worker precaches the page's own resources only: the
// Terraform worker and its WebAssembly load on the first export.
func TestServiceWorkerDoesNotPrecacheTheTerraformExport(t *testing.T) {
	srv, err := New(context.Background(), Config{Dir: siteDir(t)})
	if err != nil {
		t.Fatal(err)
	}
	res, body := get(t, srv, "/app-worker.js")
	if res.StatusCode != http.StatusOK || !strings.Contains(body, "/web/app.wasm") {
		t.Fatalf("app-worker.js: %s %.80q", res.Status, body)
	}
	if strings.Contains(body, "terraform") {
		t.Errorf("the service worker precaches the Terraform export:\n%s", body)
	}
	_, page := get(t, srv, "/")
	for _, file := range []string{"terraform-worker.js", "terraform.wasm"} {
		if strings.Contains(page, file) {
			t.Errorf("the page names %s before the Terraform export is used", file)
		}
	}
}
