package main

import "io"

func runTrace(args []string, stdout, stderr io.Writer) int {
	return notImplemented("trace", stderr)
}
