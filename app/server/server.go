//go:build !js

// Package server is the playground's native web server: go-app's handler for
// the pages (prerendered with the lessons' diagrams laid out natively), the
// static assets under web/, and the security headers of the site.
package server

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"runtime/debug"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	ui "privatelink-playground/app"
	"privatelink-playground/app/graphviz"
	"privatelink-playground/engine"
	"privatelink-playground/engine/diagram"
	"privatelink-playground/engine/lessons"
)

// Config says where the site's files are.
type Config struct {
	// Dir is the directory holding web/ (the repository root).
	Dir string
}

// scripts are the page's scripts, in order: web/worker-client.js first, since
// the layout client and the page helpers start their workers with it.
var scripts = []string{"/web/worker-client.js", "/web/layout-client.js", "/web/playground.js"}

// Server serves the playground.
type Server struct {
	goapp   *app.Handler
	layouts map[string]string // DOT hash → sanitized SVG of the prerendered diagrams
	http.Handler
}

// New prerenders the lessons' diagrams and builds the handler. It fails
// when the UI's WebAssembly (web/app.wasm), the Terraform export's
// (web/terraform.wasm) or Graphviz's (web/graphviz.wasm) has not been
// built, saying which command builds them.
func New(ctx context.Context, cfg Config) (*Server, error) {
	web := filepath.Join(cfg.Dir, "web")
	for _, name := range []string{"app.wasm", "terraform.wasm", "graphviz.wasm"} {
		if _, err := os.Stat(filepath.Join(web, name)); err != nil {
			return nil, fmt.Errorf("%s is missing: build it with `make build` (%w)", filepath.Join("web", name), err)
		}
	}
	wasm, err := os.ReadFile(filepath.Join(web, "app.wasm"))
	if err != nil {
		return nil, err
	}
	layouts, err := Prerender(ctx)
	if err != nil {
		return nil, err
	}
	ui.RegisterRoutes()
	h := &app.Handler{
		Name:         "PrivateLink Playground",
		ShortName:    "PrivateLink",
		Title:        "PrivateLink Playground",
		Description:  "Draw VPCs, endpoints and DNS, then trace a request through AWS PrivateLink.",
		Lang:         "en",
		LoadingLabel: "Starting the playground {progress}%",
		Icon:         app.Icon{Default: "/web/icon.svg", SVG: "/web/icon.svg"},
		Styles:       []string{"/web/app.css"},
		Scripts:      scripts,
		Resources:    app.LocalDir(cfg.Dir),
		Version:      version(wasm),
		ThemeColor:   "#1f4e79",
	}
	srv := &Server{goapp: h, layouts: layouts}
	mux := http.NewServeMux()
	mux.HandleFunc("GET "+LayoutsPath+"{file}", srv.serveLayout)
	mux.Handle("/", precompressed(cfg.Dir, h))
	srv.Handler = withSecurityHeaders(mux)
	return srv, nil
}

// GoApp returns go-app's handler, for static generation.
func (s *Server) GoApp() *app.Handler { return s.goapp }

// Prerender lays out every built-in lesson's topology and saved-trace paths
// natively and seeds the layout cache, so the page carries its diagrams before
// the WebAssembly runs; it returns the sanitized SVG by DOT hash, which the
// site also serves under LayoutsPath so another lesson opens with its diagram
// at once.
func Prerender(ctx context.Context) (map[string]string, error) {
	r, err := graphviz.NewRenderer(ctx)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	out := map[string]string{}
	for _, l := range lessons.All() {
		s, err := engine.Decode(l.Scenario)
		if err != nil {
			return nil, fmt.Errorf("lesson %s: %w", l.ID, err)
		}
		dots := []string{diagram.Topology(s)}
		if w, err := engine.Compile(s); err == nil {
			for _, t := range w.TraceAll() {
				dots = append(dots, diagram.TracePath(s, t))
			}
		}
		for _, dot := range dots {
			svg, err := r.SVG(ctx, dot)
			if err != nil {
				return nil, fmt.Errorf("lesson %s: %w", l.ID, err)
			}
			hash := ui.DOTHash(dot)
			if err := ui.SeedLayout(hash, svg); err != nil {
				return nil, fmt.Errorf("lesson %s: sanitizing its diagram: %w", l.ID, err)
			}
			out[hash], _ = ui.CachedLayout(hash)
		}
	}
	return out, nil
}

// version names a build: the source revision and the UI WebAssembly's
// content, so a rebuilt app.wasm is always picked up by the service worker.
func version(wasm []byte) string {
	sum := sha256.Sum256(wasm)
	v := hex.EncodeToString(sum[:6])
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, s := range info.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				v = s.Value[:12] + "-" + v
			}
		}
	}
	return v
}
