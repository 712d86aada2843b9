package py

// Memory accounting. The interpreter charges what it allocates for a scene
// where it allocates it (strings, lists, dicts, sets, big ints) and, before
// a builtin builds something large, what it is about to build. The charges
// gather on the thread and reach the host in batches, so the common small
// allocation costs an addition; a host that keeps a memory budget
// (MemoryHost) measures the heap when enough has been charged and stops the
// scene, or raises MemoryError, before the process grows past the budget.

// MemoryHost is implemented by a Host that keeps a memory budget.
type MemoryHost interface {
	// Charge is told of n bytes that t allocated since its last charge, or,
	// when whole is set, of n bytes t is about to allocate in one piece.
	// It returns a MemoryError exception for a piece larger than the whole
	// budget, or a run-stopping error when the heap has grown past it.
	Charge(t *Thread, n int64, whole bool) error
}

// chargeBatch is how many bytes of small allocations a thread gathers
// before it tells the host; a single allocation this large or larger is
// told at once, before it is made.
const chargeBatch = 256 << 10

// Sizes charged per element, as Go holds them (an interface value in a
// slice, a dict entry with its index slot, a set entry).
const (
	valueBytes     = 16
	dictEntryBytes = 48
	setEntryBytes  = 32
)

// Charge records that t allocated n bytes for the scene. It returns an
// error (MemoryError, or a budget stop) only when the host keeps a budget
// that the allocation breaks. A nil thread (an allocation outside any run)
// is not charged.
func (t *Thread) Charge(n int64) error {
	if t == nil {
		return nil
	}
	if n >= chargeBatch {
		return t.chargeWhole(n)
	}
	t.vm.charged += n
	if t.vm.charged < chargeBatch {
		return nil
	}
	c := t.vm.charged
	t.vm.charged = 0
	if mh, ok := t.Host.(MemoryHost); ok {
		return mh.Charge(t, c, false)
	}
	return nil
}

// chargeWhole asks the host before one large allocation of n bytes.
func (t *Thread) chargeWhole(n int64) error {
	if mh, ok := t.Host.(MemoryHost); ok {
		return mh.Charge(t, n, true)
	}
	return nil
}

// chargeElems charges n elements of size bytes each, guarding against an
// overflowing product.
func (t *Thread) chargeElems(n, size int64) error {
	if n <= 0 {
		return nil
	}
	if n > (1<<62)/size {
		return memoryError()
	}
	return t.Charge(n * size)
}

// tickAt calls the host's Tick at the position of f's current instruction
// (a call being made).
func (t *Thread) tickAt(f *Frame) error {
	p := f.position()
	return t.Host.Tick(t, int(p.Line), int(p.Col))
}
