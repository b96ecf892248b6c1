package app

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// A document is a scenario decoded generically: maps, slices, strings,
// json.Number, bools and nil. The inspector edits resources through it by
// their JSON paths ("vpcs[0].subnets[1]"), then decodes the result strictly.

type pathStep struct {
	key   string
	index int // -1 for a key step
}

func parsePath(path string) ([]pathStep, error) {
	var steps []pathStep
	for _, part := range strings.Split(path, ".") {
		name, rest, _ := strings.Cut(part, "[")
		if name != "" {
			steps = append(steps, pathStep{key: name, index: -1})
		}
		for rest != "" {
			num, after, ok := strings.Cut(rest, "]")
			if !ok {
				return nil, fmt.Errorf("bad path %q", path)
			}
			i, err := strconv.Atoi(num)
			if err != nil || i < 0 {
				return nil, fmt.Errorf("bad index in %q", path)
			}
			steps = append(steps, pathStep{index: i})
			rest = strings.TrimPrefix(after, "[")
		}
	}
	if len(steps) == 0 {
		return nil, fmt.Errorf("empty path")
	}
	return steps, nil
}

func decodeDocument(doc []byte) (any, error) {
	d := json.NewDecoder(bytes.NewReader(doc))
	d.UseNumber()
	var v any
	err := d.Decode(&v)
	return v, err
}

// docGet returns the value at path.
func docGet(doc any, path string) (any, error) {
	steps, err := parsePath(path)
	if err != nil {
		return nil, err
	}
	cur := doc
	for _, st := range steps {
		cur, err = step(cur, st)
		if err != nil {
			return nil, err
		}
	}
	return cur, nil
}

func step(cur any, st pathStep) (any, error) {
	if st.index < 0 {
		m, ok := cur.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("%s: not an object", st.key)
		}
		return m[st.key], nil
	}
	a, ok := cur.([]any)
	if !ok || st.index >= len(a) {
		return nil, fmt.Errorf("[%d]: no such item", st.index)
	}
	return a[st.index], nil
}

// docEdit changes the container holding the last step of path: set replaces
// the value there, and a nil value with remove deletes it.
func docEdit(doc any, path string, v any, remove bool) (any, error) {
	steps, err := parsePath(path)
	if err != nil {
		return nil, err
	}
	return edit(doc, steps, v, remove)
}

func edit(cur any, steps []pathStep, v any, remove bool) (any, error) {
	st := steps[0]
	last := len(steps) == 1
	if st.index < 0 {
		m, ok := cur.(map[string]any)
		if !ok {
			if cur != nil {
				return nil, fmt.Errorf("%s: not an object", st.key)
			}
			m = map[string]any{}
		}
		if last {
			if remove {
				delete(m, st.key)
			} else {
				m[st.key] = v
			}
			return m, nil
		}
		child, err := edit(m[st.key], steps[1:], v, remove)
		if err != nil {
			return nil, err
		}
		m[st.key] = child
		return m, nil
	}
	a, _ := cur.([]any)
	if st.index > len(a) || (st.index == len(a) && (!last || remove)) {
		return nil, fmt.Errorf("[%d]: no such item", st.index)
	}
	if last {
		switch {
		case remove:
			return append(a[:st.index:st.index], a[st.index+1:]...), nil
		case st.index == len(a):
			return append(a, v), nil
		default:
			a[st.index] = v
			return a, nil
		}
	}
	child, err := edit(a[st.index], steps[1:], v, remove)
	if err != nil {
		return nil, err
	}
	a[st.index] = child
	return a, nil
}

// docRename replaces every string equal to from with to: IDs are unique, so
// this renames a resource and every reference to it.
func docRename(v any, from, to string) any {
	switch x := v.(type) {
	case string:
		if x == from {
			return to
		}
		return x
	case []any:
		for i := range x {
			x[i] = docRename(x[i], from, to)
		}
		return x
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			if k == from {
				k = to // ipAddresses are keyed by subnet ID
			}
			out[k] = docRename(e, from, to)
		}
		return out
	}
	return v
}
