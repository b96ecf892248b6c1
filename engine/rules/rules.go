// Package rules explains, for a learner, every rule of the simulated world.
//
// Each behaviour the simulator models has a stable ID in RULES.md (DNS-01,
// NET-03, GW-02 …). Trace hops and validation problems name the rule that
// decided them; the UI links each ID to the explanation kept here. The text
// is plain (no Markdown, no HTML) so any front end can render it safely.
//
// The package is pure Go with no dependencies beyond the standard library,
// and holds only immutable data: All and Lookup return copies.
package rules

import "strings"

// Rule is one rule of the simulated world, explained for a learner.
type Rule struct {
	// ID is the rule's stable ID in RULES.md, e.g. "GW-02".
	ID string
	// Section is RULES.md's section heading, e.g. "Gateway endpoints (S3 and DynamoDB)".
	Section string
	// Title is a short headline.
	Title string
	// Summary is one sentence.
	Summary string
	// Explain holds two to four short plain-text paragraphs: what happens,
	// why, a concrete example, and the common mistake.
	Explain []string
	// See lists the IDs of related rules.
	See []string
}

// The section headings of RULES.md, in order.
const (
	sectionDNS  = "DNS"
	sectionNET  = "Networking underneath"
	sectionGW   = "Gateway endpoints (S3 and DynamoDB)"
	sectionIF   = "Interface endpoints"
	sectionSVC  = "Endpoint services (the provider side)"
	sectionGWLB = "Gateway Load Balancer endpoints"
	sectionNTF  = "Notifications"
	sectionPOL  = "Policies"
	sectionVAL  = "Scenario validation"
)

// sections pairs each heading with its rules, in RULES.md order.
var sections = []struct {
	heading string
	rules   []Rule
}{
	{sectionDNS, dnsRules},
	{sectionNET, netRules},
	{sectionGW, gwRules},
	{sectionIF, ifRules},
	{sectionSVC, svcRules},
	{sectionGWLB, gwlbRules},
	{sectionNTF, ntfRules},
	{sectionPOL, polRules},
	{sectionVAL, valRules},
}

// all and byID are computed once from sections and never modified.
var all, byID = index()

func index() ([]Rule, map[string]int) {
	var list []Rule
	ids := make(map[string]int)
	for _, s := range sections {
		for _, r := range s.rules {
			r.Section = s.heading
			ids[r.ID] = len(list)
			list = append(list, r)
		}
	}
	return list, ids
}

// All returns every rule in RULES.md order. The result is a fresh copy the
// caller may modify.
func All() []Rule {
	out := make([]Rule, len(all))
	for i, r := range all {
		out[i] = r.clone()
	}
	return out
}

// Lookup returns the rule with the given ID. It accepts the canonical
// spelling ("GW-02") and the spelling without the hyphen ("GW02"), in any
// case, with surrounding spaces ignored.
func Lookup(id string) (Rule, bool) {
	i, ok := byID[normalize(id)]
	if !ok {
		return Rule{}, false
	}
	return all[i].clone(), true
}

// Sections returns RULES.md's section headings in order.
func Sections() []string {
	out := make([]string, len(sections))
	for i, s := range sections {
		out[i] = s.heading
	}
	return out
}

// normalize turns "gw02", "GW02" or " gw-02 " into "GW-02". Anything that is
// not letters, an optional hyphen and digits is returned upper-cased and
// will not match.
func normalize(id string) string {
	id = strings.ToUpper(strings.TrimSpace(id))
	if strings.Contains(id, "-") {
		return id
	}
	i := strings.IndexAny(id, "0123456789")
	if i <= 0 {
		return id
	}
	return id[:i] + "-" + id[i:]
}

func (r Rule) clone() Rule {
	r.Explain = append([]string(nil), r.Explain...)
	r.See = append([]string(nil), r.See...)
	return r
}
