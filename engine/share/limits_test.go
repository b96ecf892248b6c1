package share

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"errors"
	"io"
	"runtime"
	"strings"
	"testing"

	"privatelink-playground/engine"
)

// zeros is an endless reader of zero bytes.
type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

// bomb deflates n zero bytes without holding them in memory.
func bomb(t testing.TB, n int64) []byte {
	t.Helper()
	var buf bytes.Buffer
	w, _ := flate.NewWriter(&buf, flate.BestCompression)
	if _, err := io.CopyN(w, zeros{}, n); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// linkOf is the v1 link of raw DEFLATE data.
func linkOf(compressed []byte) string {
	return "s=v1." + base64.RawURLEncoding.EncodeToString(compressed)
}

// linkOfDoc is the v1 link of a document, compressed as Encode would.
func linkOfDoc(t testing.TB, doc string) string {
	t.Helper()
	c, err := deflate([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	return linkOf(c)
}

// assertShareError checks that err is an *Error of the given kind whose
// message holds every one of words.
func assertShareError(t *testing.T, err error, kind error, words ...string) {
	t.Helper()
	var se *Error
	if !errors.As(err, &se) {
		t.Fatalf("error %v (%T) is not a *share.Error", err, err)
	}
	if kind != nil && !errors.Is(err, kind) {
		t.Errorf("error %q is not %v", err, kind)
	}
	msg := err.Error()
	if strings.Contains(msg, "\n") {
		t.Errorf("message has more than one line: %q", msg)
	}
	for _, w := range words {
		if !strings.Contains(msg, w) {
			t.Errorf("message %q does not say %q", msg, w)
		}
	}
}

func TestLimitsMatchTheEngine(t *testing.T) {
	if MaxLinkBytes != 64<<10 || MaxInflatedBytes != 1<<20 {
		t.Errorf("limits %d, %d", MaxLinkBytes, MaxInflatedBytes)
	}
	if MaxInflatedBytes != engine.MaxDocumentBytes {
		t.Errorf("MaxInflatedBytes %d differs from engine.MaxDocumentBytes %d", MaxInflatedBytes, engine.MaxDocumentBytes)
	}
}

func TestLinkTooLong(t *testing.T) {
	long := "s=v1." + strings.Repeat("A", MaxLinkBytes)
	for _, in := range []string{long, "#" + long, testBase + "#" + long} {
		_, err := Decode(in)
		assertShareError(t, err, ErrLinkTooLong, "65541 bytes", "65536", "MaxLinkBytes")
	}
	// Exactly at the limit is not refused for its length.
	atLimit := "s=v1." + strings.Repeat("A", MaxLinkBytes-len("s=v1."))
	if _, err := Decode(atLimit); errors.Is(err, ErrLinkTooLong) {
		t.Errorf("a fragment of exactly MaxLinkBytes refused for its length: %v", err)
	}
}

// A real deflate bomb: tens of MiB of zeros compress to a link under 64 KiB;
// opening it must stop at MaxInflatedBytes without inflating the rest.
func TestDeflateBomb(t *testing.T) {
	const n = 40 << 20
	c := bomb(t, n)
	link := linkOf(c)
	t.Logf("%d MiB of zeros: %d bytes deflated, a %d-byte link", n>>20, len(c), len(link))
	if len(link) > MaxLinkBytes {
		t.Fatalf("the bomb's link is %d bytes, over MaxLinkBytes: it would not reach the inflater", len(link))
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, err := Decode(link)
	runtime.ReadMemStats(&after)
	assertShareError(t, err, ErrTooLarge, "1048576", "MaxInflatedBytes")
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 16<<20 {
		t.Errorf("opening the bomb allocated %d MiB; the limit should bound it near %d MiB", alloc>>20, MaxInflatedBytes>>20)
	}
}

// 50 MiB of zeros: refused by the link limit when it comes as a link, and by
// the inflated limit when its DEFLATE data reaches the inflater directly.
func TestDeflateBomb50MiB(t *testing.T) {
	c := bomb(t, 50<<20)
	_, err := Decode(linkOf(c))
	if !errors.Is(err, ErrLinkTooLong) && !errors.Is(err, ErrTooLarge) {
		t.Errorf("50 MiB bomb link: %v", err)
	}
	out, err := inflate(c)
	if out != nil {
		t.Errorf("inflate returned %d bytes", len(out))
	}
	assertShareError(t, err, ErrTooLarge, "MaxInflatedBytes")
}

func TestInflatedExactlyAtLimit(t *testing.T) {
	// 1 MiB of spaces around a valid document: not refused for its size.
	doc := `{"version":1}` + strings.Repeat(" ", MaxInflatedBytes-len(`{"version":1}`))
	s, err := Decode(linkOfDoc(t, doc))
	if err != nil || s.Version != 1 {
		t.Errorf("a document of exactly MaxInflatedBytes: %v", err)
	}
	_, err = Decode(linkOfDoc(t, doc+" "))
	assertShareError(t, err, ErrTooLarge, "MaxInflatedBytes")
}

func TestCorruptLinks(t *testing.T) {
	good := linkOfDoc(t, `{"version":1,"title":"x"}`)
	payload := strings.TrimPrefix(good, "s=v1.")
	raw, _ := base64.RawURLEncoding.DecodeString(payload)
	truncated := linkOf(raw[:len(raw)/2])
	trailing := linkOf(append(append([]byte{}, raw...), 0, 1, 2))
	tests := []struct {
		name, link string
		kind       error
		words      []string
	}{
		{"not base64url", "s=v1.@@@@", ErrCorrupt, []string{"base64url"}},
		{"standard base64 alphabet", "s=v1.ab+/", ErrCorrupt, []string{"base64url"}},
		{"padding", good + "==", ErrCorrupt, []string{"base64url"}},
		{"empty payload", "s=v1.", ErrCorrupt, []string{"empty"}},
		{"truncated deflate", truncated, ErrCorrupt, []string{"cut short"}},
		{"not deflate", linkOf([]byte{0xff, 0xff, 0xff, 0xff}), ErrCorrupt, []string{"corrupt"}},
		{"data after the stream", trailing, ErrCorrupt, []string{"3 bytes follow"}},
		{"unknown version", "s=v9.abc", ErrUnknownVersion, []string{"unknown share-link version v9; this playground opens v1"}},
		{"no version", "s=abc", ErrMalformed, []string{"version"}},
		{"version without payload", "s=v1", ErrMalformed, []string{"version"}},
		{"capital V", "s=V1.abc", ErrMalformed, []string{"version"}},
		{"two s parameters", good + "&" + good, ErrMalformed, []string{"more than one s="}},
		{"no fragment", "https://example.com/playground/", ErrNoScenario, []string{"#s="}},
		{"empty", "", ErrNoScenario, []string{"#s="}},
		{"fragment without s", "https://example.com/#t=1", ErrNoScenario, []string{"s="}},
		{"empty fragment", "https://example.com/#", ErrNoScenario, []string{"s="}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sh, err := DecodeLink(tt.link)
			if sh.Scenario != nil || sh.Trace != -1 {
				t.Errorf("failed decode returned %+v", sh)
			}
			assertShareError(t, err, tt.kind, tt.words...)
		})
	}
}

func TestCorruptCausesAreExposed(t *testing.T) {
	_, err := Decode("s=v1.@@@@")
	var b64 base64.CorruptInputError
	if !errors.As(err, &b64) {
		t.Errorf("base64 error not exposed: %v", err)
	}
	_, err = Decode(linkOf([]byte{0xff, 0xff, 0xff, 0xff}))
	var fl flate.CorruptInputError
	if !errors.As(err, &fl) {
		t.Errorf("flate error not exposed: %v", err)
	}
}

// Documents that inflate fine but break the scenario format: engine.Decode's
// problems come through, rule and path included.
func TestInvalidDocuments(t *testing.T) {
	tests := []struct {
		name, doc string
		words     []string
	}{
		{"invalid JSON", `{"version":1,`, []string{"VAL-04", "unexpected end"}},
		{"not an object", `[1,2,3]`, []string{"VAL-04", "want a JSON object"}},
		{"unknown field", `{"version":1,"vpcz":[]}`, []string{"VAL-04 vpcz: unknown field"}},
		{"wrong version", `{"version":2}`, []string{"VAL-04 version"}},
		{"name too long", `{"version":1,"accounts":[{"id":"` + strings.Repeat("1", engine.MaxNameLength+1) + `"}]}`, []string{"VAL-04 accounts[0].id", "limit of 256"}},
		{"too deep", `{"version":1,"layout":` + strings.Repeat("[", engine.MaxDepth+1) + strings.Repeat("]", engine.MaxDepth+1) + `}`, []string{"VAL-04 layout", "nested"}},
		{"policy too long", `{"version":1,"buckets":[{"name":"b","account":"111122223333","policy":"` + strings.Repeat("x", engine.MaxPolicyLength) + `"}]}`, []string{"POL-06"}},
		{"many problems", `{"version":1,"a":1,"b":2}`, []string{"VAL-04 a: unknown field", "(and 1 more)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Decode(linkOfDoc(t, tt.doc))
			assertShareError(t, err, nil, tt.words...)
			var ps engine.Problems
			if !errors.As(err, &ps) || len(ps) == 0 {
				t.Errorf("engine.Problems not exposed: %v", err)
			}
		})
	}
}

// randomText is n characters of a pseudo-random sequence from seed, text
// that DEFLATE compresses badly.
func randomText(seed uint32, n int) string {
	const alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
	b := make([]byte, n)
	x := seed
	for i := range b {
		x = x*1664525 + 1013904223
		b[i] = alphabet[int(x>>24)%len(alphabet)]
	}
	return string(b)
}

func TestEncodeLimits(t *testing.T) {
	// A title and a description of random-looking text: within the
	// document limit, but their link is over MaxLinkBytes.
	s := &engine.Scenario{Version: 1, Title: randomText(1, engine.MaxTextLength), Description: randomText(2, engine.MaxTextLength)}
	_, err := Encode(s)
	assertShareError(t, err, ErrLinkTooLong, "MaxLinkBytes")
}
