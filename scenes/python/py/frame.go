package py

// Frame is one activation of a function: its code, program counter, operand
// stack, locals, cells and exception handlers. Frames live on the heap, so a
// coroutine or a blocked thread keeps its frames while it is suspended.
type Frame struct {
	code     *Code
	fn       *Function
	globals  *Module
	pc       int // next instruction; the current one is pc-1
	sp       int
	stack    []Value
	locals   []Value
	cells    []*Cell
	handlers []handler
	back     *Frame     // the frame that called (or awaited) this one
	gen      *Generator // the generator or coroutine that owns this frame, if any
	exc      *Exception // the exception being handled here (except/finally)
	retval   Value      // the return value while finally blocks run
	awaited  bool       // pushed by an await in back (its result replaces back's iterator)
	pooled   bool       // a plain call's frame, returned to the thread's free list when it ends
	slots    []Value    // locals and stack, one allocation
}

// namespace is a class body's namespace, which it keeps in local 0.
func (f *Frame) namespace() *Dict { return f.locals[0].(*Dict) }

type handler struct {
	target int32
	depth  int32
}

// Line returns the line the frame is executing (or suspended at).
func (f *Frame) Line() int { return int(f.position().Line) }

// Col is the 1-based column of the instruction that runs (0 if unknown).
func (f *Frame) Col() int { return int(f.position().Col) }

// nextPosition is the position of the instruction that runs next: where
// the frame is between two instructions (after a backward jump, the last
// instruction run is the loop's end, not where the loop goes on).
func (f *Frame) nextPosition() Pos {
	if f.pc >= 0 && f.pc < len(f.code.Pos) {
		return f.code.Pos[f.pc]
	}
	return f.position()
}

func (f *Frame) position() Pos {
	pc := f.pc - 1
	if pc < 0 {
		pc = 0
	}
	if pc >= len(f.code.Pos) {
		if len(f.code.Pos) == 0 {
			return Pos{Line: int32(f.code.FirstLine)}
		}
		pc = len(f.code.Pos) - 1
	}
	return f.code.Pos[pc]
}

func (f *Frame) tracebackEntry() TracebackEntry {
	p := f.position()
	return TracebackEntry{File: f.code.File, Line: int(p.Line), Col: int(p.Col), Function: f.code.Name,
		EndLine: int(p.EndLine), EndCol: int(p.EndCol)}
}

// newFrame makes a frame for fn with its locals and cells allocated.
func newFrame(fn *Function, back *Frame) *Frame {
	c := fn.Code
	nl := len(c.Locals)
	slots := make([]Value, nl+c.MaxStack)
	f := &Frame{code: c, fn: fn, globals: fn.Globals, back: back, slots: slots, locals: slots[:nl:nl], stack: slots[nl:]}
	f.initCells()
	return f
}

// initCells makes fresh cells for the cell variables and installs the
// closure's free variables.
func (f *Frame) initCells() {
	c := f.code
	if len(c.Cells) > 0 {
		f.cells = make([]*Cell, len(c.Cells))
		ncell := len(c.Cells) - c.NumFree
		for i := 0; i < ncell; i++ {
			f.cells[i] = &Cell{}
		}
		copy(f.cells[ncell:], f.fn.Closure)
	}
}

// maxPooledFrames bounds each thread's free list of frames.
const maxPooledFrames = 64

// callFrame returns a frame for a plain (non-generator) call of fn, reusing
// one from the thread's free list when it is big enough.
func (t *Thread) callFrame(fn *Function, back *Frame) *Frame {
	pool := t.vm.framePool
	if n := len(pool); n > 0 {
		f := pool[n-1]
		c := fn.Code
		nl := len(c.Locals)
		if cap(f.slots) >= nl+c.MaxStack {
			t.vm.framePool = pool[:n-1]
			slots := f.slots[:nl+c.MaxStack]
			*f = Frame{code: c, fn: fn, globals: fn.Globals, back: back, slots: slots,
				locals: slots[:nl:nl], stack: slots[nl:], handlers: f.handlers[:0], pooled: true}
			f.initCells()
			return f
		}
	}
	f := newFrame(fn, back)
	f.pooled = true
	return f
}

// releaseFrame returns a finished plain frame to the thread's free list.
func (t *Thread) releaseFrame(f *Frame) {
	if !f.pooled || len(t.vm.framePool) >= maxPooledFrames {
		return
	}
	clear(f.slots)
	f.cells = nil
	f.back = nil
	f.fn = nil
	f.exc = nil
	f.retval = nil
	t.vm.framePool = append(t.vm.framePool, f)
}

// moveArgsToCells copies parameters that are cell variables into their cells
// at function entry.
func (f *Frame) moveArgsToCells() {
	for i, slot := range f.code.CellArgs {
		if slot >= 0 {
			f.cells[i].V = f.locals[slot]
			f.locals[slot] = nil
		}
	}
}
