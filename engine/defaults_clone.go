package engine

import "reflect"

// cloneScenario returns a deep copy of s: no slice, map, pointer or raw JSON
// of the copy is shared with s, so Normalize may change it freely. Nil slices
// and maps stay nil and empty ones stay empty.
func cloneScenario(s *Scenario) *Scenario {
	out := reflect.New(reflect.TypeFor[Scenario]()).Elem()
	deepCopy(out, reflect.ValueOf(s).Elem())
	c := out.Interface().(Scenario)
	return &c
}

// deepCopy copies src into dst (same type), recursively. The model holds only
// structs, slices, maps, pointers and scalars, and no cycles.
func deepCopy(dst, src reflect.Value) {
	switch src.Kind() {
	case reflect.Struct:
		for i := range src.NumField() {
			if dst.Field(i).CanSet() {
				deepCopy(dst.Field(i), src.Field(i))
			}
		}
	case reflect.Slice:
		if src.IsNil() {
			return
		}
		s := reflect.MakeSlice(src.Type(), src.Len(), src.Len())
		for i := range src.Len() {
			deepCopy(s.Index(i), src.Index(i))
		}
		dst.Set(s)
	case reflect.Map:
		if src.IsNil() {
			return
		}
		m := reflect.MakeMapWithSize(src.Type(), src.Len())
		iter := src.MapRange()
		for iter.Next() {
			v := reflect.New(src.Type().Elem()).Elem()
			deepCopy(v, iter.Value())
			m.SetMapIndex(iter.Key(), v)
		}
		dst.Set(m)
	case reflect.Pointer:
		if src.IsNil() {
			return
		}
		p := reflect.New(src.Type().Elem())
		deepCopy(p.Elem(), src.Elem())
		dst.Set(p)
	default:
		dst.Set(src)
	}
}
