//go:build !js

package server

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// WriteStatic writes the static site into out: go-app's prerendered pages
// and service worker, then every file of web/ (the WebAssembly included).
func (s *Server) WriteStatic(dir, out string) error {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	if err := app.GenerateStaticWebsite(out, s.goapp); err != nil {
		return fmt.Errorf("generating the static pages: %w", err)
	}
	if err := s.writeLayouts(out); err != nil {
		return fmt.Errorf("writing the prerendered diagrams: %w", err)
	}
	src := filepath.Join(dir, "web")
	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		target := filepath.Join(out, "web", rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if strings.HasSuffix(path, ".gz") {
			return nil // the static host compresses by itself
		}
		return copyFile(path, target)
	})
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	outFile, err := os.Create(to)
	if err != nil {
		return err
	}
	if _, err := io.Copy(outFile, in); err != nil {
		outFile.Close()
		return err
	}
	return outFile.Close()
}
