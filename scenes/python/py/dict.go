package py

// Dict is a Python dict: insertion-ordered, keyed by hashable values.
// The layout is CPython's compact dict: entries in insertion order (deleted
// ones left as holes until the next compaction) and an open-addressing index
// into them.
type Dict struct {
	entries []dictEntry
	index   []int32 // -1 empty, -2 deleted, else entry number
	used    int     // live entries
	// Class, when set, makes the dict an instance of a dict subclass
	// written in Go (collections.defaultdict, Counter, OrderedDict); nil
	// for a plain dict.
	Class *DictClass
	// Data is the subclass's own state of this instance (a defaultdict's
	// default_factory); nil for a plain dict.
	Data Value
}

// DictClass describes a dict subclass written in Go. Its instances are
// *Dict values, so everything that takes a dict takes them; the class adds
// and overrides methods, answers missing keys and writes its own repr.
type DictClass struct {
	Type *Type // the subclass, deriving from DictType
	// Methods are the subclass's methods beyond dict's (and overrides),
	// called with the *Dict as recv.
	Methods map[string]*Builtin
	// Missing, when set, is __missing__: d[key] for an absent key returns
	// its result instead of raising KeyError.
	Missing func(t *Thread, d *Dict, key Value) (Value, error)
	// Repr, when set, writes repr(d).
	Repr func(t *Thread, d *Dict) (string, error)
	// Attr, when set, returns the subclass's data attributes (nil, nil
	// when there is no such attribute).
	Attr func(t *Thread, d *Dict, name string) (Value, error)
	// Binary, when set, is d op y (Counter's + - | &); nil, nil when it
	// does not apply.
	Binary func(t *Thread, op BinOp, d *Dict, y Value) (Value, error)
}

type dictEntry struct {
	key, val Value // key nil: deleted
	hash     uint64
}

// NewDict returns an empty dict.
func NewDict() *Dict { return &Dict{} }

// Type returns DictType, or the subclass of a dict with a Class.
func (d *Dict) Type() *Type {
	if d.Class != nil {
		return d.Class.Type
	}
	return DictType
}

// Len returns the number of items.
func (d *Dict) Len() int { return d.used }

func (d *Dict) lookup(t *Thread, key Value, h uint64) (slot int, entry int, err error) {
	if len(d.index) == 0 {
		return -1, -1, nil
	}
	mask := uint64(len(d.index) - 1)
	i := h & mask
	perturb := h
	firstFree := -1
	for {
		ix := d.index[i]
		switch {
		case ix == -1:
			if firstFree >= 0 {
				return firstFree, -1, nil
			}
			return int(i), -1, nil
		case ix == -2:
			if firstFree < 0 {
				firstFree = int(i)
			}
		default:
			e := &d.entries[ix]
			if e.hash == h {
				if identical(e.key, key) {
					return int(i), int(ix), nil
				}
				eq, err := Equal(t, e.key, key)
				if err != nil {
					return 0, 0, err
				}
				if eq {
					return int(i), int(ix), nil
				}
			}
		}
		perturb >>= 5
		i = (i*5 + 1 + perturb) & mask
	}
}

func (d *Dict) grow() {
	live := make([]dictEntry, 0, d.used*2+1)
	for _, e := range d.entries {
		if e.key != nil {
			live = append(live, e)
		}
	}
	d.entries = live
	n := 8
	for n*2 < (d.used+1)*3 {
		n *= 2
	}
	d.index = make([]int32, n)
	for i := range d.index {
		d.index[i] = -1
	}
	mask := uint64(n - 1)
	for k, e := range d.entries {
		i := e.hash & mask
		perturb := e.hash
		for d.index[i] != -1 {
			perturb >>= 5
			i = (i*5 + 1 + perturb) & mask
		}
		d.index[i] = int32(k)
	}
}

// Get returns the value for key, and whether it was found. It fails only
// for an unhashable key or a failing comparison.
func (d *Dict) Get(t *Thread, key Value) (Value, bool, error) {
	h, err := Hash(t, key)
	if err != nil {
		return nil, false, err
	}
	_, e, err := d.lookup(t, key, h)
	if err != nil || e < 0 {
		return nil, false, err
	}
	return d.entries[e].val, true, nil
}

// GetStr returns the value for a str key.
func (d *Dict) GetStr(key string) (Value, bool) {
	v, ok, _ := d.Get(nil, Str(key))
	return v, ok
}

// SetItem sets d[key] = val.
func (d *Dict) SetItem(t *Thread, key, val Value) error {
	h, err := Hash(t, key)
	if err != nil {
		return err
	}
	slot, e, err := d.lookup(t, key, h)
	if err != nil {
		return err
	}
	if e >= 0 {
		d.entries[e].val = val
		return nil
	}
	if slot < 0 || len(d.entries)+1 > len(d.index)*2/3 {
		// The new table, charged before it is made.
		if err := t.chargeElems(int64(d.used)*2+1, dictEntryBytes); err != nil {
			return err
		}
		d.grow()
		slot, _, _ = d.lookup(t, key, h)
	}
	d.index[slot] = int32(len(d.entries))
	d.entries = append(d.entries, dictEntry{key, val, h})
	d.used++
	return nil
}

// SetStr sets d[key] = val for a str key.
func (d *Dict) SetStr(key string, val Value) { _ = d.SetItem(nil, Str(key), val) }

// Delete removes key, reporting whether it was present.
func (d *Dict) Delete(t *Thread, key Value) (Value, bool, error) {
	h, err := Hash(t, key)
	if err != nil {
		return nil, false, err
	}
	slot, e, err := d.lookup(t, key, h)
	if err != nil || e < 0 {
		return nil, false, err
	}
	v := d.entries[e].val
	d.entries[e] = dictEntry{}
	d.index[slot] = -2
	d.used--
	if d.used == 0 {
		d.entries = d.entries[:0]
		for i := range d.index {
			d.index[i] = -1
		}
	}
	return v, true, nil
}

// Clear removes every item.
func (d *Dict) Clear() { *d = Dict{Class: d.Class, Data: d.Data} }

// Keys returns the keys in insertion order.
func (d *Dict) Keys() []Value {
	out := make([]Value, 0, d.used)
	for _, e := range d.entries {
		if e.key != nil {
			out = append(out, e.key)
		}
	}
	return out
}

// Items returns the items in insertion order.
func (d *Dict) Items() [][2]Value {
	out := make([][2]Value, 0, d.used)
	for _, e := range d.entries {
		if e.key != nil {
			out = append(out, [2]Value{e.key, e.val})
		}
	}
	return out
}

// Copy returns a shallow copy.
func (d *Dict) Copy() *Dict {
	c := &Dict{used: d.used}
	c.entries = append([]dictEntry(nil), d.entries...)
	c.index = append([]int32(nil), d.index...)
	return c
}

// dictIter walks a dict's entries by position; it notices size changes.
type dictIter struct {
	d    *Dict
	i    int
	size int
	kind byte // 'k', 'v', 'i'
}

// Type returns dict_keyiterator.
func (it *dictIter) Type() *Type { return DictKeyIteratorType }

// Next returns the next key, value or item.
func (it *dictIter) Next(t *Thread) (Value, bool, error) {
	if it.d.used != it.size {
		it.size = -1
		return nil, false, NewException(RuntimeErrorType, Str("dictionary changed size during iteration"))
	}
	for it.i < len(it.d.entries) {
		e := &it.d.entries[it.i]
		it.i++
		if e.key == nil {
			continue
		}
		switch it.kind {
		case 'v':
			return e.val, true, nil
		case 'i':
			return Tuple{e.key, e.val}, true, nil
		}
		return e.key, true, nil
	}
	return nil, false, nil
}

// DictView is a dict's keys(), values() or items() view.
type DictView struct {
	D    *Dict
	Kind byte // 'k', 'v', 'i'
}

// Type returns dict_keys, dict_values or dict_items.
func (v *DictView) Type() *Type {
	switch v.Kind {
	case 'v':
		return DictValuesType
	case 'i':
		return DictItemsType
	}
	return DictKeysType
}

// Set is a Python set (or frozenset when Frozen). Its table follows
// CPython's setobject.c (linear probes, then perturbation), so small-int sets
// iterate and print in CPython's order.
type Set struct {
	table  []setEntry
	fill   int // used + dummies
	used   int
	finger int
	Frozen bool
}

type setEntry struct {
	key  Value // nil: empty; dummy: deleted
	hash uint64
}

var dummy Value = &Cell{}

const setLinearProbes = 9

// NewSet returns an empty set.
func NewSet() *Set { return &Set{} }

// Type returns SetType or FrozenSetType.
func (s *Set) Type() *Type {
	if s.Frozen {
		return FrozenSetType
	}
	return SetType
}

// Len returns the number of elements.
func (s *Set) Len() int { return s.used }

func (s *Set) find(t *Thread, key Value, h uint64) (found int, free int, err error) {
	if len(s.table) == 0 {
		return -1, -1, nil
	}
	mask := uint64(len(s.table) - 1)
	perturb := h
	i := h & mask
	freeslot := -1
	for {
		probes := uint64(0)
		if i+setLinearProbes <= mask {
			probes = setLinearProbes
		}
		for j := uint64(0); j <= probes; j++ {
			e := &s.table[i+j]
			if e.key == nil {
				if freeslot >= 0 {
					return -1, freeslot, nil
				}
				return -1, int(i + j), nil
			}
			if e.key == dummy {
				if freeslot < 0 {
					freeslot = int(i + j)
				}
				continue
			}
			if e.hash == h {
				if identical(e.key, key) {
					return int(i + j), -1, nil
				}
				eq, err := Equal(t, e.key, key)
				if err != nil {
					return -1, -1, err
				}
				if eq {
					return int(i + j), -1, nil
				}
			}
		}
		perturb >>= 5
		i = (i*5 + 1 + perturb) & mask
	}
}

// insertClean places an entry known to be absent (set_insert_clean).
func (s *Set) insertClean(e setEntry) {
	mask := uint64(len(s.table) - 1)
	perturb := e.hash
	i := e.hash & mask
	for {
		probes := uint64(0)
		if i+setLinearProbes <= mask {
			probes = setLinearProbes
		}
		for j := uint64(0); j <= probes; j++ {
			if s.table[i+j].key == nil {
				s.table[i+j] = e
				s.fill++
				s.used++
				return
			}
		}
		perturb >>= 5
		i = (i*5 + 1 + perturb) & mask
	}
}

// Merge adds the elements of o as CPython's set_merge does (so the
// resulting order matches CPython's).
func (s *Set) Merge(t *Thread, o *Set) error {
	if o.used == 0 || o == s {
		return nil
	}
	mask := len(s.table) - 1
	if len(s.table) == 0 {
		mask = 7
	}
	if (s.fill+o.used)*5 >= mask*3 {
		s.resize((s.used + o.used) * 2)
	} else if len(s.table) == 0 {
		s.table = make([]setEntry, 8)
	}
	if s.fill == 0 {
		if len(s.table) == len(o.table) && o.fill == o.used {
			copy(s.table, o.table)
			s.fill, s.used = o.fill, o.used
			return nil
		}
		for _, e := range o.table {
			if e.key != nil && e.key != dummy {
				s.insertClean(e)
			}
		}
		return nil
	}
	for _, e := range o.table {
		if e.key != nil && e.key != dummy {
			if err := s.Add(t, e.key); err != nil {
				return err
			}
		}
	}
	return nil
}

func (s *Set) resize(minused int) {
	size := 8
	for size <= minused {
		size <<= 1
	}
	old := s.table
	s.table = make([]setEntry, size)
	s.fill, s.used = 0, 0
	mask := uint64(size - 1)
	for _, e := range old {
		if e.key == nil || e.key == dummy {
			continue
		}
		perturb := e.hash
		i := e.hash & mask
	outer:
		for {
			probes := uint64(0)
			if i+setLinearProbes <= mask {
				probes = setLinearProbes
			}
			for j := uint64(0); j <= probes; j++ {
				if s.table[i+j].key == nil {
					s.table[i+j] = e
					break outer
				}
			}
			perturb >>= 5
			i = (i*5 + 1 + perturb) & mask
		}
		s.fill++
		s.used++
	}
}

// Add adds key to the set.
func (s *Set) Add(t *Thread, key Value) error {
	h, err := Hash(t, key)
	if err != nil {
		return err
	}
	if len(s.table) == 0 {
		s.table = make([]setEntry, 8)
	}
	found, free, err := s.find(t, key, h)
	if err != nil || found >= 0 {
		return err
	}
	wasEmpty := s.table[free].key == nil
	s.table[free] = setEntry{key, h}
	s.used++
	if !wasEmpty {
		return nil
	}
	s.fill++
	if mask := len(s.table) - 1; s.fill*5 >= mask*3 {
		n := s.used * 4
		if s.used > 50000 {
			n = s.used * 2
		}
		// The new table, charged before it is made.
		if err := t.chargeElems(int64(n)*2, setEntryBytes); err != nil {
			return err
		}
		s.resize(n)
	}
	return nil
}

// Contains reports whether key is in the set.
func (s *Set) Contains(t *Thread, key Value) (bool, error) {
	h, err := Hash(t, key)
	if err != nil {
		return false, err
	}
	found, _, err := s.find(t, key, h)
	return found >= 0, err
}

// Discard removes key if present, reporting whether it was.
func (s *Set) Discard(t *Thread, key Value) (bool, error) {
	h, err := Hash(t, key)
	if err != nil {
		return false, err
	}
	found, _, err := s.find(t, key, h)
	if err != nil || found < 0 {
		return false, err
	}
	s.table[found].key = dummy
	s.used--
	return true, nil
}

// Elems returns the elements in iteration order.
func (s *Set) Elems() []Value {
	out := make([]Value, 0, s.used)
	for _, e := range s.table {
		if e.key != nil && e.key != dummy {
			out = append(out, e.key)
		}
	}
	return out
}

// Pop removes and returns an element as CPython's set.pop does.
func (s *Set) Pop() (Value, bool) {
	if s.used == 0 {
		return nil, false
	}
	mask := len(s.table) - 1
	i := s.finger & mask
	for s.table[i].key == nil || s.table[i].key == dummy {
		i = (i + 1) & mask
	}
	k := s.table[i].key
	s.table[i].key = dummy
	s.used--
	s.finger = i + 1
	return k, true
}

// Copy returns a shallow copy (a set, even of a frozenset), built as
// CPython's set(s) builds it.
func (s *Set) Copy() *Set {
	c := &Set{}
	_ = c.Merge(nil, s)
	return c
}
