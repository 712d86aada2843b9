package asyncio

// This file ports CPython 3.11's asyncio/locks.py: Lock, Event, Condition,
// Semaphore and BoundedSemaphore. Every coroutine method is a native
// coroutine (a syncCoro) whose states are the awaits of the Python source,
// so waiters are woken in exactly CPython's order.

import (
	"strconv"

	"loopscope/scenes/python/py"
	"loopscope/scenes/trace"
)

// The asyncio.locks types.
var (
	LockType             = &py.Type{Name: "Lock", Module: "asyncio.locks", Base: py.ObjectType}
	EventType            = &py.Type{Name: "Event", Module: "asyncio.locks", Base: py.ObjectType}
	ConditionType        = &py.Type{Name: "Condition", Module: "asyncio.locks", Base: py.ObjectType}
	SemaphoreType        = &py.Type{Name: "Semaphore", Module: "asyncio.locks", Base: py.ObjectType}
	BoundedSemaphoreType = &py.Type{Name: "BoundedSemaphore", Module: "asyncio.locks", Base: SemaphoreType}
)

func init() {
	RegisterAsyncio("Lock", LockType)
	RegisterAsyncio("Event", EventType)
	RegisterAsyncio("Condition", ConditionType)
	RegisterAsyncio("Semaphore", SemaphoreType)
	RegisterAsyncio("BoundedSemaphore", BoundedSemaphoreType)
	LockType.New = func(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
		if err := noArgs("Lock", args, kw); err != nil {
			return nil, err
		}
		return NewLock(t), nil
	}
	EventType.New = func(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
		if err := noArgs("Event", args, kw); err != nil {
			return nil, err
		}
		return NewEvent(t), nil
	}
	ConditionType.New = func(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
		a, err := parseArgs("Condition", args, kw, []string{"lock"}, 0)
		if err != nil {
			return nil, err
		}
		var lock *Lock
		if a[0] != nil && a[0] != py.None {
			l, ok := a[0].(*Lock)
			if !ok {
				return nil, py.Errorf(py.TypeErrorType, "Condition() lock must be an asyncio.Lock, not %s", a[0].Type().Name)
			}
			lock = l
		}
		return NewCondition(t, lock), nil
	}
	SemaphoreType.New = func(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
		return newSemaphoreFromArgs(t, "Semaphore", args, kw, false)
	}
	BoundedSemaphoreType.New = func(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
		return newSemaphoreFromArgs(t, "BoundedSemaphore", args, kw, true)
	}
}

// waiterList is a collections.deque of waiter futures, in arrival order.
type waiterList []*Future

func (w *waiterList) remove(f *Future) bool {
	for i, x := range *w {
		if x == f {
			copy((*w)[i:], (*w)[i+1:])
			(*w)[len(*w)-1] = nil
			*w = (*w)[:len(*w)-1]
			return true
		}
	}
	return false
}

// ---------------------------------------------------------------------------
// Lock

// Lock is asyncio.Lock: a lock that is not owned by the task that holds
// it, with FIFO fairness among waiters.
type Lock struct {
	syncObj
	waiters waiterList
	locked  bool
}

// NewLock returns an unlocked asyncio.Lock.
func NewLock(t *py.Thread) *Lock {
	l := &Lock{}
	l.init(t, "Lock", trace.ConceptLock, 0, func() float64 { return boolValue(l.locked) })
	return l
}

// Type returns LockType.
func (*Lock) Type() *py.Type { return LockType }

// Repr is repr(lock): <asyncio.locks.Lock object at 0x.. [locked, waiters:1]>
// (the engine shows the trace id as the address).
func (l *Lock) Repr(t *py.Thread) (string, error) {
	extra := "unlocked"
	if l.locked {
		extra = "locked"
	}
	return l.repr(extra, len(l.waiters)), nil
}

// Locked reports whether the lock is held.
func (l *Lock) Locked() bool { return l.locked }

// Attr returns Lock's methods.
func (l *Lock) Attr(t *py.Thread, name string) (py.Value, error) {
	switch name {
	case "acquire":
		return method(l, "Lock.acquire", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := noArgs("acquire", args, kw); err != nil {
				return nil, err
			}
			return l.Acquire(t), nil
		}), nil
	case "release":
		return method(l, "Lock.release", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := noArgs("release", args, kw); err != nil {
				return nil, err
			}
			if err := l.Release(t); err != nil {
				return nil, err
			}
			return py.None, nil
		}), nil
	case "locked":
		return method(l, "Lock.locked", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := noArgs("locked", args, kw); err != nil {
				return nil, err
			}
			return py.Bool(l.locked), nil
		}), nil
	case "__aenter__":
		return aenter(l, l.Acquire), nil
	case "__aexit__":
		return aexit(l, l.Release), nil
	}
	return nil, nil
}

// AEnter starts `async with lock`: the awaitable of __aenter__.
func (l *Lock) AEnter(t *py.Thread) (py.Value, error) {
	return aenterCoro("Lock.__aenter__", l.Acquire(t)), nil
}

// AExit ends `async with lock`: the awaitable of __aexit__, which releases.
func (l *Lock) AExit(t *py.Thread, exc *py.Exception) (py.Value, error) {
	return aexitCoro("Lock.__aexit__", l.Release), nil
}

// Acquire returns the coroutine lock.acquire().
func (l *Lock) Acquire(t *py.Thread) py.Coroutine {
	var fut *Future
	return newSyncCoro("Lock.acquire", func(t *py.Thread, state int, send py.Value, throw *py.Exception) (int, py.Value, py.CoroState, error) {
		switch state {
		case 0:
			if !l.locked && allCancelled(l.waiters) {
				l.locked = true
				l.op(t, "acquire")
				return -1, py.True, py.CoroReturned, nil
			}
			loop, err := l.loop(t)
			if err != nil {
				return -1, nil, py.CoroRaised, err
			}
			fut = l.newFuture(loop, "acquire")
			l.waiters = append(l.waiters, fut)
			l.wait(t, fut, "acquire")
			return suspendOn(1, fut)
		default:
			l.waiters.remove(fut)
			if throw != nil {
				if isCancelledError(throw) && !l.locked {
					l.wakeUpFirst(t)
				}
				return -1, nil, py.CoroRaised, throw
			}
			l.locked = true
			l.op(t, "acquire")
			return -1, py.True, py.CoroReturned, nil
		}
	})
}

// Release is lock.release().
func (l *Lock) Release(t *py.Thread) error {
	if !l.locked {
		return py.Errorf(py.RuntimeErrorType, "Lock is not acquired.")
	}
	l.locked = false
	l.op(t, "release")
	l.wakeUpFirst(t)
	return nil
}

// wakeUpFirst wakes the first waiter if it isn't done (_wake_up_first).
func (l *Lock) wakeUpFirst(t *py.Thread) {
	if len(l.waiters) == 0 {
		return
	}
	if fut := l.waiters[0]; !fut.Done() {
		l.wake(t, fut, py.True)
	}
}

func allCancelled(ws waiterList) bool {
	for _, w := range ws {
		if !w.Cancelled() {
			return false
		}
	}
	return true
}

// ---------------------------------------------------------------------------
// Event

// Event is asyncio.Event: a flag that tasks wait for.
type Event struct {
	syncObj
	waiters waiterList
	value   bool
}

// NewEvent returns an unset asyncio.Event.
func NewEvent(t *py.Thread) *Event {
	e := &Event{}
	e.init(t, "Event", trace.ConceptEvent, 0, func() float64 { return boolValue(e.value) })
	return e
}

// Type returns EventType.
func (*Event) Type() *py.Type { return EventType }

// Repr is repr(event): <asyncio.locks.Event object at 0x.. [set]>.
func (e *Event) Repr(t *py.Thread) (string, error) {
	extra := "unset"
	if e.value {
		extra = "set"
	}
	return e.repr(extra, len(e.waiters)), nil
}

// IsSet reports whether the flag is set.
func (e *Event) IsSet() bool { return e.value }

// Attr returns Event's methods.
func (e *Event) Attr(t *py.Thread, name string) (py.Value, error) {
	switch name {
	case "is_set":
		return method(e, "Event.is_set", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := noArgs("is_set", args, kw); err != nil {
				return nil, err
			}
			return py.Bool(e.value), nil
		}), nil
	case "set":
		return method(e, "Event.set", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := noArgs("set", args, kw); err != nil {
				return nil, err
			}
			e.Set(t)
			return py.None, nil
		}), nil
	case "clear":
		return method(e, "Event.clear", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := noArgs("clear", args, kw); err != nil {
				return nil, err
			}
			e.Clear(t)
			return py.None, nil
		}), nil
	case "wait":
		return method(e, "Event.wait", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := noArgs("wait", args, kw); err != nil {
				return nil, err
			}
			return e.Wait(t), nil
		}), nil
	}
	return nil, nil
}

// Set sets the flag and wakes every waiter.
func (e *Event) Set(t *py.Thread) {
	if e.value {
		return
	}
	e.value = true
	e.op(t, "set")
	for _, fut := range e.waiters {
		if !fut.Done() {
			e.wake(t, fut, py.True)
		}
	}
}

// Clear resets the flag.
func (e *Event) Clear(t *py.Thread) {
	e.value = false
	e.op(t, "clear")
}

// Wait returns the coroutine event.wait().
func (e *Event) Wait(t *py.Thread) py.Coroutine {
	var fut *Future
	return newSyncCoro("Event.wait", func(t *py.Thread, state int, send py.Value, throw *py.Exception) (int, py.Value, py.CoroState, error) {
		switch state {
		case 0:
			if e.value {
				return -1, py.True, py.CoroReturned, nil
			}
			loop, err := e.loop(t)
			if err != nil {
				return -1, nil, py.CoroRaised, err
			}
			why := e.waitLabel
			if why == "" {
				why = "wait"
			}
			fut = e.newFuture(loop, why)
			e.waiters = append(e.waiters, fut)
			e.wait(t, fut, why)
			return suspendOn(1, fut)
		default:
			e.waiters.remove(fut)
			if throw != nil {
				return -1, nil, py.CoroRaised, throw
			}
			return -1, py.True, py.CoroReturned, nil
		}
	})
}

// ---------------------------------------------------------------------------
// Condition

// Condition is asyncio.Condition: tasks wait (releasing its lock) until
// another task notifies them.
type Condition struct {
	syncObj
	lock    *Lock
	waiters waiterList
}

// NewCondition returns a Condition over lock (a new Lock when nil).
func NewCondition(t *py.Thread, lock *Lock) *Condition {
	if lock == nil {
		lock = NewLock(t)
	}
	c := &Condition{lock: lock}
	c.init(t, "Condition", trace.ConceptCondition, lock.id, func() float64 { return boolValue(lock.locked) })
	return c
}

// Type returns ConditionType.
func (*Condition) Type() *py.Type { return ConditionType }

// Repr is repr(cond): <asyncio.locks.Condition object at 0x.. [unlocked]>.
func (c *Condition) Repr(t *py.Thread) (string, error) {
	extra := "unlocked"
	if c.lock.locked {
		extra = "locked"
	}
	return c.repr(extra, len(c.waiters)), nil
}

// Attr returns Condition's methods.
func (c *Condition) Attr(t *py.Thread, name string) (py.Value, error) {
	switch name {
	case "acquire", "release", "locked":
		// self.acquire = lock.acquire and so on: the lock's own bound methods.
		return c.lock.Attr(t, name)
	case "__aenter__":
		return aenter(c, c.lock.Acquire), nil
	case "__aexit__":
		return aexit(c, c.lock.Release), nil
	case "wait":
		return method(c, "Condition.wait", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := noArgs("wait", args, kw); err != nil {
				return nil, err
			}
			return c.Wait(t), nil
		}), nil
	case "wait_for":
		return method(c, "Condition.wait_for", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			a, err := parseArgs("wait_for", args, kw, []string{"predicate"}, 1)
			if err != nil {
				return nil, err
			}
			return c.WaitFor(t, a[0]), nil
		}), nil
	case "notify":
		return method(c, "Condition.notify", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			a, err := parseArgs("notify", args, kw, []string{"n"}, 0)
			if err != nil {
				return nil, err
			}
			n := int64(1)
			if a[0] != nil {
				if n, err = py.AsIndex(a[0]); err != nil {
					return nil, err
				}
			}
			if err := c.Notify(t, int(n)); err != nil {
				return nil, err
			}
			return py.None, nil
		}), nil
	case "notify_all":
		return method(c, "Condition.notify_all", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := noArgs("notify_all", args, kw); err != nil {
				return nil, err
			}
			if err := c.Notify(t, len(c.waiters)); err != nil {
				return nil, err
			}
			return py.None, nil
		}), nil
	}
	return nil, nil
}

// AEnter starts `async with cond`: it acquires the underlying lock.
func (c *Condition) AEnter(t *py.Thread) (py.Value, error) {
	return aenterCoro("Condition.__aenter__", c.lock.Acquire(t)), nil
}

// AExit ends `async with cond`: it releases the underlying lock.
func (c *Condition) AExit(t *py.Thread, exc *py.Exception) (py.Value, error) {
	return aexitCoro("Condition.__aexit__", c.lock.Release), nil
}

// Wait returns the coroutine cond.wait(): release the lock, wait to be
// notified, then re-acquire the lock (retrying the acquire when cancelled,
// and raising CancelledError afterwards, as locks.py does).
func (c *Condition) Wait(t *py.Thread) py.Coroutine {
	var (
		fut       *Future
		waitErr   *py.Exception // what `await fut` raised, if anything
		acquire   py.Coroutine
		cancelled bool
	)
	return newSyncCoro("Condition.wait", func(t *py.Thread, state int, send py.Value, throw *py.Exception) (int, py.Value, py.CoroState, error) {
		switch state {
		case 0:
			if !c.lock.locked {
				return -1, nil, py.CoroRaised, py.Errorf(py.RuntimeErrorType, "cannot wait on un-acquired lock")
			}
			if err := c.lock.Release(t); err != nil {
				return -1, nil, py.CoroRaised, err
			}
			loop, err := c.loop(t)
			if err != nil {
				// The finally clause still re-acquires the lock.
				if x, ok := err.(*py.Exception); ok {
					waitErr = x
				} else {
					return -1, nil, py.CoroRaised, err
				}
			} else {
				fut = c.newFuture(loop, "wait")
				c.waiters = append(c.waiters, fut)
				c.wait(t, fut, "wait")
				return suspendOn(1, fut)
			}
		case 1:
			c.waiters.remove(fut)
			waitErr = throw
		case 2:
			// Driving `await self.acquire()` in the finally clause.
		}
		if state != 2 {
			acquire = c.lock.Acquire(t)
			send, throw = py.None, nil
		}
		for {
			v, st, err := acquire.Resume(t, send, throw)
			switch st {
			case py.CoroYielded:
				if err == nil {
					return 2, v, py.CoroYielded, nil
				}
			case py.CoroReturned:
				if err == nil {
					switch {
					case cancelled:
						return -1, nil, py.CoroRaised, newCancelledError(waitErr)
					case waitErr != nil:
						return -1, nil, py.CoroRaised, waitErr
					}
					return -1, py.True, py.CoroReturned, nil
				}
			}
			x, ok := err.(*py.Exception)
			if !ok || !isCancelledError(x) {
				return -1, nil, py.CoroRaised, err
			}
			cancelled = true
			acquire = c.lock.Acquire(t)
			send, throw = py.None, nil
		}
	})
}

// WaitFor returns the coroutine cond.wait_for(predicate).
func (c *Condition) WaitFor(t *py.Thread, predicate py.Value) py.Coroutine {
	var inner py.Coroutine
	return newSyncCoro("Condition.wait_for", func(t *py.Thread, state int, send py.Value, throw *py.Exception) (int, py.Value, py.CoroState, error) {
		if state == 1 {
			v, st, err := inner.Resume(t, send, throw)
			if st == py.CoroYielded && err == nil {
				return 1, v, py.CoroYielded, nil
			}
			if err != nil {
				return -1, nil, py.CoroRaised, err
			}
		}
		for {
			result, err := t.Call(predicate, nil, nil)
			if err != nil {
				return -1, nil, py.CoroRaised, err
			}
			if py.Truth(result) {
				return -1, result, py.CoroReturned, nil
			}
			inner = c.Wait(t)
			v, st, err := inner.Resume(t, py.None, nil)
			if st == py.CoroYielded && err == nil {
				return 1, v, py.CoroYielded, nil
			}
			if err != nil {
				return -1, nil, py.CoroRaised, err
			}
		}
	})
}

// Notify wakes at most n waiters that are not done yet.
func (c *Condition) Notify(t *py.Thread, n int) error {
	if !c.lock.locked {
		return py.Errorf(py.RuntimeErrorType, "cannot notify on un-acquired lock")
	}
	idx := 0
	for _, fut := range c.waiters {
		if idx >= n {
			break
		}
		if !fut.Done() {
			idx++
			c.wake(t, fut, py.False)
		}
	}
	return nil
}

// ---------------------------------------------------------------------------
// Semaphore and BoundedSemaphore

// Semaphore is asyncio.Semaphore (and BoundedSemaphore when bounded):
// 3.11.7's version, where release hands the count to the first waiter that
// is not done (_wake_up_next).
type Semaphore struct {
	syncObj
	waiters waiterList
	value   int64
	bounded bool
	bound   int64
}

func newSemaphoreFromArgs(t *py.Thread, name string, args []py.Value, kw []py.Kwarg, bounded bool) (py.Value, error) {
	a, err := parseArgs(name, args, kw, []string{"value"}, 0)
	if err != nil {
		return nil, err
	}
	value := int64(1)
	if a[0] != nil {
		if value, err = py.AsIndex(a[0]); err != nil {
			return nil, err
		}
	}
	return NewSemaphore(t, value, bounded)
}

// NewSemaphore returns a Semaphore with the given initial value; bounded
// makes it a BoundedSemaphore.
func NewSemaphore(t *py.Thread, value int64, bounded bool) (*Semaphore, error) {
	if value < 0 {
		return nil, py.Errorf(py.ValueErrorType, "Semaphore initial value must be >= 0")
	}
	s := &Semaphore{value: value, bounded: bounded, bound: value}
	kind := "Semaphore"
	if bounded {
		kind = "BoundedSemaphore"
	}
	s.init(t, kind, trace.ConceptSemaphore, 0, func() float64 { return float64(s.value) })
	return s, nil
}

// Type returns SemaphoreType or BoundedSemaphoreType.
func (s *Semaphore) Type() *py.Type {
	if s.bounded {
		return BoundedSemaphoreType
	}
	return SemaphoreType
}

// Repr is repr(sem): <asyncio.locks.Semaphore object at 0x.. [unlocked, value:2]>.
func (s *Semaphore) Repr(t *py.Thread) (string, error) {
	extra := "locked"
	if !s.Locked() {
		extra = "unlocked, value:" + strconv.FormatInt(s.value, 10)
	}
	return s.repr(extra, len(s.waiters)), nil
}

// Value returns the semaphore's counter.
func (s *Semaphore) Value() int64 { return s.value }

// Attr returns Semaphore's methods.
func (s *Semaphore) Attr(t *py.Thread, name string) (py.Value, error) {
	switch name {
	case "acquire":
		return method(s, "Semaphore.acquire", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := noArgs("acquire", args, kw); err != nil {
				return nil, err
			}
			return s.Acquire(t), nil
		}), nil
	case "release":
		return method(s, "Semaphore.release", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := noArgs("release", args, kw); err != nil {
				return nil, err
			}
			if err := s.Release(t); err != nil {
				return nil, err
			}
			return py.None, nil
		}), nil
	case "locked":
		return method(s, "Semaphore.locked", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := noArgs("locked", args, kw); err != nil {
				return nil, err
			}
			return py.Bool(s.Locked()), nil
		}), nil
	case "__aenter__":
		return aenter(s, s.Acquire), nil
	case "__aexit__":
		return aexit(s, s.Release), nil
	case "_value":
		return py.Int(s.value), nil
	}
	return nil, nil
}

// Locked reports whether acquire() would block: the counter is zero or
// some waiter is not cancelled.
func (s *Semaphore) Locked() bool {
	if s.value == 0 {
		return true
	}
	for _, w := range s.waiters {
		if !w.Cancelled() {
			return true
		}
	}
	return false
}

// AEnter starts `async with sem`.
func (s *Semaphore) AEnter(t *py.Thread) (py.Value, error) {
	return aenterCoro(s.Type().Name+".__aenter__", s.Acquire(t)), nil
}

// AExit ends `async with sem`: it releases.
func (s *Semaphore) AExit(t *py.Thread, exc *py.Exception) (py.Value, error) {
	return aexitCoro(s.Type().Name+".__aexit__", s.Release), nil
}

// Acquire returns the coroutine sem.acquire().
func (s *Semaphore) Acquire(t *py.Thread) py.Coroutine {
	var fut *Future
	return newSyncCoro("Semaphore.acquire", func(t *py.Thread, state int, send py.Value, throw *py.Exception) (int, py.Value, py.CoroState, error) {
		switch state {
		case 0:
			if !s.Locked() {
				s.value--
				s.op(t, "acquire")
				return -1, py.True, py.CoroReturned, nil
			}
			loop, err := s.loop(t)
			if err != nil {
				return -1, nil, py.CoroRaised, err
			}
			fut = s.newFuture(loop, "acquire")
			s.waiters = append(s.waiters, fut)
			s.wait(t, fut, "acquire")
			return suspendOn(1, fut)
		default:
			s.waiters.remove(fut)
			if throw != nil {
				if isCancelledError(throw) && !fut.Cancelled() {
					s.value++
					s.op(t, "cancel")
					s.wakeUpNext(t)
				}
				return -1, nil, py.CoroRaised, throw
			}
			if s.value > 0 {
				s.wakeUpNext(t)
			}
			return -1, py.True, py.CoroReturned, nil
		}
	})
}

// Release increments the counter and wakes the next waiter; a
// BoundedSemaphore refuses to go above its initial value.
func (s *Semaphore) Release(t *py.Thread) error {
	if s.bounded && s.value >= s.bound {
		return py.Errorf(py.ValueErrorType, "BoundedSemaphore released too many times")
	}
	s.value++
	s.op(t, "release")
	s.wakeUpNext(t)
	return nil
}

// wakeUpNext hands one unit of the counter to the first waiter that isn't
// done (_wake_up_next).
func (s *Semaphore) wakeUpNext(t *py.Thread) {
	for _, fut := range s.waiters {
		if !fut.Done() {
			s.value--
			s.wake(t, fut, py.True)
			return
		}
	}
}
