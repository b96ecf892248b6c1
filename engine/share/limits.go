package share

import (
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"io"
)

// Limits on share links. Anyone may craft a link, and DEFLATE can inflate
// about 1000:1, so both the link and what it inflates to are bounded before
// anything is allocated for them.
const (
	// MaxLinkBytes is the longest fragment accepted ("s=v1.…&t=N"): 64 KiB.
	MaxLinkBytes = 64 << 10
	// MaxInflatedBytes is the largest scenario document a link may inflate
	// to: 1 MiB, the scenario format's own document limit
	// (engine.MaxDocumentBytes).
	MaxInflatedBytes = 1 << 20
)

// inflate decompresses raw DEFLATE data (RFC 1951) of at most
// MaxInflatedBytes. It reads through a LimitReader of one byte more than the
// limit, so a deflate bomb costs at most MaxInflatedBytes+1 bytes of output
// before it is refused. Data after the end of the DEFLATE stream is refused
// too: a link carries one document and nothing else.
func inflate(data []byte) ([]byte, error) {
	src := bytes.NewReader(data)
	r := flate.NewReader(src)
	defer r.Close()
	out, err := io.ReadAll(io.LimitReader(r, MaxInflatedBytes+1))
	if len(out) > MaxInflatedBytes {
		return nil, fail(ErrTooLarge, fmt.Sprintf("the scenario inflates to more than %d bytes, the limit (MaxInflatedBytes)", MaxInflatedBytes))
	}
	if err != nil {
		var corrupt flate.CorruptInputError
		switch {
		case errors.Is(err, io.ErrUnexpectedEOF):
			return nil, failWith(ErrCorrupt, err, "the compressed scenario is cut short (was the link copied whole?)")
		case errors.As(err, &corrupt):
			return nil, failWith(ErrCorrupt, err, "the compressed scenario is corrupt")
		default:
			return nil, failWith(ErrCorrupt, err, "the compressed scenario cannot be read")
		}
	}
	if src.Len() > 0 {
		return nil, fail(ErrCorrupt, fmt.Sprintf("%d bytes follow the end of the compressed scenario", src.Len()))
	}
	return out, nil
}

// deflate compresses a document with raw DEFLATE at the best compression.
func deflate(doc []byte) ([]byte, error) {
	var buf bytes.Buffer
	w, err := flate.NewWriter(&buf, flate.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(doc); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
