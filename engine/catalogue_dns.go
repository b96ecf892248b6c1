package engine

import "strings"

// ServiceDNSMatch is what a public AWS service name designates.
type ServiceDNSMatch struct {
	Service Service
	Region  string
	// Bucket is the bucket of an S3 virtual-hosted name
	// (BUCKET.s3.REGION.amazonaws.com), or an API ID for execute-api.
	Bucket string
	// DualStack is set for S3's dual-stack names (s3.dualstack.REGION…),
	// which also answer IPv6 (GW-07).
	DualStack bool
}

// ServiceByDNSName parses a public AWS service name: NAME.REGION.amazonaws.com,
// S3's BUCKET.s3.REGION.amazonaws.com, s3.dualstack.REGION.amazonaws.com,
// the legacy global s3.amazonaws.com (us-east-1), and execute-api's
// API.execute-api.REGION.amazonaws.com. Names are case-insensitive.
func ServiceByDNSName(name string) (ServiceDNSMatch, bool) {
	name = canonicalName(name)
	rest, ok := strings.CutSuffix(name, ".amazonaws.com")
	if !ok || rest == "" {
		return ServiceDNSMatch{}, false
	}
	labels := strings.Split(rest, ".")
	n := len(labels)
	// Global S3 names: s3.amazonaws.com and BUCKET.s3.amazonaws.com.
	if labels[n-1] == "s3" {
		s, _ := serviceByShort("s3")
		return ServiceDNSMatch{Service: s, Region: "us-east-1", Bucket: strings.Join(labels[:n-1], ".")}, true
	}
	if n < 2 || !KnownRegion(labels[n-1]) {
		return ServiceDNSMatch{}, false
	}
	m := ServiceDNSMatch{Region: labels[n-1]}
	short := labels[n-2]
	prefix := labels[:n-2]
	if short == "dualstack" && n >= 3 && labels[n-3] == "s3" {
		short, prefix, m.DualStack = "s3", labels[:n-3], true
	}
	s, ok := serviceByShort(short)
	if !ok {
		return ServiceDNSMatch{}, false
	}
	m.Service = s
	if len(prefix) > 0 {
		if !s.Wildcard {
			return ServiceDNSMatch{}, false
		}
		m.Bucket = strings.Join(prefix, ".")
	}
	return m, true
}

// canonicalName lowercases a DNS name and drops a trailing dot.
func canonicalName(name string) string {
	return strings.TrimSuffix(strings.ToLower(strings.TrimSpace(name)), ".")
}

// inDomain reports whether name equals domain or lies under it; both are
// canonical.
func inDomain(name, domain string) bool {
	return name == domain || strings.HasSuffix(name, "."+domain)
}
