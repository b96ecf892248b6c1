package app

import (
	"bytes"
	"encoding/json"
)

// indentJSON indents a JSON document for people to read.
func indentJSON(doc []byte) []byte {
	var b bytes.Buffer
	if err := json.Indent(&b, doc, "", "  "); err != nil {
		return doc
	}
	b.WriteByte('\n')
	return b.Bytes()
}
