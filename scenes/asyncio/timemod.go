package asyncio

// This file is the `time` module of scenes: sleep blocks the calling
// thread in virtual time; monotonic and perf_counter read the virtual
// clock, which starts at 0.0; time, time_ns and the calendar functions
// read the wall clock (package wallclock), the run's start plus the
// virtual time elapsed (as tools/vclock/vclock.py patches CPython's).

import (
	"fmt"
	"math"

	"loopscope/scenes/lib/wallclock"
	"loopscope/scenes/python/modules"
	"loopscope/scenes/python/py"
)

func init() {
	registerModule(timeSpec, newTimeModule)
}

// timeSpec is time's entry in the module registry.
var timeSpec = &modules.Spec{
	Name: "time",
	Doc: "Clocks that read the virtual clock, which starts at 0.0 when the scene starts; " +
		"the wall clock (time(), strftime(), localtime()...), which is the real time when the run " +
		"starts (the CLI's -wall-clock fixes it) plus the virtual time elapsed, in the local time zone; and " +
		"sleep(), which blocks the calling thread (and its event loop) in virtual time.",
	Members: []modules.Member{
		{Name: "asctime", Doc: "A struct_time (default: now) as 'Mon Dec  7 17:13:52 2026'."},
		{Name: "ctime", Doc: "Seconds since the epoch (default: now) as 'Mon Dec  7 17:13:52 2026', local time."},
		{Name: "gmtime", Doc: "Seconds since the epoch (default: now) as a struct_time in UTC."},
		{Name: "localtime", Doc: "Seconds since the epoch (default: now) as a struct_time in the local time zone."},
		{Name: "mktime", Doc: "The inverse of localtime(): a struct_time's seconds since the epoch."},
		{Name: "monotonic", Doc: "The virtual clock, in seconds."},
		{Name: "monotonic_ns", Doc: "The virtual clock, in nanoseconds."},
		{Name: "perf_counter", Doc: "The virtual clock, in seconds."},
		{Name: "perf_counter_ns", Doc: "The virtual clock, in nanoseconds."},
		{Name: "sleep", Doc: "Block the calling thread for some seconds of virtual time (an event loop on it stalls)."},
		{Name: "strftime", Doc: "Format a struct_time (default: now) as glibc's strftime does: %X, %H:%M:%S, %Y-%m-%d, %-d..."},
		{Name: "struct_time", Doc: "The broken-down time: a 9-tuple with tm_year ... tm_isdst, tm_zone and tm_gmtoff."},
		{Name: "time", Doc: "The wall clock, in seconds since the epoch: the run's start plus the virtual time elapsed."},
		{Name: "time_ns", Doc: "The wall clock, in nanoseconds since the epoch."},
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
	members := wallclock.Members()
	members["sleep"] = py.NewBuiltin("sleep", timeSleep)
	members["monotonic"] = clock("monotonic")
	members["perf_counter"] = clock("perf_counter")
	members["monotonic_ns"] = clockNS("monotonic_ns")
	members["perf_counter_ns"] = clockNS("perf_counter_ns")
	return py.NewModule("time", members)
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
