// Package diagram turns a scenario and a trace into Graphviz DOT text: the
// topology (accounts, VPCs, Availability Zones, subnets and what lives in
// and between them) and a trace's path of hops. All user text is cleaned,
// clipped and escaped into plain labels; node names are generated; every
// attribute comes from a fixed allow-list; element ids derive from
// resource IDs (ElementID) so the page can highlight a trace on the laid
// out SVG with CSS classes (HighlightIDs), without a new layout. The output
// is deterministic: the same input gives the same bytes.
package diagram
