package main

import "io"

func runImport(args []string, stdout, stderr io.Writer) int {
	return notImplemented("import", stderr)
}
