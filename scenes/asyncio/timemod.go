package asyncio

// This file is the `time` module of scenes: sleep blocks the calling
// thread in virtual time, and every clock reads the virtual clock, which
// starts at 0.0 (as tools/vclock/vclock.py patches CPython's).

import (
	"fmt"
	"math"

	"loopscope/scenes/python/modules"
	"loopscope/scenes/python/py"
)

func init() {
	registerModule(timeSpec, newTimeModule)
}

// timeSpec is time's entry in the module registry.
var timeSpec = &modules.Spec{
	Name: "time",
	Doc: "Clocks that read the virtual clock, which starts at 0.0 when the scene starts, and " +
		"sleep(), which blocks the calling thread (and its event loop) in virtual time.",
	Members: []modules.Member{
		{Name: "monotonic", Doc: "The virtual clock, in seconds."},
		{Name: "monotonic_ns", Doc: "The virtual clock, in nanoseconds."},
		{Name: "perf_counter", Doc: "The virtual clock, in seconds."},
		{Name: "perf_counter_ns", Doc: "The virtual clock, in nanoseconds."},
		{Name: "sleep", Doc: "Block the calling thread for some seconds of virtual time (an event loop on it stalls)."},
		{Name: "time", Doc: "The virtual clock, in seconds."},
		{Name: "time_ns", Doc: "The virtual clock, in nanoseconds."},
	},
}

func newTimeModule(m *Machine) py.Value {
	clock := func(name string) *py.Builtin {
		return py.NewBuiltin(name, func(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := noArgs(name, args, kw); err != nil {
				return nil, err
			}
			return py.Float(machineOf(t).Now()), nil
		})
	}
	clockNS := func(name string) *py.Builtin {
		return py.NewBuiltin(name, func(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := noArgs(name, args, kw); err != nil {
				return nil, err
			}
			// vclock: int(now * 1e9).
			return py.Int(int64(machineOf(t).Now() * 1e9)), nil
		})
	}
	return py.NewModule("time", map[string]py.Value{
		"sleep":           py.NewBuiltin("sleep", timeSleep),
		"time":            clock("time"),
		"monotonic":       clock("monotonic"),
		"perf_counter":    clock("perf_counter"),
		"time_ns":         clockNS("time_ns"),
		"monotonic_ns":    clockNS("monotonic_ns"),
		"perf_counter_ns": clockNS("perf_counter_ns"),
	})
}

// timeSleep is time.sleep(secs): the calling thread blocks until
// now + secs. On a thread running an event loop, the loop stalls: nothing
// else on it runs, and the trace marks the block with the blocking
// concept. time.sleep(0) is still a blocking point: the thread goes behind
// the threads already runnable.
func timeSleep(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
	if len(kw) > 0 {
		return nil, py.Errorf(py.TypeErrorType, "time.sleep() takes no keyword arguments")
	}
	if len(args) != 1 {
		return nil, py.Errorf(py.TypeErrorType, "time.sleep() takes exactly one argument (%d given)", len(args))
	}
	var secs float64
	switch x := args[0].(type) {
	case py.Int:
		secs = float64(x)
	case py.Bool:
		if x {
			secs = 1
		}
	case py.Float:
		secs = float64(x)
		if math.IsNaN(secs) {
			return nil, py.Errorf(py.ValueErrorType, "Invalid value NaN (not a number)")
		}
	default:
		return nil, py.Errorf(py.TypeErrorType, "'%s' object cannot be interpreted as an integer", args[0].Type().Name)
	}
	if secs < 0 {
		return nil, py.Errorf(py.ValueErrorType, "sleep length must be non-negative")
	}
	m := machineOf(t)
	repr, _ := py.Repr(t, args[0])
	return m.WaitOn(t, Wait{
		What:     fmt.Sprintf("time.sleep(%s)", repr),
		Deadline: m.Now() + secs,
		Concept:  blockingConcept(ThreadOf(t)),
	})
}
