//go:build js && wasm

package main

import (
	"fmt"

	"privatelink-playground/engine/scenariodoc"
	"privatelink-playground/engine/terraform"
)

// export is `export --terraform` of the command line for a document: loaded
// and validated as the CLI loads it (an invalid scenario is refused with its
// first problem), then written as Terraform. terraform.Export recovers from
// its own panics; this recover covers the decoder and the validator too,
// since a panic in a js.Func would end the Go program and with it every
// later export of the page.
func export(doc []byte) (tf []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			tf, err = nil, fmt.Errorf("the Terraform export failed: %v", r)
		}
	}()
	s, err := scenariodoc.Load(doc)
	if err != nil {
		return nil, err
	}
	return terraform.Export(s)
}
