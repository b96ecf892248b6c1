package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"privatelink-playground/app/server"
)

// runStatic writes the static site that netlify.toml publishes.
func runStatic(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("static", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "", "directory to write the site into")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *out == "" {
		fmt.Fprintln(stderr, "static: --out DIR is required")
		return 2
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
