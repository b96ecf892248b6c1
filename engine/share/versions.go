package share

import (
	"encoding/base64"
	"fmt"
	"regexp"
	"strings"
)

// CurrentVersion is the link version Encode writes.
const CurrentVersion = "v1"

// A link's scenario parameter is VERSION "." PAYLOAD. Every version ever
// written keeps its decoder here, so old links keep opening: a decoder turns
// its payload into a document of its own version, and migrate carries that
// document forward to the current one. A new version adds a decoder and a
// migration from the previous version; it never edits an old decoder.

// versionDecoder decodes the payload of one link version.
type versionDecoder struct {
	version string
	decode  func(payload string) ([]byte, error)
}

// decoders lists the decoders of every link version, oldest first.
var decoders = []versionDecoder{
	{version: "v1", decode: decodeV1},
}

// migration carries a document of one link version to the next.
type migration struct {
	from, to string
	step     func(doc []byte) ([]byte, error)
}

// migrations lists the steps between consecutive versions, oldest first.
// v1 is current, so there are none yet; a v2 would add
// {from: "v1", to: "v2", step: migrateV1toV2}.
var migrations = []migration{}

// versionPattern is the form of a version prefix: "v" and a number.
var versionPattern = regexp.MustCompile(`^v[0-9]{1,6}$`)

// decoderFor returns the decoder of a version.
func decoderFor(version string) (versionDecoder, bool) {
	for _, d := range decoders {
		if d.version == version {
			return d, true
		}
	}
	return versionDecoder{}, false
}

// knownVersions lists the versions this playground opens, for messages.
func knownVersions() string {
	names := make([]string, len(decoders))
	for i, d := range decoders {
		names[i] = d.version
	}
	return strings.Join(names, ", ")
}

// migrate carries a document of link version version forward, one step at a
// time, to CurrentVersion. A document already current is returned as is.
func migrate(version string, doc []byte) ([]byte, error) {
	for steps := 0; version != CurrentVersion; steps++ {
		if steps > len(migrations) {
			return nil, fail(ErrUnknownVersion, fmt.Sprintf("no migration from share-link version %s to %s", version, CurrentVersion))
		}
		var next *migration
		for i := range migrations {
			if migrations[i].from == version {
				next = &migrations[i]
				break
			}
		}
		if next == nil {
			return nil, fail(ErrUnknownVersion, fmt.Sprintf("no migration from share-link version %s to %s", version, CurrentVersion))
		}
		out, err := next.step(doc)
		if err != nil {
			return nil, &Error{Reason: fmt.Sprintf("cannot migrate the scenario from share-link version %s to %s", version, next.to), Err: err}
		}
		version, doc = next.to, out
	}
	return doc, nil
}

// v1: base64url without padding (RFC 4648 §5) of raw DEFLATE (RFC 1951) of
// the scenario's canonical JSON (see CanonicalJSON).

// decodeV1 decodes a v1 payload into the scenario document it carries.
func decodeV1(payload string) ([]byte, error) {
	if payload == "" {
		return nil, fail(ErrCorrupt, "the link's scenario data is empty")
	}
	raw, err := base64.RawURLEncoding.Strict().DecodeString(payload)
	if err != nil {
		return nil, failWith(ErrCorrupt, err, "the link's scenario data is not valid base64url (was the link copied whole?)")
	}
	return inflate(raw)
}

// encodeV1 writes a canonical scenario document as a v1 payload.
func encodeV1(doc []byte) (string, error) {
	compressed, err := deflate(doc)
	if err != nil {
		return "", err
	}
	return base64.RawURLEncoding.EncodeToString(compressed), nil
}
