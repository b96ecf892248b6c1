package engine

import (
	"fmt"
	"strings"
)

// Problem is one validation or decode error: the rule it breaks, the JSON
// path of the offending value and a message (VAL-04).
type Problem struct {
	Rule    string `json:"rule"`
	Path    string `json:"path"`
	Message string `json:"message"`
}

// String formats the problem as "RULE-ID json.path: message", the line the
// validate command prints. An empty path (the document itself) is written as
// "$".
func (p Problem) String() string {
	path := p.Path
	if path == "" {
		path = "$"
	}
	return p.Rule + " " + path + ": " + p.Message
}

// Problems is a list of problems in document order. A non-empty Problems is
// an error whose message has one problem a line.
type Problems []Problem

// Error joins the problems, one a line.
func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// Rules returns the distinct rule IDs of the problems, in first-seen order.
func (ps Problems) Rules() []string {
	var out []string
	seen := map[string]bool{}
	for _, p := range ps {
		if !seen[p.Rule] {
			seen[p.Rule] = true
			out = append(out, p.Rule)
		}
	}
	return out
}

// problemList collects problems while a walk goes through a document.
type problemList struct {
	list Problems
}

// add records a problem with a formatted message.
func (l *problemList) add(rule, path, format string, args ...any) {
	l.list = append(l.list, Problem{Rule: rule, Path: path, Message: fmt.Sprintf(format, args...)})
}

// pathField joins a JSON path and a field name: pathField("vpcs[0]", "id")
// is "vpcs[0].id"; pathField("", "vpcs") is "vpcs".
func pathField(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

// pathIndex appends an array index to a JSON path: pathIndex("vpcs", 2) is
// "vpcs[2]".
func pathIndex(path string, i int) string {
	return fmt.Sprintf("%s[%d]", path, i)
}

// pathKey appends a map key to a JSON path: pathKey("tags", "Name") is
// "tags.Name"; a key that is not a plain identifier is quoted: tags["a b"].
func pathKey(path, k string) string {
	plain := k != ""
	for _, r := range k {
		if !(r == '_' || r == '-' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			plain = false
			break
		}
	}
	if plain {
		return pathField(path, k)
	}
	return fmt.Sprintf("%s[%q]", path, k)
}
