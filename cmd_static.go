package main

import (
	"context"
	"fmt"
	"io"

	"privatelink-playground/app/server"
)

// runStatic writes the static site that netlify.toml publishes.
func runStatic(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("static", "static --out DIR")
	out := fs.String("out", "", "directory to write the site into")
	if code, ok := parseFlags(fs, args, stdout, stderr); !ok {
		return code
	}
	if *out == "" {
		return failf(stderr, "static", "--out DIR is required")
	}
	srv, err := server.New(context.Background(), server.Config{Dir: "."})
	if err != nil {
		fmt.Fprintln(stderr, "static:", err)
		return 1
	}
	if err := srv.WriteStatic(".", *out); err != nil {
		fmt.Fprintln(stderr, "static:", err)
		return 1
	}
	fmt.Fprintf(stdout, "static site written to %s\n", *out)
	return 0
}
