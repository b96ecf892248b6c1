package main

import "io"

func runApply(args []string, stdout, stderr io.Writer) int {
	return notImplemented("apply", stderr)
}
