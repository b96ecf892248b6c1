package main

import (
	"context"

	"privatelink-playground/app/graphviz"
)

// renderSVG lays out DOT text natively with Graphviz.
func renderSVG(dot string) (string, error) {
	ctx := context.Background()
	r, err := graphviz.NewRenderer(ctx)
	if err != nil {
		return "", err
	}
	defer r.Close()
	return r.SVG(ctx, dot)
}
