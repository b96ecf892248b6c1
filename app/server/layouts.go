//go:build !js

package server

import (
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// LayoutsPath is where the prerendered diagrams are served, one file per
// DOT hash: the name is the hash of the content, so they never change.
const LayoutsPath = "/web/layouts/"

// layoutIndex lists the prerendered diagrams' hashes, sorted, as JSON, so
// the page asks only for layouts that exist.
func (s *Server) layoutIndex() []byte {
	hashes := make([]string, 0, len(s.layouts))
	for h := range s.layouts {
		hashes = append(hashes, h)
	}
	sort.Strings(hashes)
	b, _ := json.Marshal(hashes)
	return b
}

func (s *Server) serveLayout(w http.ResponseWriter, r *http.Request) {
	if r.PathValue("file") == "index.json" {
		w.Header().Set("Content-Type", "application/json")
		w.Write(s.layoutIndex())
		return
	}
	hash, ok := strings.CutSuffix(r.PathValue("file"), ".svg")
	svg, found := s.layouts[hash]
	if !ok || !found {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "image/svg+xml")
	w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	w.Write([]byte(svg))
}

// writeLayouts writes the prerendered diagrams into a static site.
func (s *Server) writeLayouts(out string) error {
	dir := filepath.Join(out, filepath.FromSlash(strings.Trim(LayoutsPath, "/")))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "index.json"), s.layoutIndex(), 0o644); err != nil {
		return err
	}
	for hash, svg := range s.layouts {
		if err := os.WriteFile(filepath.Join(dir, hash+".svg"), []byte(svg), 0o644); err != nil {
			return err
		}
	}
	return nil
}
