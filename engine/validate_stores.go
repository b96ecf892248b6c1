package engine

import (
	"regexp"
	"slices"
	"strings"
)

// Patterns of well-formed names (VAL-02).
var (
	regionPattern     = regexp.MustCompile(`^[a-z]{2}(-[a-z]+)+-[0-9]+$`)
	bucketNamePattern = regexp.MustCompile(`^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$`)
	tableNamePattern  = regexp.MustCompile(`^[A-Za-z0-9_.-]{3,255}$`)
)

// region checks a Region name's form, e.g. us-east-1 (VAL-02).
func (v *validator) region(path, r string) {
	if !regionPattern.MatchString(r) {
		v.add("VAL-02", path, "%q is not a Region name like us-east-1", r)
	}
}

// uniqueName records a name of a list (buckets, tables, ARNs); an empty or
// repeated one is a VAL-01 problem.
func (v *validator) uniqueName(seen map[string]string, path, what, name string) {
	if name == "" {
		v.add("VAL-01", path, "the %s is empty", what)
		return
	}
	if prev, dup := seen[name]; dup {
		v.add("VAL-01", path, "duplicate %s %s: already at %s", what, name, prev)
		return
	}
	seen[name] = path
}

// checkStores checks buckets, tables, principals, SNS topics, KMS keys and
// connection notifications.
func (v *validator) checkStores() {
	for _, list := range []struct {
		field, what string
		stores      []DataStore
		pattern     *regexp.Regexp
	}{{"buckets", "bucket name", v.s.Buckets, bucketNamePattern}, {"tables", "table name", v.s.Tables, tableNamePattern}} {
		seen := map[string]string{}
		for i, d := range list.stores {
			p := pathIndex(list.field, i)
			v.uniqueName(seen, pathField(p, "name"), list.what, d.Name)
			if d.Name != "" && !list.pattern.MatchString(d.Name) {
				v.add("VAL-02", pathField(p, "name"), "%q is not a valid %s", d.Name, list.what)
			}
			v.account(pathField(p, "account"), d.Account)
			if d.Region != "" {
				v.region(pathField(p, "region"), d.Region)
			}
		}
	}
	arn := func(path, s string) {
		if s != "" && !strings.HasPrefix(s, "arn:") {
			v.add("VAL-02", path, "%q is not an ARN", s)
		}
	}
	principals := map[string]string{}
	for i, pr := range v.s.Principals {
		p := pathField(pathIndex("principals", i), "arn")
		v.uniqueName(principals, p, "principal ARN", pr.ARN)
		arn(p, pr.ARN)
	}
	keys := map[string]string{}
	for i, k := range v.s.KMSKeys {
		p := pathField(pathIndex("kmsKeys", i), "arn")
		v.uniqueName(keys, p, "KMS key ARN", k.ARN)
		arn(p, k.ARN)
	}
	topics := map[string]string{}
	for i, t := range v.s.SNSTopics {
		p := pathIndex("snsTopics", i)
		v.uniqueName(topics, pathField(p, "arn"), "SNS topic ARN", t.ARN)
		arn(pathField(p, "arn"), t.ARN)
		if _, ok := keys[t.KMSKey]; t.KMSKey != "" && !ok {
			v.add("VAL-01", pathField(p, "kmsKey"), "no KMS key %s in kmsKeys", t.KMSKey)
		}
	}
	for i := range v.s.ConnectionNotifications {
		v.checkNotification(i, topics)
	}
}

// checkNotification checks connection notification number i: one endpoint
// (an interface endpoint, NTF-01) or endpoint service, a known topic and
// known events.
func (v *validator) checkNotification(i int, topics map[string]string) {
	n := &v.s.ConnectionNotifications[i]
	p := pathIndex("connectionNotifications", i)
	switch {
	case (n.Endpoint == "") == (n.EndpointService == ""):
		v.add("VAL-04", p, "a connection notification needs exactly one of endpoint and endpointService")
	case n.Endpoint != "":
		if r, ok := v.ref(pathField(p, "endpoint"), n.Endpoint, kindEndpoint); ok && v.endpoint(r).VPCEndpointType == EndpointGateway {
			v.add("NTF-01", pathField(p, "endpoint"), "gateway endpoints send no connection notifications")
		}
	default:
		v.ref(pathField(p, "endpointService"), n.EndpointService, kindEndpointService)
	}
	if _, ok := topics[n.Topic]; !ok {
		v.add("VAL-01", pathField(p, "topic"), "no SNS topic %q in snsTopics", n.Topic)
	}
	if len(n.Events) == 0 {
		v.add("VAL-04", pathField(p, "events"), "a connection notification needs at least one event")
	}
	for j, e := range n.Events {
		if !slices.Contains([]string{"Connect", "Accept", "Reject", "Delete"}, e) {
			v.add("VAL-04", pathIndex(pathField(p, "events"), j), "unknown event %q: want Connect, Accept, Reject or Delete", e)
		}
	}
}

// checkTraces checks the saved trace requests: a source that is an instance
// or an on-premises host (VAL-01), a destination, and known port, protocol
// and IP version.
func (v *validator) checkTraces() {
	for i := range v.s.Traces {
		v.checkTraceRequest(pathIndex("traces", i), &v.s.Traces[i])
	}
}

// checkTraceRequest checks one trace request at path.
func (v *validator) checkTraceRequest(p string, t *TraceRequest) {
	v.ref(pathField(p, "from"), t.From, kindInstance, kindHost)
	if t.To == "" {
		v.add("VAL-04", pathField(p, "to"), "a trace needs a destination name or IP")
	}
	if t.Port < 0 || t.Port > 65535 {
		v.add("VAL-04", pathField(p, "port"), "port %d: want 1 to 65535", t.Port)
	}
	switch t.Protocol {
	case "", "tcp", "udp", "icmp":
	default:
		v.add("VAL-04", pathField(p, "protocol"), "unknown protocol %q: want tcp, udp or icmp", t.Protocol)
	}
	if t.IPVersion != 0 && t.IPVersion != 4 && t.IPVersion != 6 {
		v.add("VAL-04", pathField(p, "ipVersion"), "IP version %d: want 4 or 6", t.IPVersion)
	}
}
