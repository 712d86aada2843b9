package lib_test

import (
	"sort"
	"testing"

	"loopscope/scenes/asyncio"
	_ "loopscope/scenes/lib"
	"loopscope/scenes/python/modules"
	"loopscope/scenes/python/py"
)

// TestMembersExist checks that every registered module, built as a run
// builds it, has exactly the members its Spec lists (refused ones
// excepted): what the resolver accepts exists at run time, and what
// exists is documented.
func TestMembersExist(t *testing.T) {
	all := modules.All()
	if len(all) == 0 {
		t.Fatal("no module registered")
	}
	for _, spec := range all {
		if spec.Refused != "" {
			if len(spec.Members) > 0 {
				t.Errorf("%s: a refused module lists members", spec.Name)
			}
			continue
		}
		m := asyncio.NewMachine(asyncio.Config{})
		v, err := m.Import(nil, spec.Name)
		if err != nil {
			t.Errorf("%s: %v", spec.Name, err)
			continue
		}
		mod, ok := v.(*py.Module)
		if !ok {
			t.Errorf("%s: the maker returned a %s, not a module", spec.Name, v.Type().Name)
			continue
		}
		listed := map[string]bool{}
		for _, mem := range spec.Members {
			listed[mem.Name] = true
			if mem.Doc == "" {
				t.Errorf("%s.%s has no doc", spec.Name, mem.Name)
			}
			attr, _ := mod.Attr(nil, mem.Name)
			if (attr != nil) != (mem.Refused == "") {
				t.Errorf("%s.%s: exists at run time: %v, refused: %q", spec.Name, mem.Name, attr != nil, mem.Refused)
			}
		}
		var extra []string
		for name := range mod.Dict {
			if !listed[name] && name[0] != '_' {
				extra = append(extra, name)
			}
		}
		sort.Strings(extra)
		if len(extra) > 0 {
			t.Errorf("%s: members missing from its Spec: %v", spec.Name, extra)
		}
		if spec.Doc == "" {
			t.Errorf("%s has no doc", spec.Name)
		}
	}
}
