package engine

import (
	"cmp"
	"reflect"
	"slices"
	"strconv"
	"strings"
)

// Validate checks a decoded scenario against the rules of RULES.md and
// returns every problem found, each naming its rule and JSON path, in
// document order (nil when the scenario is valid). It checks the scenario
// as written: defaults are read, never filled (see Normalize). Validate never
// changes s and never panics.
func Validate(s *Scenario) Problems {
	if s == nil {
		return Problems{{Rule: "VAL-04", Message: "no scenario"}}
	}
	v := &validator{s: s}
	v.indexIDs()
	v.checkAccounts()
	v.checkVPCs()
	v.checkRoutes()
	v.checkSecurityGroups()
	v.checkNetworkACLs()
	v.checkAddresses()
	v.checkEndpoints()
	v.checkGatewayEndpoints()
	v.checkEndpointDNS()
	v.checkProviders()
	v.checkDNS()
	v.checkConnectivity()
	v.checkStores()
	v.checkPolicies()
	v.checkTraces()
	return v.sorted()
}

// validator holds one scenario being validated, its index of IDs and the
// problems found so far.
type validator struct {
	s        *Scenario
	ids      map[string]idRef
	problems problemList
}

// add records a problem.
func (v *validator) add(rule, path, format string, args ...any) {
	v.problems.add(rule, path, format, args...)
}

// sorted returns the problems in document order (stable, so problems at one
// path keep the order they were found in), at most MaxProblems of them.
func (v *validator) sorted() Problems {
	ps := v.problems.list
	if len(ps) == 0 {
		return nil
	}
	keys := make(map[string][]pathStep, len(ps))
	for _, p := range ps {
		if _, ok := keys[p.Path]; !ok {
			keys[p.Path] = docOrderKey(p.Path)
		}
	}
	slices.SortStableFunc(ps, func(a, b Problem) int {
		return compareSteps(keys[a.Path], keys[b.Path])
	})
	if len(ps) > MaxProblems {
		ps = append(ps[:MaxProblems:MaxProblems], Problem{Rule: "VAL-04", Message: "too many problems, stopped after " + strconv.Itoa(MaxProblems)})
	}
	return ps
}

// pathStep is one step of a JSON path in document order: a field (by its
// position in the struct declaration, the order of SCENARIO.md), an array
// index, or a map key.
type pathStep struct {
	n   int
	key string
}

// docOrderKey turns "vpcs[0].subnets[2].cidrBlock" into comparable steps.
// Fields are ordered by the model's declaration order, found by walking the
// model's types along the path; unknown names sort last, by name.
func docOrderKey(path string) []pathStep {
	var out []pathStep
	t := reflect.TypeFor[Scenario]()
	elem := func() {
		if t != nil && (t.Kind() == reflect.Slice || t.Kind() == reflect.Map) {
			t = t.Elem()
		} else {
			t = nil
		}
	}
	for path != "" {
		switch {
		case path[0] == '.':
			path = path[1:]
		case strings.HasPrefix(path, "[\""):
			end := strings.Index(path, "\"]")
			if end < 0 {
				return append(out, pathStep{n: 1 << 30, key: path})
			}
			k, err := strconv.Unquote(path[1 : end+1])
			if err != nil {
				k = path[2:end]
			}
			out = append(out, pathStep{n: -1, key: k})
			path = path[end+2:]
			elem()
		case path[0] == '[':
			end := strings.IndexByte(path, ']')
			if end < 0 {
				return append(out, pathStep{n: 1 << 30, key: path})
			}
			i, _ := strconv.Atoi(path[1:end])
			out = append(out, pathStep{n: i})
			path = path[end+1:]
			elem()
		default:
			end := strings.IndexAny(path, ".[")
			if end < 0 {
				end = len(path)
			}
			name := path[:end]
			n := 1 << 20
			if t != nil && t.Kind() == reflect.Map {
				n = -1
				t = t.Elem()
			} else {
				var ft reflect.Type
				n, ft = jsonField(t, name)
				t = ft
			}
			out = append(out, pathStep{n: n, key: name})
			path = path[end:]
		}
	}
	return out
}

// jsonField finds the field of struct type t (or pointer to it) whose JSON
// name is name: its index and type. Not found: 1<<20 and nil.
func jsonField(t reflect.Type, name string) (int, reflect.Type) {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == nil || t.Kind() != reflect.Struct {
		return 1 << 20, nil
	}
	for i := range t.NumField() {
		tag, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		if tag == name {
			ft := t.Field(i).Type
			for ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			return i, ft
		}
	}
	return 1 << 20, nil
}

// compareSteps orders two paths: a path sorts before the paths inside it.
func compareSteps(a, b []pathStep) int {
	for i := range min(len(a), len(b)) {
		if c := cmp.Compare(a[i].n, b[i].n); c != 0 {
			return c
		}
		if c := strings.Compare(a[i].key, b[i].key); c != 0 {
			return c
		}
	}
	return cmp.Compare(len(a), len(b))
}
