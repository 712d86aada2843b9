// Package wallclock is the scenes' wall clock: the real time when the run
// started (the CLI and the page pass it in; tests fix it) plus the virtual
// time elapsed since, in the run's time zone. It gives the time module its
// calendar functions (time, time_ns, localtime, gmtime, mktime, strftime,
// asctime, ctime, struct_time), which tools/vclock/vclock.py patches into
// CPython the same way; package datetime and package logging read the
// same clock.
package wallclock

import (
	"math"
	"time"

	"loopscope/scenes/lib/timefmt"
	"loopscope/scenes/python/py"
)

// Host is what a run's host (*asyncio.Machine) provides for the wall clock.
type Host interface {
	// WallTime is time.time(): the start plus the virtual time elapsed.
	WallTime() float64
	// WallStart is what WallTime read when the virtual clock was 0.0.
	WallStart() float64
	// WallTimeNS is time.time_ns().
	WallTimeNS() int64
	// Location is the run's local time zone.
	Location() *time.Location
}

// Of returns the wall clock of t's run.
func Of(t *py.Thread) (Host, error) {
	h, ok := t.Host.(Host)
	if !ok {
		return nil, py.Errorf(py.RuntimeErrorType, "this run has no wall clock")
	}
	return h, nil
}

// Now returns the wall clock's current instant in the run's time zone.
func Now(t *py.Thread) (time.Time, error) {
	h, err := Of(t)
	if err != nil {
		return time.Time{}, err
	}
	return time.Unix(0, h.WallTimeNS()).In(h.Location()), nil
}

// Location returns the run's local time zone.
func Location(t *py.Thread) (*time.Location, error) {
	h, err := Of(t)
	if err != nil {
		return nil, err
	}
	return h.Location(), nil
}

// StructTimeType is time.struct_time.
var StructTimeType = &py.Type{Name: "struct_time", Module: "time", Base: py.TupleType}

// StructTime is a time.struct_time: a tuple of 9 fields with names, and
// the zone's abbreviation and offset (tm_zone, tm_gmtoff) outside the
// tuple.
type StructTime struct {
	Fields py.Tuple // tm_year .. tm_isdst
	Zone   py.Value // Str, or None
	Gmtoff py.Value // Int, or None
}

var fieldNames = [...]string{"tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst"}

// NewStructTime returns tm as a struct_time.
func NewStructTime(tm timefmt.Tm) *StructTime {
	return &StructTime{
		Fields: py.Tuple{py.Int(tm.Year), py.Int(tm.Mon), py.Int(tm.Mday), py.Int(tm.Hour), py.Int(tm.Min),
			py.Int(tm.Sec), py.Int(tm.Wday), py.Int(tm.Yday), py.Int(tm.Isdst)},
		Zone:   py.Str(tm.Zone),
		Gmtoff: py.Int(tm.Gmtoff),
	}
}

// Type returns StructTimeType.
func (*StructTime) Type() *py.Type { return StructTimeType }

// Len is 9, as len(struct_time).
func (s *StructTime) Len() int { return len(s.Fields) }

// GetItem indexes and slices the 9 fields.
func (s *StructTime) GetItem(t *py.Thread, k py.Value) (py.Value, error) {
	return py.GetItem(t, s.Fields, k)
}

// Iter iterates the 9 fields.
func (s *StructTime) Iter(t *py.Thread) (py.Iterator, error) {
	return py.GetIter(t, s.Fields)
}

// Attr returns tm_year ... tm_gmtoff.
func (s *StructTime) Attr(t *py.Thread, name string) (py.Value, error) {
	for i, n := range fieldNames {
		if n == name {
			return s.Fields[i], nil
		}
	}
	switch name {
	case "tm_zone":
		return s.Zone, nil
	case "tm_gmtoff":
		return s.Gmtoff, nil
	case "n_fields":
		return py.Int(11), nil
	case "n_sequence_fields":
		return py.Int(9), nil
	}
	return nil, nil
}

// Repr is "time.struct_time(tm_year=2026, ..., tm_isdst=0)".
func (s *StructTime) Repr(t *py.Thread) (string, error) {
	out := "time.struct_time("
	for i, n := range fieldNames {
		r, err := py.Repr(t, s.Fields[i])
		if err != nil {
			return "", err
		}
		if i > 0 {
			out += ", "
		}
		out += n + "=" + r
	}
	return out + ")", nil
}

// Equal compares the 9 fields with a tuple or another struct_time.
func (s *StructTime) Equal(t *py.Thread, b py.Value) (bool, error) {
	switch b := b.(type) {
	case py.Tuple:
		return py.Equal(t, s.Fields, b)
	case *StructTime:
		return py.Equal(t, s.Fields, b.Fields)
	}
	return false, nil
}

// Hash hashes the 9 fields as a tuple does.
func (s *StructTime) Hash() uint64 {
	h, _ := py.Hash(nil, s.Fields)
	return h
}

// Members returns the time module's wall-clock members, to be merged with
// its sleep and its monotonic clocks.
func Members() map[string]py.Value {
	return map[string]py.Value{
		"time":    py.NewBuiltin("time", timeTime),
		"time_ns": py.NewBuiltin("time_ns", timeTimeNS),
		"localtime": py.NewBuiltin("localtime", func(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			return breakDown(t, "localtime", args, kw, false)
		}),
		"gmtime": py.NewBuiltin("gmtime", func(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			return breakDown(t, "gmtime", args, kw, true)
		}),
		"mktime":      py.NewBuiltin("mktime", timeMktime),
		"strftime":    py.NewBuiltin("strftime", timeStrftime),
		"asctime":     py.NewBuiltin("asctime", timeAsctime),
		"ctime":       py.NewBuiltin("ctime", timeCtime),
		"struct_time": StructTimeType,
	}
}

func init() {
	StructTimeType.New = newStructTime
}

func checkArgs(fname string, args []py.Value, kw []py.Kwarg, max int) error {
	if len(kw) > 0 {
		return py.Errorf(py.TypeErrorType, "%s() takes no keyword arguments", fname)
	}
	if len(args) > max {
		if max == 0 {
			return py.Errorf(py.TypeErrorType, "%s() takes no arguments (%d given)", fname, len(args))
		}
		return py.Errorf(py.TypeErrorType, "%s expected at most %d argument%s, got %d", fname, max, map[bool]string{true: "", false: "s"}[max == 1], len(args))
	}
	return nil
}

func timeTime(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
	if err := checkArgs("time", args, kw, 0); err != nil {
		return nil, err
	}
	h, err := Of(t)
	if err != nil {
		return nil, err
	}
	return py.Float(h.WallTime()), nil
}

func timeTimeNS(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
	if err := checkArgs("time_ns", args, kw, 0); err != nil {
		return nil, err
	}
	h, err := Of(t)
	if err != nil {
		return nil, err
	}
	return py.Int(h.WallTimeNS()), nil
}

// seconds reads a timestamp argument (None or missing: now) as whole
// seconds rounded towards minus infinity, as time.localtime does.
func seconds(t *py.Thread, args []py.Value) (int64, error) {
	if len(args) == 0 || args[0] == py.None {
		h, err := Of(t)
		if err != nil {
			return 0, err
		}
		return floorDivNS(h.WallTimeNS()), nil
	}
	switch x := args[0].(type) {
	case py.Int:
		return int64(x), nil
	case py.Bool:
		if x {
			return 1, nil
		}
		return 0, nil
	case py.Float:
		f := float64(x)
		if math.IsNaN(f) {
			return 0, py.Errorf(py.ValueErrorType, "Invalid value NaN (not a number)")
		}
		f = math.Floor(f)
		if f < -1e17 || f > 1e17 {
			return 0, py.Errorf(py.OverflowErrorType, "timestamp out of range for platform time_t")
		}
		return int64(f), nil
	case *py.BigInt:
		return 0, py.Errorf(py.OverflowErrorType, "timestamp out of range for platform time_t")
	}
	return 0, py.Errorf(py.TypeErrorType, "'%s' object cannot be interpreted as an integer", args[0].Type().Name)
}

func floorDivNS(ns int64) int64 {
	s := ns / 1e9
	if ns%1e9 < 0 {
		s--
	}
	return s
}

// maxYear bounds the years struct_time can hold (glibc's gmtime fails
// past int years; CPython reports it as an OverflowError).
const maxYear = 1 << 30

func breakDown(t *py.Thread, fname string, args []py.Value, kw []py.Kwarg, utc bool) (py.Value, error) {
	if err := checkArgs(fname, args, kw, 1); err != nil {
		return nil, err
	}
	sec, err := seconds(t, args)
	if err != nil {
		return nil, err
	}
	loc := time.UTC
	if !utc {
		if loc, err = Location(t); err != nil {
			return nil, err
		}
	}
	tt := time.Unix(sec, 0).In(loc)
	if y := tt.Year(); y > maxYear || y < -maxYear {
		return nil, py.Errorf(py.OverflowErrorType, "timestamp out of range for platform time_t")
	}
	tm := timefmt.FromTime(tt)
	if utc {
		tm.Zone = "GMT" // glibc's gmtime
	}
	return NewStructTime(tm), nil
}

// tmArg converts a struct_time or a 9-tuple as CPython's gettmarg and
// checktm do, with strftime's normalisation of zero fields when forStrftime.
func tmArg(t *py.Thread, fname string, v py.Value, forStrftime bool) (timefmt.Tm, error) {
	var fields py.Tuple
	var zone py.Value = py.None
	var gmtoff py.Value = py.None
	switch x := v.(type) {
	case *StructTime:
		fields, zone, gmtoff = x.Fields, x.Zone, x.Gmtoff
	case py.Tuple:
		fields = x
	default:
		return timefmt.Tm{}, py.Errorf(py.TypeErrorType, "Tuple or struct_time argument required")
	}
	if len(fields) != 9 {
		return timefmt.Tm{}, py.Errorf(py.TypeErrorType, "%s(): illegal time tuple argument", fname)
	}
	var n [9]int
	for i, f := range fields {
		switch x := f.(type) {
		case py.Int:
			if x > math.MaxInt32 || x < math.MinInt32 {
				return timefmt.Tm{}, py.Errorf(py.OverflowErrorType, "Python int too large to convert to C int")
			}
			n[i] = int(x)
		case py.Bool:
			if x {
				n[i] = 1
			}
		case *py.BigInt:
			return timefmt.Tm{}, py.Errorf(py.OverflowErrorType, "Python int too large to convert to C int")
		case py.Float:
			return timefmt.Tm{}, py.Errorf(py.TypeErrorType, "'float' object cannot be interpreted as an integer")
		default:
			return timefmt.Tm{}, py.Errorf(py.TypeErrorType, "'%s' object cannot be interpreted as an integer", f.Type().Name)
		}
	}
	tm := timefmt.Tm{Year: n[0], Mon: n[1], Mday: n[2], Hour: n[3], Min: n[4], Sec: n[5], Wday: n[6], Yday: n[7], Isdst: n[8]}
	if s, ok := zone.(py.Str); ok {
		tm.Zone = string(s)
	}
	if g, ok := gmtoff.(py.Int); ok {
		tm.Gmtoff = int(g)
	}
	if forStrftime {
		if tm.Mon == 0 {
			tm.Mon = 1
		}
		if tm.Mday == 0 {
			tm.Mday = 1
		}
		if tm.Yday == 0 {
			tm.Yday = 1
		}
	}
	// checktm, on C's fields (tm_mon and tm_yday 0-based, tm_wday Sunday=0).
	cwday := (tm.Wday + 1) % 7
	switch {
	case tm.Mon < 1 || tm.Mon > 12:
		return tm, py.Errorf(py.ValueErrorType, "month out of range")
	case tm.Mday < 1 || tm.Mday > 31:
		return tm, py.Errorf(py.ValueErrorType, "day of month out of range")
	case tm.Hour < 0 || tm.Hour > 23:
		return tm, py.Errorf(py.ValueErrorType, "hour out of range")
	case tm.Min < 0 || tm.Min > 59:
		return tm, py.Errorf(py.ValueErrorType, "minute out of range")
	case tm.Sec < 0 || tm.Sec > 61:
		return tm, py.Errorf(py.ValueErrorType, "seconds out of range")
	case cwday < 0:
		return tm, py.Errorf(py.ValueErrorType, "day of week out of range")
	case tm.Yday < 1 || tm.Yday > 366:
		return tm, py.Errorf(py.ValueErrorType, "day of year out of range")
	}
	tm.Wday = (cwday + 6) % 7
	if tm.Isdst < -1 {
		tm.Isdst = -1
	} else if tm.Isdst > 1 {
		tm.Isdst = 1
	}
	if _, isStruct := v.(*StructTime); !isStruct || zone == py.None {
		// A plain tuple carries no zone: glibc names the local one.
		if loc, err := Location(t); err == nil {
			tm.Zone, _ = time.Date(tm.Year, time.Month(tm.Mon), tm.Mday, tm.Hour, tm.Min, tm.Sec, 0, loc).Zone()
		}
	}
	tm.Unix = mktime(tm, t)
	return tm, nil
}

// mktime is the local instant of tm's fields (the run's time zone).
func mktime(tm timefmt.Tm, t *py.Thread) int64 {
	loc, err := Location(t)
	if err != nil {
		loc = time.UTC
	}
	return time.Date(tm.Year, time.Month(tm.Mon), tm.Mday, tm.Hour, tm.Min, tm.Sec, 0, loc).Unix()
}

func timeMktime(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
	if len(kw) > 0 || len(args) != 1 {
		return nil, py.Errorf(py.TypeErrorType, "time.mktime() takes exactly one argument (%d given)", len(args)+len(kw))
	}
	fields, ok := args[0].(py.Tuple)
	if st, isStruct := args[0].(*StructTime); isStruct {
		fields, ok = st.Fields, true
	}
	if !ok {
		return nil, py.Errorf(py.TypeErrorType, "Tuple or struct_time argument required")
	}
	if len(fields) != 9 {
		return nil, py.Errorf(py.TypeErrorType, "mktime(): illegal time tuple argument")
	}
	var n [6]int
	for i := range n {
		x, ok := fields[i].(py.Int)
		if !ok {
			return nil, py.Errorf(py.TypeErrorType, "'%s' object cannot be interpreted as an integer", fields[i].Type().Name)
		}
		n[i] = int(x)
	}
	loc, err := Location(t)
	if err != nil {
		return nil, err
	}
	return py.Float(float64(time.Date(n[0], time.Month(n[1]), n[2], n[3], n[4], n[5], 0, loc).Unix())), nil
}

func timeStrftime(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
	if len(kw) > 0 {
		return nil, py.Errorf(py.TypeErrorType, "strftime() takes no keyword arguments")
	}
	if len(args) < 1 || len(args) > 2 {
		return nil, py.Errorf(py.TypeErrorType, "strftime() takes at least 1 argument (%d given)", len(args))
	}
	format, ok := args[0].(py.Str)
	if !ok {
		return nil, py.Errorf(py.TypeErrorType, "strftime() argument 1 must be str, not %s", args[0].Type().Name)
	}
	var tm timefmt.Tm
	if len(args) == 2 {
		var err error
		if tm, err = tmArg(t, "strftime", args[1], true); err != nil {
			return nil, err
		}
	} else {
		now, err := Now(t)
		if err != nil {
			return nil, err
		}
		tm = timefmt.FromTime(now)
	}
	for _, r := range string(format) {
		if r == 0 {
			return nil, py.Errorf(py.ValueErrorType, "embedded null character")
		}
	}
	return py.Str(timefmt.Strftime(string(format), tm)), nil
}

func timeAsctime(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
	if err := checkArgs("asctime", args, kw, 1); err != nil {
		return nil, err
	}
	if len(args) == 0 {
		now, err := Now(t)
		if err != nil {
			return nil, err
		}
		return py.Str(timefmt.Asctime(timefmt.FromTime(now))), nil
	}
	tm, err := tmArg(t, "asctime", args[0], false)
	if err != nil {
		return nil, err
	}
	return py.Str(timefmt.Asctime(tm)), nil
}

func timeCtime(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
	if err := checkArgs("ctime", args, kw, 1); err != nil {
		return nil, err
	}
	sec, err := seconds(t, args)
	if err != nil {
		return nil, err
	}
	loc, err := Location(t)
	if err != nil {
		return nil, err
	}
	return py.Str(timefmt.Asctime(timefmt.FromTime(time.Unix(sec, 0).In(loc)))), nil
}

// newStructTime is time.struct_time(seq): a sequence of 9 to 11 items.
func newStructTime(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
	if len(kw) > 0 || len(args) != 1 {
		return nil, py.Errorf(py.TypeErrorType, "time.struct_time() takes exactly 1 positional argument")
	}
	var items []py.Value
	if err := py.Iterate(t, args[0], func(v py.Value) error { items = append(items, v); return nil }); err != nil {
		return nil, err
	}
	if len(items) < 9 {
		return nil, py.Errorf(py.TypeErrorType, "time.struct_time() takes an at least 9-sequence (%d-sequence given)", len(items))
	}
	if len(items) > 11 {
		return nil, py.Errorf(py.TypeErrorType, "time.struct_time() takes an at most 11-sequence (%d-sequence given)", len(items))
	}
	s := &StructTime{Fields: py.Tuple(append([]py.Value(nil), items[:9]...)), Zone: py.None, Gmtoff: py.None}
	if len(items) > 9 {
		s.Zone = items[9]
	}
	if len(items) > 10 {
		s.Gmtoff = items[10]
	}
	return s, nil
}
