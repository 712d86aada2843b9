package asyncio

// This file ports asyncio.Barrier from CPython 3.11's asyncio/locks.py. As
// there, it is built on a Condition: every wait, reset and abort takes the
// condition's lock, so tasks pass the barrier in exactly CPython's order.

import (
	"fmt"

	"loopscope/scenes/python/py"
	"loopscope/scenes/trace"
)

// BarrierType is the Python type of asyncio.Barrier; BrokenBarrierErrorType
// is asyncio.BrokenBarrierError (a RuntimeError).
var (
	BarrierType            = &py.Type{Name: "Barrier", Module: "asyncio.locks", Base: py.ObjectType}
	BrokenBarrierErrorType = py.NewExceptionType("BrokenBarrierError", "asyncio.exceptions", py.RuntimeErrorType)
)

// The states of a Barrier (locks._BarrierState).
const (
	barrierFilling   = "filling"
	barrierDraining  = "draining"
	barrierResetting = "resetting"
	barrierBroken    = "broken"
)

// Barrier is asyncio.Barrier(parties): tasks wait until `parties` of them
// are waiting, then all pass together.
type Barrier struct {
	syncObj
	cond    *Condition
	parties int64
	state   string
	count   int64
}

func init() {
	RegisterAsyncio("Barrier", BarrierType)
	RegisterAsyncio("BrokenBarrierError", BrokenBarrierErrorType)
	BarrierType.New = func(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
		a, err := parseArgs("Barrier", args, kw, []string{"parties"}, 1)
		if err != nil {
			return nil, err
		}
		n, err := py.AsIndex(a[0])
		if err != nil {
			return nil, err
		}
		if n < 1 {
			return nil, py.Errorf(py.ValueErrorType, "parties must be > 0")
		}
		b := &Barrier{cond: NewCondition(t, nil), parties: n, state: barrierFilling}
		b.init(t, "Barrier", trace.ConceptCondition, b.cond.id, func() float64 { return float64(b.nWaiting()) })
		return b, nil
	}
}

// Type returns BarrierType.
func (*Barrier) Type() *py.Type { return BarrierType }

// Repr is repr(barrier): <asyncio.locks.Barrier object at 0x.. [filling, waiters:1/3]>.
func (b *Barrier) Repr(t *py.Thread) (string, error) {
	extra := b.state
	if b.state != barrierBroken {
		extra += fmt.Sprintf(", waiters:%d/%d", b.nWaiting(), b.parties)
	}
	return fmt.Sprintf("<asyncio.locks.Barrier object at %#x [%s]>", b.id, extra), nil
}

func (b *Barrier) nWaiting() int64 {
	if b.state == barrierFilling {
		return b.count
	}
	return 0
}

// Attr returns the Barrier's methods and properties.
func (b *Barrier) Attr(t *py.Thread, name string) (py.Value, error) {
	switch name {
	case "parties":
		return py.Int(b.parties), nil
	case "n_waiting":
		return py.Int(b.nWaiting()), nil
	case "broken":
		return py.Bool(b.state == barrierBroken), nil
	case "wait", "__aenter__":
		return method(b, "Barrier."+name, func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := noArgs(name, args, kw); err != nil {
				return nil, err
			}
			return b.Wait(t), nil
		}), nil
	case "__aexit__":
		return method(b, "Barrier.__aexit__", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			return immediate("Barrier.__aexit__", func(*py.Thread) (py.Value, error) { return py.None, nil }), nil
		}), nil
	case "reset":
		return method(b, "Barrier.reset", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := noArgs("reset", args, kw); err != nil {
				return nil, err
			}
			return b.withLock("Barrier.reset", func() {
				if b.count > 0 {
					b.state = barrierResetting
				} else {
					b.state = barrierFilling
				}
				b.opLabel(t, "reset", b.state)
			}), nil
		}), nil
	case "abort":
		return method(b, "Barrier.abort", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := noArgs("abort", args, kw); err != nil {
				return nil, err
			}
			return b.withLock("Barrier.abort", func() {
				b.state = barrierBroken
				b.opLabel(t, "abort", b.state)
			}), nil
		}), nil
	}
	return nil, nil
}

// AEnter implements py.AsyncContextManager: `async with barrier` waits.
func (b *Barrier) AEnter(t *py.Thread) (py.Value, error) { return b.Wait(t), nil }

// AExit implements py.AsyncContextManager: nothing to do.
func (b *Barrier) AExit(t *py.Thread, exc *py.Exception) (py.Value, error) {
	return immediate("Barrier.__aexit__", func(*py.Thread) (py.Value, error) { return py.None, nil }), nil
}

// delegate resumes the awaited coroutine inner: yielded reports whether it
// suspended (v is then what it yielded); otherwise v and err are its
// outcome.
func delegate(t *py.Thread, inner py.Coroutine, send py.Value, throw *py.Exception) (yielded bool, v py.Value, err error) {
	v, st, err := inner.Resume(t, send, throw)
	if st == py.CoroYielded && err == nil {
		return true, v, nil
	}
	return false, v, err
}

// withLock is `async with self._cond: change(); self._cond.notify_all()`,
// the body of reset and abort.
func (b *Barrier) withLock(qual string, change func()) py.Coroutine {
	var acquire py.Coroutine
	return newSyncCoro(qual, func(t *py.Thread, state int, send py.Value, throw *py.Exception) (int, py.Value, py.CoroState, error) {
		if state == 0 {
			acquire = b.cond.lock.Acquire(t)
			send, throw = py.None, nil
		}
		yielded, v, err := delegate(t, acquire, send, throw)
		if yielded {
			return 1, v, py.CoroYielded, nil
		}
		if err != nil {
			return -1, nil, py.CoroRaised, err
		}
		change()
		err = b.cond.Notify(t, len(b.cond.waiters))
		if rerr := b.cond.lock.Release(t); err == nil {
			err = rerr
		}
		if err != nil {
			return -1, nil, py.CoroRaised, err
		}
		return -1, py.None, py.CoroReturned, nil
	})
}

// The states of Barrier.wait's coroutine: the awaits of locks.py's wait.
const (
	barrierAcquire = 1 + iota // async with self._cond
	barrierBlock              // await self._block()
	barrierWait               // await self._wait()
)

// Wait returns the coroutine barrier.wait(): the index of the task among
// those that passed together (0 for the first to arrive).
func (b *Barrier) Wait(t *py.Thread) py.Coroutine {
	var (
		inner py.Coroutine
		index int64
	)
	notPassing := py.NewBuiltin("Barrier._block.<locals>.<lambda>", func(*py.Thread, py.Value, []py.Value, []py.Kwarg) (py.Value, error) {
		return py.Bool(b.state != barrierDraining && b.state != barrierResetting), nil
	})
	filled := py.NewBuiltin("Barrier._wait.<locals>.<lambda>", func(*py.Thread, py.Value, []py.Value, []py.Kwarg) (py.Value, error) {
		return py.Bool(b.state != barrierFilling), nil
	})
	// release is the end of `async with self._cond` on the way out.
	release := func(v py.Value, err error) (int, py.Value, py.CoroState, error) {
		if rerr := b.cond.lock.Release(t); rerr != nil && err == nil {
			err = rerr
		}
		if err != nil {
			return -1, nil, py.CoroRaised, err
		}
		return -1, v, py.CoroReturned, nil
	}
	// finish is wait's finally clause (self._count -= 1; self._exit()),
	// then the lock's release.
	finish := func(v py.Value, err error) (int, py.Value, py.CoroState, error) {
		b.count--
		if b.count == 0 && (b.state == barrierResetting || b.state == barrierDraining) {
			b.state = barrierFilling
		}
		b.opLabel(t, "leave", b.state)
		if b.count == 0 {
			if nerr := b.cond.Notify(t, len(b.cond.waiters)); nerr != nil && err == nil {
				err = nerr
			}
		}
		return release(v, err)
	}
	return newSyncCoro("Barrier.wait", func(t *py.Thread, state int, send py.Value, throw *py.Exception) (int, py.Value, py.CoroState, error) {
		if state == 0 {
			state, inner = barrierAcquire, b.cond.lock.Acquire(t)
			send, throw = py.None, nil
		}
		for {
			yielded, v, err := delegate(t, inner, send, throw)
			if yielded {
				return state, v, py.CoroYielded, nil
			}
			send, throw = py.None, nil
			switch state {
			case barrierAcquire:
				if err != nil {
					return -1, nil, py.CoroRaised, err
				}
				state, inner = barrierBlock, b.cond.WaitFor(t, notPassing)
			case barrierBlock:
				if err != nil {
					return release(nil, err)
				}
				if b.state == barrierBroken {
					return release(nil, py.NewException(BrokenBarrierErrorType, py.Str("Barrier aborted")))
				}
				index = b.count
				b.count++
				if index+1 == b.parties {
					// _release: draining; the others wake.
					b.state = barrierDraining
				}
				b.opLabel(t, "arrive", b.state)
				if index+1 == b.parties {
					if err := b.cond.Notify(t, len(b.cond.waiters)); err != nil {
						return finish(nil, err)
					}
					return finish(py.Int(index), nil)
				}
				state, inner = barrierWait, b.cond.WaitFor(t, filled)
			case barrierWait:
				if err != nil {
					return finish(nil, err)
				}
				if b.state == barrierBroken || b.state == barrierResetting {
					return finish(nil, py.NewException(BrokenBarrierErrorType, py.Str("Abort or reset of barrier")))
				}
				return finish(py.Int(index), nil)
			}
		}
	})
}
