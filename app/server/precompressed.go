//go:build !js

package server

import (
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// precompressed serves a file of web/ as its gzip twin (FILE.gz, written by
// `make build`) to clients that accept gzip, so the UI's WebAssembly crosses
// the wire compressed without compressing it on every request.
func precompressed(dir string, next http.Handler) http.Handler {
	web := filepath.Join(dir, "web")
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name, ok := strings.CutPrefix(r.URL.Path, "/web/")
		if r.URL.Path == "/app.wasm" {
			name, ok = "app.wasm", true
		}
		if !ok || name == "" || strings.Contains(name, "..") || !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			next.ServeHTTP(w, r)
			return
		}
		gz := filepath.Join(web, filepath.FromSlash(name)+".gz")
		f, err := os.Open(gz)
		if err != nil {
			next.ServeHTTP(w, r)
			return
		}
		defer f.Close()
		info, err := f.Stat()
		if err != nil || info.IsDir() {
			next.ServeHTTP(w, r)
			return
		}
		h := w.Header()
		if ct := mime.TypeByExtension(path.Ext(name)); ct != "" {
			h.Set("Content-Type", ct)
		}
		h.Set("Content-Encoding", "gzip")
		h.Add("Vary", "Accept-Encoding")
		h.Set("Cache-Control", "no-cache")
		http.ServeContent(w, r, "", info.ModTime(), f)
	})
}
