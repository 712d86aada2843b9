package asyncio

// This file ports CPython 3.11's asyncio/queues.py: Queue with its getter
// and putter futures, PriorityQueue (heapq's order, ties included) and
// LifoQueue, QueueEmpty and QueueFull.

import (
	"fmt"
	"strconv"
	"strings"

	"loopscope/scenes/python/py"
	"loopscope/scenes/trace"
)

// The asyncio.queues types.
var (
	QueueType         = &py.Type{Name: "Queue", Module: "asyncio.queues", Base: py.ObjectType}
	PriorityQueueType = &py.Type{Name: "PriorityQueue", Module: "asyncio.queues", Base: QueueType}
	LifoQueueType     = &py.Type{Name: "LifoQueue", Module: "asyncio.queues", Base: QueueType}
	QueueEmptyType    = py.NewExceptionType("QueueEmpty", "asyncio.queues", py.ExceptionType)
	QueueFullType     = py.NewExceptionType("QueueFull", "asyncio.queues", py.ExceptionType)
)

func init() {
	RegisterAsyncio("Queue", QueueType)
	RegisterAsyncio("PriorityQueue", PriorityQueueType)
	RegisterAsyncio("LifoQueue", LifoQueueType)
	RegisterAsyncio("QueueEmpty", QueueEmptyType)
	RegisterAsyncio("QueueFull", QueueFullType)
	for _, typ := range []*py.Type{QueueType, PriorityQueueType, LifoQueueType} {
		typ := typ
		typ.New = func(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			a, err := parseArgs(typ.Name, args, kw, []string{"maxsize"}, 0)
			if err != nil {
				return nil, err
			}
			maxsize := int64(0)
			if a[0] != nil {
				if maxsize, err = py.AsIndex(a[0]); err != nil {
					return nil, err
				}
			}
			return newQueue(t, maxsize, typ), nil
		}
	}
}

// Queue is asyncio.Queue: a FIFO queue for producer and consumer tasks.
type Queue struct {
	syncObj
	typ        *py.Type // QueueType, PriorityQueueType or LifoQueueType
	maxsize    int64
	items      []py.Value // the deque; items[0] is the next get
	getters    waiterList
	putters    waiterList
	unfinished int64
	finished   *Event // set when every item put has been marked task_done
}

// NewQueue returns an empty queue; maxsize <= 0 means unbounded.
func NewQueue(t *py.Thread, maxsize int64) *Queue { return newQueue(t, maxsize, QueueType) }

// newQueue returns an empty queue of type typ (Queue, PriorityQueue or
// LifoQueue), which the trace names.
func newQueue(t *py.Thread, maxsize int64, typ *py.Type) *Queue {
	q := &Queue{maxsize: maxsize, typ: typ}
	q.init(t, typ.Name, trace.ConceptQueue, 0, func() float64 { return float64(len(q.items)) })
	// The queue's own Event (self._finished) shows as the queue itself:
	// waiting on it is waiting for join().
	q.finished = &Event{syncObj: q.syncObj, value: true}
	q.finished.waitLabel = "join"
	q.finished.internal = true
	return q
}

// Type returns QueueType, PriorityQueueType or LifoQueueType.
func (q *Queue) Type() *py.Type { return q.typ }

// Str is str(q): <Queue maxsize=2 _queue=[1, 2] _getters[1] tasks=2>.
func (q *Queue) Str(t *py.Thread) (string, error) {
	f, err := q.format(t)
	return "<" + q.typ.Name + " " + f + ">", err
}

// Repr is repr(q): like str with the object's address, for which the
// engine shows the trace id.
func (q *Queue) Repr(t *py.Thread) (string, error) {
	f, err := q.format(t)
	return fmt.Sprintf("<%s at %#x %s>", q.typ.Name, q.id, f), err
}

// format is Queue._format.
func (q *Queue) format(t *py.Thread) (string, error) {
	var b strings.Builder
	b.WriteString("maxsize=" + strconv.FormatInt(q.maxsize, 10))
	if len(q.items) > 0 {
		r, err := py.Repr(t, py.NewList(append([]py.Value(nil), q.items...)))
		if err != nil {
			return "", err
		}
		b.WriteString(" _queue=" + r)
	}
	if n := len(q.getters); n > 0 {
		fmt.Fprintf(&b, " _getters[%d]", n)
	}
	if n := len(q.putters); n > 0 {
		fmt.Fprintf(&b, " _putters[%d]", n)
	}
	if q.unfinished != 0 {
		fmt.Fprintf(&b, " tasks=%d", q.unfinished)
	}
	return b.String(), nil
}

// Qsize returns the number of items in the queue.
func (q *Queue) Qsize() int { return len(q.items) }

// Empty reports whether the queue is empty.
func (q *Queue) Empty() bool { return len(q.items) == 0 }

// Full reports whether the queue holds maxsize items (never, when
// unbounded).
func (q *Queue) Full() bool {
	if q.maxsize <= 0 {
		return false
	}
	return int64(len(q.items)) >= q.maxsize
}

// Attr returns Queue's methods and its maxsize.
func (q *Queue) Attr(t *py.Thread, name string) (py.Value, error) {
	switch name {
	case "maxsize":
		return py.Int(q.maxsize), nil
	case "qsize":
		return method(q, "Queue.qsize", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := noArgs("qsize", args, kw); err != nil {
				return nil, err
			}
			return py.Int(len(q.items)), nil
		}), nil
	case "empty":
		return method(q, "Queue.empty", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := noArgs("empty", args, kw); err != nil {
				return nil, err
			}
			return py.Bool(q.Empty()), nil
		}), nil
	case "full":
		return method(q, "Queue.full", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := noArgs("full", args, kw); err != nil {
				return nil, err
			}
			return py.Bool(q.Full()), nil
		}), nil
	case "put":
		return method(q, "Queue.put", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			a, err := parseArgs("put", args, kw, []string{"item"}, 1)
			if err != nil {
				return nil, err
			}
			return q.Put(t, a[0]), nil
		}), nil
	case "put_nowait":
		return method(q, "Queue.put_nowait", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			a, err := parseArgs("put_nowait", args, kw, []string{"item"}, 1)
			if err != nil {
				return nil, err
			}
			if err := q.PutNowait(t, a[0]); err != nil {
				return nil, err
			}
			return py.None, nil
		}), nil
	case "get":
		return method(q, "Queue.get", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := noArgs("get", args, kw); err != nil {
				return nil, err
			}
			return q.Get(t), nil
		}), nil
	case "get_nowait":
		return method(q, "Queue.get_nowait", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := noArgs("get_nowait", args, kw); err != nil {
				return nil, err
			}
			return q.GetNowait(t)
		}), nil
	case "task_done":
		return method(q, "Queue.task_done", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := noArgs("task_done", args, kw); err != nil {
				return nil, err
			}
			if err := q.TaskDone(t); err != nil {
				return nil, err
			}
			return py.None, nil
		}), nil
	case "join":
		return method(q, "Queue.join", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := noArgs("join", args, kw); err != nil {
				return nil, err
			}
			return q.Join(t), nil
		}), nil
	}
	return nil, nil
}

// wakeupNext wakes the first waiter of waiters that isn't done, dropping
// it and every done waiter before it (_wakeup_next).
func (q *Queue) wakeupNext(t *py.Thread, waiters *waiterList) {
	for len(*waiters) > 0 {
		w := (*waiters)[0]
		(*waiters)[0] = nil
		*waiters = (*waiters)[1:]
		if !w.Done() {
			q.wake(t, w, py.None)
			break
		}
	}
}

// PutNowait puts item without blocking, raising QueueFull when full.
func (q *Queue) PutNowait(t *py.Thread, item py.Value) error {
	if q.Full() {
		return py.NewException(QueueFullType)
	}
	if err := q.putItem(t, item); err != nil {
		return err
	}
	q.unfinished++
	q.finished.value = false
	q.opLabel(t, "put", strconv.FormatInt(q.unfinished, 10))
	q.wakeupNext(t, &q.getters)
	return nil
}

// GetNowait removes and returns the next item, raising QueueEmpty when
// there is none.
func (q *Queue) GetNowait(t *py.Thread) (py.Value, error) {
	if len(q.items) == 0 {
		return nil, py.NewException(QueueEmptyType)
	}
	item, err := q.getItem(t)
	if err != nil {
		return nil, err
	}
	q.opLabel(t, "get", strconv.FormatInt(q.unfinished, 10))
	q.wakeupNext(t, &q.putters)
	return item, nil
}

// Put returns the coroutine queue.put(item): while the queue is full, wait
// on a putter future; then put_nowait.
func (q *Queue) Put(t *py.Thread, item py.Value) py.Coroutine {
	var putter *Future
	return newSyncCoro("Queue.put", func(t *py.Thread, state int, send py.Value, throw *py.Exception) (int, py.Value, py.CoroState, error) {
		if state == 1 {
			if throw != nil {
				putter.Cancel(nil)
				q.putters.remove(putter)
				if !q.Full() && !putter.Cancelled() {
					q.wakeupNext(t, &q.putters)
				}
				return -1, nil, py.CoroRaised, throw
			}
		}
		if q.Full() {
			loop, err := q.loop(t)
			if err != nil {
				return -1, nil, py.CoroRaised, err
			}
			putter = q.newFuture(loop, "put")
			q.putters = append(q.putters, putter)
			q.wait(t, putter, "put")
			return suspendOn(1, putter)
		}
		if err := q.PutNowait(t, item); err != nil {
			return -1, nil, py.CoroRaised, err
		}
		return -1, py.None, py.CoroReturned, nil
	})
}

// Get returns the coroutine queue.get(): while the queue is empty, wait on
// a getter future; then get_nowait.
func (q *Queue) Get(t *py.Thread) py.Coroutine {
	var getter *Future
	return newSyncCoro("Queue.get", func(t *py.Thread, state int, send py.Value, throw *py.Exception) (int, py.Value, py.CoroState, error) {
		if state == 1 {
			if throw != nil {
				getter.Cancel(nil)
				q.getters.remove(getter)
				if !q.Empty() && !getter.Cancelled() {
					q.wakeupNext(t, &q.getters)
				}
				return -1, nil, py.CoroRaised, throw
			}
		}
		if q.Empty() {
			loop, err := q.loop(t)
			if err != nil {
				return -1, nil, py.CoroRaised, err
			}
			getter = q.newFuture(loop, "get")
			q.getters = append(q.getters, getter)
			q.wait(t, getter, "get")
			return suspendOn(1, getter)
		}
		v, err := q.GetNowait(t)
		if err != nil {
			return -1, nil, py.CoroRaised, err
		}
		return -1, v, py.CoroReturned, nil
	})
}

// TaskDone marks one item as processed; join() returns once every item
// put has been.
func (q *Queue) TaskDone(t *py.Thread) error {
	if q.unfinished <= 0 {
		return py.Errorf(py.ValueErrorType, "task_done() called too many times")
	}
	q.unfinished--
	q.opLabel(t, "task_done", strconv.FormatInt(q.unfinished, 10))
	if q.unfinished == 0 {
		q.finished.Set(t)
	}
	return nil
}

// Join returns the coroutine queue.join().
func (q *Queue) Join(t *py.Thread) py.Coroutine {
	var inner py.Coroutine
	return newSyncCoro("Queue.join", func(t *py.Thread, state int, send py.Value, throw *py.Exception) (int, py.Value, py.CoroState, error) {
		if state == 0 {
			if q.unfinished <= 0 {
				return -1, py.None, py.CoroReturned, nil
			}
			inner = q.finished.Wait(t)
			send, throw = py.None, nil
		}
		v, st, err := inner.Resume(t, send, throw)
		switch {
		case err != nil:
			return -1, nil, py.CoroRaised, err
		case st == py.CoroYielded:
			return 1, v, py.CoroYielded, nil
		}
		return -1, py.None, py.CoroReturned, nil
	})
}

// putItem is _put: append (Queue, LifoQueue) or heappush (PriorityQueue).
func (q *Queue) putItem(t *py.Thread, item py.Value) error {
	q.items = append(q.items, item)
	if q.typ == PriorityQueueType {
		return siftDown(t, q.items, 0, len(q.items)-1)
	}
	return nil
}

// getItem is _get: popleft (Queue), pop (LifoQueue) or heappop
// (PriorityQueue).
func (q *Queue) getItem(t *py.Thread) (py.Value, error) {
	n := len(q.items)
	switch q.typ {
	case LifoQueueType:
		item := q.items[n-1]
		q.items[n-1] = nil
		q.items = q.items[:n-1]
		return item, nil
	case PriorityQueueType:
		last := q.items[n-1]
		q.items[n-1] = nil
		q.items = q.items[:n-1]
		if len(q.items) == 0 {
			return last, nil
		}
		item := q.items[0]
		q.items[0] = last
		return item, siftUp(t, q.items, 0)
	}
	item := q.items[0]
	q.items[0] = nil
	q.items = q.items[1:]
	return item, nil
}

func less(t *py.Thread, a, b py.Value) (bool, error) { return py.Compare(t, py.OpLT, a, b) }

// siftDown is heapq._siftdown: move heap[pos] up towards startpos.
func siftDown(t *py.Thread, heap []py.Value, startpos, pos int) error {
	newitem := heap[pos]
	for pos > startpos {
		parentpos := (pos - 1) >> 1
		parent := heap[parentpos]
		lt, err := less(t, newitem, parent)
		if err != nil {
			return err
		}
		if !lt {
			break
		}
		heap[pos] = parent
		pos = parentpos
	}
	heap[pos] = newitem
	return nil
}

// siftUp is heapq._siftup: move the smaller child up until a leaf, then
// sift the item down into place.
func siftUp(t *py.Thread, heap []py.Value, pos int) error {
	endpos := len(heap)
	startpos := pos
	newitem := heap[pos]
	childpos := 2*pos + 1
	for childpos < endpos {
		if rightpos := childpos + 1; rightpos < endpos {
			lt, err := less(t, heap[childpos], heap[rightpos])
			if err != nil {
				return err
			}
			if !lt {
				childpos = rightpos
			}
		}
		heap[pos] = heap[childpos]
		pos = childpos
		childpos = 2*pos + 1
	}
	heap[pos] = newitem
	return siftDown(t, heap, startpos, pos)
}
