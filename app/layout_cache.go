package app

import (
	"crypto/sha256"
	"encoding/hex"
	"sync"

	"privatelink-playground/app/svgsafe"
)

// DOTHash names a diagram's layout: the hex SHA-256 of its DOT text (first
// 16 bytes). Equal DOT text always lays out to the same SVG, so the hash keys
// the layout cache, the prerendered layouts and the data-dot-hash attribute.
func DOTHash(dot string) string {
	sum := sha256.Sum256([]byte(dot))
	return hex.EncodeToString(sum[:16])
}

// layoutCache maps DOT hashes to sanitized SVG, keeping the most recent
// entries up to a bound.
type layoutCache struct {
	mu      sync.Mutex
	max     int
	entries map[string]string
	order   []string
}

// layouts is the process's layout cache: on the server it holds the
// prerendered lesson diagrams; in the browser it is seeded from the
// prerendered page and filled by the render worker.
// The bound leaves room for every prerendered lesson diagram (about 50)
// besides the ones a learner's edits make.
var layouts = &layoutCache{max: 512, entries: map[string]string{}}

func (c *layoutCache) get(hash string) (string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	svg, ok := c.entries[hash]
	return svg, ok
}

func (c *layoutCache) put(hash, svg string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.entries[hash]; !ok {
		c.order = append(c.order, hash)
	}
	c.entries[hash] = svg
	for len(c.order) > c.max {
		delete(c.entries, c.order[0])
		c.order = c.order[1:]
	}
}

// SeedLayout stores the SVG laid out for a DOT hash, after sanitizing it:
// the server seeds the prerendered lesson diagrams, the browser the diagrams
// already in the prerendered page.
func SeedLayout(hash, svg string) error {
	clean, err := svgsafe.Sanitize(svg)
	if err != nil {
		return err
	}
	layouts.put(hash, clean)
	return nil
}

// CachedLayout returns the sanitized SVG of a DOT hash, if it is cached.
func CachedLayout(hash string) (string, bool) { return layouts.get(hash) }

// SeedPrerenderedLayout keeps SVG the prerendered page already shows. The
// server sanitized it before writing the page (a page that could be altered
// could run script anyway), so it is not sanitized a second time: that would
// cost the start-up a full XML pass over every diagram.
func SeedPrerenderedLayout(hash, svg string) { layouts.put(hash, svg) }
