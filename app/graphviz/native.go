//go:build !js

// Package graphviz lays out DOT text natively with go-graphviz's Go API (the
// same Graphviz 12 WebAssembly module the browser's render worker runs), for
// the CLI, the server and build-time prerendering. It is never compiled into
// the UI's WebAssembly.
package graphviz

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"sync"

	gv "github.com/goccy/go-graphviz"
)

// Renderer lays out DOT text as SVG. It is safe for concurrent use: renders
// are serialised, because one Graphviz instance holds global state.
type Renderer struct {
	mu sync.Mutex
	gv *gv.Graphviz
}

// NewRenderer starts a Graphviz instance.
func NewRenderer(ctx context.Context) (*Renderer, error) {
	g, err := gv.New(ctx)
	if err != nil {
		return nil, fmt.Errorf("starting Graphviz: %w", err)
	}
	return &Renderer{gv: g}, nil
}

// SVG lays out dot with the dot engine and returns the SVG text. After an
// error the instance is replaced, since a failed render can break it.
func (r *Renderer) SVG(ctx context.Context, dot string) (string, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.gv == nil {
		return "", errors.New("graphviz renderer is closed")
	}
	svg, err := r.render(ctx, dot)
	if err != nil {
		r.gv.Close()
		g, nerr := gv.New(ctx)
		if nerr != nil {
			r.gv = nil
			return "", errors.Join(err, nerr)
		}
		r.gv = g
		return "", err
	}
	return svg, nil
}

func (r *Renderer) render(ctx context.Context, dot string) (string, error) {
	graph, err := gv.ParseBytes([]byte(dot))
	if err != nil {
		return "", fmt.Errorf("reading DOT: %w", err)
	}
	defer graph.Close()
	var buf bytes.Buffer
	if err := r.gv.Render(ctx, graph, gv.SVG, &buf); err != nil {
		return "", fmt.Errorf("laying out DOT: %w", err)
	}
	return buf.String(), nil
}

// Close releases the Graphviz instance.
func (r *Renderer) Close() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.gv == nil {
		return nil
	}
	err := r.gv.Close()
	r.gv = nil
	return err
}
