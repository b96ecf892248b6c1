package main

import "io"

func runShare(args []string, stdout, stderr io.Writer) int {
	return notImplemented("share", stderr)
}
