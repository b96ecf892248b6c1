package engine

// Limits on untrusted scenario documents. Anyone may craft a scenario (a file
// or a share link), so decoding bounds every dimension before it allocates.
const (
	// MaxDocumentBytes is the largest scenario document accepted: 1 MiB.
	MaxDocumentBytes = 1 << 20
	// MaxNameLength is the longest ID, name, ARN or other identifier string.
	MaxNameLength = 256
	// MaxTextLength bounds free text (title, description, record values).
	MaxTextLength = 64 << 10
	// MaxPolicyLength is the largest policy document in characters: AWS's
	// endpoint policy limit (POL-06), applied to every policy.
	MaxPolicyLength = 20480
	// MaxArrayItems bounds the length of every array of the document.
	MaxArrayItems = 10000
	// MaxDepth bounds the nesting of JSON arrays and objects, policies and
	// layout included.
	MaxDepth = 64
)
