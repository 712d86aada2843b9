package datetime

import (
	"fmt"
	"math"
	"math/big"
	"strings"
	"time"

	"loopscope/scenes/lib/timefmt"
	"loopscope/scenes/lib/wallclock"
	"loopscope/scenes/python/py"
)

// DateType is datetime.date; DatetimeType is datetime.datetime, a date.
var (
	DateType     = &py.Type{Name: "date", Module: "datetime", CName: "datetime.date", Base: py.ObjectType}
	DatetimeType = &py.Type{Name: "datetime", Module: "datetime", CName: "datetime.datetime", Base: DateType}
)

// The range of years, as datetime.MINYEAR and MAXYEAR.
const (
	minYear = 1
	maxYear = 9999
)

// Date is a datetime.date.
type Date struct {
	Year, Month, Day int
}

// Datetime is a datetime.datetime: a date, a time of day and an optional
// fixed-offset time zone.
type Datetime struct {
	Date
	Hour, Minute, Second, Micro int
	Tz                          *Timezone // nil: naive
	Fold                        int
}

// Type returns DateType.
func (*Date) Type() *py.Type { return DateType }

// Type returns DatetimeType.
func (*Datetime) Type() *py.Type { return DatetimeType }

// ordinal is the proleptic Gregorian ordinal (1 for 0001-01-01).
func (d *Date) ordinal() int64 { return timefmt.DaysFromCivil(d.Year, d.Month, d.Day) + 719163 }

func dateFromOrdinal(n int64) (Date, error) {
	if n < 1 || n > 3652059 {
		return Date{}, py.Errorf(py.OverflowErrorType, "date value out of range")
	}
	y, m, d := timefmt.CivilFromDays(n - 719163)
	return Date{y, m, d}, nil
}

func checkDate(y, m, d int) error {
	if y < minYear || y > maxYear {
		return py.Errorf(py.ValueErrorType, "year %d is out of range", y)
	}
	if m < 1 || m > 12 {
		return py.Errorf(py.ValueErrorType, "month must be in 1..12")
	}
	if d < 1 || d > timefmt.DaysInMonth(y, m) {
		return py.Errorf(py.ValueErrorType, "day is out of range for month")
	}
	return nil
}

func checkTime(h, mi, s, us int) error {
	switch {
	case h < 0 || h > 23:
		return py.Errorf(py.ValueErrorType, "hour must be in 0..23")
	case mi < 0 || mi > 59:
		return py.Errorf(py.ValueErrorType, "minute must be in 0..59")
	case s < 0 || s > 59:
		return py.Errorf(py.ValueErrorType, "second must be in 0..59")
	case us < 0 || us > 999999:
		return py.Errorf(py.ValueErrorType, "microsecond must be in 0..999999")
	}
	return nil
}

// intArg reads an int argument as the C datetime does.
func intArg(v py.Value) (int, error) {
	switch x := v.(type) {
	case py.Int:
		if x > math.MaxInt32 || x < math.MinInt32 {
			return 0, py.Errorf(py.OverflowErrorType, "signed integer is greater than maximum")
		}
		return int(x), nil
	case py.Bool:
		if x {
			return 1, nil
		}
		return 0, nil
	case *py.BigInt:
		return 0, py.Errorf(py.OverflowErrorType, "signed integer is greater than maximum")
	case py.Float:
		return 0, py.Errorf(py.TypeErrorType, "'float' object cannot be interpreted as an integer")
	}
	return 0, py.Errorf(py.TypeErrorType, "'%s' object cannot be interpreted as an integer", v.Type().Name)
}

func intArgs(vals []py.Value, defaults []int) ([]int, error) {
	out := make([]int, len(vals))
	for i, v := range vals {
		if v == nil {
			out[i] = defaults[i]
			continue
		}
		n, err := intArg(v)
		if err != nil {
			return nil, err
		}
		out[i] = n
	}
	return out, nil
}

// dateNew is date(year, month, day).
func dateNew(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
	a, err := py.ParseArgs("date", args, kw, []string{"year", "month", "day"}, 3)
	if err != nil {
		return nil, err
	}
	n, err := intArgs(a, nil)
	if err != nil {
		return nil, err
	}
	if err := checkDate(n[0], n[1], n[2]); err != nil {
		return nil, err
	}
	return &Date{n[0], n[1], n[2]}, nil
}

// datetimeNew is datetime(year, month, day, hour=0, minute=0, second=0,
// microsecond=0, tzinfo=None, *, fold=0).
func datetimeNew(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
	a, err := py.ParseArgs("datetime", args, kw, []string{"year", "month", "day", "hour", "minute", "second", "microsecond", "tzinfo", "fold"}, 3)
	if err != nil {
		return nil, err
	}
	if len(args) > 8 {
		return nil, py.Errorf(py.TypeErrorType, "function takes at most 8 positional arguments (%d given)", len(args))
	}
	n, err := intArgs(a[:7], []int{0, 0, 0, 0, 0, 0, 0})
	if err != nil {
		return nil, err
	}
	if err := checkDate(n[0], n[1], n[2]); err != nil {
		return nil, err
	}
	if err := checkTime(n[3], n[4], n[5], n[6]); err != nil {
		return nil, err
	}
	tz, err := tzArg(a[7])
	if err != nil {
		return nil, err
	}
	fold := 0
	if a[8] != nil {
		if fold, err = intArg(a[8]); err != nil {
			return nil, err
		}
		if fold != 0 && fold != 1 {
			return nil, py.Errorf(py.ValueErrorType, "fold must be either 0 or 1")
		}
	}
	return &Datetime{Date: Date{n[0], n[1], n[2]}, Hour: n[3], Minute: n[4], Second: n[5], Micro: n[6], Tz: tz, Fold: fold}, nil
}

func tzArg(v py.Value) (*Timezone, error) {
	if v == nil || v == py.None {
		return nil, nil
	}
	tz, ok := v.(*Timezone)
	if !ok {
		return nil, py.Errorf(py.TypeErrorType, "tzinfo argument must be None or of a tzinfo subclass, not type '%s'", v.Type().Name)
	}
	return tz, nil
}

// fromTimestamp is datetime.fromtimestamp(ts, tz): CPython rounds the
// fraction to microseconds, half to even, then breaks the seconds down in
// the local zone (or tz, or UTC).
func fromTimestamp(t *py.Thread, ts py.Value, tz *Timezone, utc bool) (*Datetime, error) {
	var sec int64
	var us int
	switch x := ts.(type) {
	case py.Int:
		sec = int64(x)
	case py.Bool:
		if x {
			sec = 1
		}
	case py.Float:
		f := float64(x)
		if math.IsNaN(f) {
			return nil, py.Errorf(py.ValueErrorType, "Invalid value NaN (not a number)")
		}
		ip, frac := math.Modf(f)
		u := math.RoundToEven(frac * 1e6)
		if u >= 1e6 {
			u -= 1e6
			ip++
		} else if u < 0 {
			u += 1e6
			ip--
		}
		if ip < -1e14 || ip > 1e14 {
			return nil, py.Errorf(py.OverflowErrorType, "timestamp out of range for platform time_t")
		}
		sec, us = int64(ip), int(u)
	case *py.BigInt:
		return nil, py.Errorf(py.OverflowErrorType, "timestamp out of range for platform time_t")
	default:
		return nil, py.Errorf(py.TypeErrorType, "'%s' object cannot be interpreted as an integer", ts.Type().Name)
	}
	var loc *time.Location
	switch {
	case tz != nil:
		loc = time.FixedZone("", int(tz.offsetSeconds()))
	case utc:
		loc = time.UTC
	default:
		var err error
		if loc, err = wallclock.Location(t); err != nil {
			return nil, err
		}
	}
	tt := time.Unix(sec, 0).In(loc)
	if tt.Year() < minYear || tt.Year() > maxYear {
		return nil, py.Errorf(py.ValueErrorType, "year %d is out of range", tt.Year())
	}
	return &Datetime{Date: Date{tt.Year(), int(tt.Month()), tt.Day()}, Hour: tt.Hour(), Minute: tt.Minute(),
		Second: tt.Second(), Micro: us, Tz: tz}, nil
}

// now is the wall clock as a datetime (tz: in that zone; none: local).
func now(t *py.Thread, tz *Timezone, utc bool) (*Datetime, error) {
	h, err := wallclock.Of(t)
	if err != nil {
		return nil, err
	}
	return fromTimestamp(t, py.Float(h.WallTime()), tz, utc)
}

// Attr returns the fields and the methods of a date.
func (d *Date) Attr(t *py.Thread, name string) (py.Value, error) {
	switch name {
	case "year":
		return py.Int(d.Year), nil
	case "month":
		return py.Int(d.Month), nil
	case "day":
		return py.Int(d.Day), nil
	}
	if fn := dateMethod(d, d, name); fn != nil {
		return fn, nil
	}
	return classAttr(DateType, name), nil
}

// dateMethod returns the methods dates and datetimes share, bound to self.
func dateMethod(d *Date, self py.Value, name string) py.Value {
	noArgs := func(fn func() (py.Value, error)) py.Value {
		return method(name, self, func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := py.NoArgs(name, args, kw); err != nil {
				return nil, err
			}
			return fn()
		})
	}
	switch name {
	case "weekday":
		return noArgs(func() (py.Value, error) { return py.Int(timefmt.Weekday(d.Year, d.Month, d.Day)), nil })
	case "isoweekday":
		return noArgs(func() (py.Value, error) { return py.Int(timefmt.Weekday(d.Year, d.Month, d.Day) + 1), nil })
	case "toordinal":
		return noArgs(func() (py.Value, error) { return py.Int(d.ordinal()), nil })
	}
	if _, isDatetime := self.(*Datetime); isDatetime {
		return nil
	}
	switch name {
	case "isoformat":
		return noArgs(func() (py.Value, error) { return py.Str(d.isoformat()), nil })
	case "ctime":
		return noArgs(func() (py.Value, error) { return py.Str(timefmt.Asctime(d.tm(0, 0, 0))), nil })
	case "timetuple":
		return noArgs(func() (py.Value, error) { return structTime(d.tm(0, 0, 0)), nil })
	case "strftime":
		return method(name, self, func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			f, err := formatArg(args, kw)
			if err != nil {
				return nil, err
			}
			return py.Str(strftime(t, f, d.tm(0, 0, 0), 0, nil)), nil
		})
	case "replace":
		return method(name, self, func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			a, err := py.ParseArgs("replace", args, kw, []string{"year", "month", "day"}, 0)
			if err != nil {
				return nil, err
			}
			n, err := intArgs(a, []int{d.Year, d.Month, d.Day})
			if err != nil {
				return nil, err
			}
			if err := checkDate(n[0], n[1], n[2]); err != nil {
				return nil, err
			}
			return &Date{n[0], n[1], n[2]}, nil
		})
	}
	return nil
}

func formatArg(args []py.Value, kw []py.Kwarg) (string, error) {
	a, err := py.ParseArgs("strftime", args, kw, []string{"format"}, 1)
	if err != nil {
		return "", err
	}
	f, ok := a[0].(py.Str)
	if !ok {
		return "", py.Errorf(py.TypeErrorType, "strftime() argument 1 must be str, not %s", a[0].Type().Name)
	}
	return string(f), nil
}

// tm is the date at a time of day as a struct tm (isdst -1, no zone, as
// datetime's timetuple).
func (d *Date) tm(h, mi, s int) timefmt.Tm {
	return timefmt.Tm{Year: d.Year, Mon: d.Month, Mday: d.Day, Hour: h, Min: mi, Sec: s,
		Wday: timefmt.Weekday(d.Year, d.Month, d.Day), Yday: timefmt.YearDay(d.Year, d.Month, d.Day), Isdst: -1}
}

func structTime(tm timefmt.Tm) *wallclock.StructTime {
	s := wallclock.NewStructTime(tm)
	s.Zone, s.Gmtoff = py.None, py.None
	return s
}

func (d *Date) isoformat() string { return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day) }

// Str is the ISO format.
func (d *Date) Str(t *py.Thread) (string, error) { return d.isoformat(), nil }

// Repr is "datetime.date(2026, 12, 7)".
func (d *Date) Repr(t *py.Thread) (string, error) {
	return fmt.Sprintf("datetime.date(%d, %d, %d)", d.Year, d.Month, d.Day), nil
}

// Format is format(date, spec): strftime, or str for an empty spec.
func (d *Date) Format(t *py.Thread, spec string) (string, error) {
	if spec == "" {
		return d.isoformat(), nil
	}
	return strftime(t, spec, d.tm(0, 0, 0), 0, nil), nil
}

// Hash hashes the fields.
func (d *Date) Hash() uint64 {
	h, _ := py.Hash(nil, py.Tuple{py.Int(d.Year), py.Int(d.Month), py.Int(d.Day)})
	return h
}

// Equal compares with another date (a datetime is never equal to a date).
func (d *Date) Equal(t *py.Thread, b py.Value) (bool, error) {
	o, ok := b.(*Date)
	return ok && *o == *d, nil
}

// Cmp orders dates.
func (d *Date) Cmp(t *py.Thread, b py.Value) (int, bool, error) {
	switch o := b.(type) {
	case *Date:
		return cmp64(d.ordinal(), o.ordinal()), true, nil
	case *Datetime:
		return 0, false, py.Errorf(py.TypeErrorType, "can't compare datetime.datetime to datetime.date")
	}
	return 0, false, nil
}

func cmp64(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// BinaryOp is date + timedelta, date - timedelta, date - date.
func (d *Date) BinaryOp(t *py.Thread, op py.BinOp, y py.Value, right bool) (py.Value, error) {
	switch o := y.(type) {
	case *Timedelta:
		if op == py.OpAdd || op == py.OpSub && !right {
			days := o.Days
			if op == py.OpSub {
				days = -days
			}
			nd, err := dateFromOrdinal(d.ordinal() + days)
			if err != nil {
				return nil, err
			}
			return &nd, nil
		}
	case *Date:
		if op == py.OpSub {
			a, b := d, o
			if right {
				a, b = o, d
			}
			return newTimedelta(a.ordinal()-b.ordinal(), 0, 0)
		}
	case *Datetime:
		return nil, nil
	}
	if right {
		return nil, unsupported(op, y, d)
	}
	return nil, unsupported(op, d, y)
}

// The datetime methods.

// Attr returns a datetime's fields and methods.
func (d *Datetime) Attr(t *py.Thread, name string) (py.Value, error) {
	switch name {
	case "year":
		return py.Int(d.Year), nil
	case "month":
		return py.Int(d.Month), nil
	case "day":
		return py.Int(d.Day), nil
	case "hour":
		return py.Int(d.Hour), nil
	case "minute":
		return py.Int(d.Minute), nil
	case "second":
		return py.Int(d.Second), nil
	case "microsecond":
		return py.Int(d.Micro), nil
	case "fold":
		return py.Int(d.Fold), nil
	case "tzinfo":
		if d.Tz == nil {
			return py.None, nil
		}
		return d.Tz, nil
	}
	if fn := dateMethod(&d.Date, d, name); fn != nil {
		return fn, nil
	}
	noArgs := func(fn func() (py.Value, error)) py.Value {
		return method(name, d, func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := py.NoArgs(name, args, kw); err != nil {
				return nil, err
			}
			return fn()
		})
	}
	switch name {
	case "date":
		return noArgs(func() (py.Value, error) { nd := d.Date; return &nd, nil }), nil
	case "ctime":
		return noArgs(func() (py.Value, error) { return py.Str(timefmt.Asctime(d.tm())), nil }), nil
	case "timetuple":
		return noArgs(func() (py.Value, error) { return structTime(d.tm()), nil }), nil
	case "utcoffset":
		return noArgs(func() (py.Value, error) {
			if d.Tz == nil {
				return py.None, nil
			}
			return d.Tz.Offset, nil
		}), nil
	case "tzname":
		return noArgs(func() (py.Value, error) {
			if d.Tz == nil {
				return py.None, nil
			}
			return py.Str(d.Tz.name()), nil
		}), nil
	case "dst":
		return noArgs(func() (py.Value, error) { return py.None, nil }), nil
	case "timestamp":
		return method(name, d, func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := py.NoArgs(name, args, kw); err != nil {
				return nil, err
			}
			us, err := d.epochMicros(t)
			if err != nil {
				return nil, err
			}
			f, _ := new(big.Rat).SetFrac(big.NewInt(us), million).Float64()
			return py.Float(f), nil
		}), nil
	case "isoformat":
		return method(name, d, func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			a, err := py.ParseArgs("isoformat", args, kw, []string{"sep", "timespec"}, 0)
			if err != nil {
				return nil, err
			}
			sep, spec := "T", "auto"
			if a[0] != nil {
				s, ok := a[0].(py.Str)
				if !ok || len([]rune(string(s))) != 1 {
					return nil, py.Errorf(py.TypeErrorType, "isoformat() argument 1 must be a unicode character, not %s", a[0].Type().Name)
				}
				sep = string(s)
			}
			if a[1] != nil {
				s, ok := a[1].(py.Str)
				if !ok {
					return nil, py.Errorf(py.TypeErrorType, "isoformat() argument 2 must be str, not %s", a[1].Type().Name)
				}
				spec = string(s)
			}
			s, err := d.isoformat(sep, spec)
			return py.Str(s), err
		}), nil
	case "strftime":
		return method(name, d, func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			f, err := formatArg(args, kw)
			if err != nil {
				return nil, err
			}
			return py.Str(strftime(t, f, d.tm(), d.Micro, d.Tz)), nil
		}), nil
	case "replace":
		return method(name, d, func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			a, err := py.ParseArgs("replace", args, kw, []string{"year", "month", "day", "hour", "minute", "second", "microsecond", "tzinfo", "fold"}, 0)
			if err != nil {
				return nil, err
			}
			n, err := intArgs(a[:7], []int{d.Year, d.Month, d.Day, d.Hour, d.Minute, d.Second, d.Micro})
			if err != nil {
				return nil, err
			}
			if err := checkDate(n[0], n[1], n[2]); err != nil {
				return nil, err
			}
			if err := checkTime(n[3], n[4], n[5], n[6]); err != nil {
				return nil, err
			}
			tz := d.Tz
			if a[7] != nil {
				if tz, err = tzArg(a[7]); err != nil {
					return nil, err
				}
			}
			fold := d.Fold
			if a[8] != nil {
				if fold, err = intArg(a[8]); err != nil {
					return nil, err
				}
			}
			return &Datetime{Date: Date{n[0], n[1], n[2]}, Hour: n[3], Minute: n[4], Second: n[5], Micro: n[6], Tz: tz, Fold: fold}, nil
		}), nil
	case "astimezone":
		return method(name, d, func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			a, err := py.ParseArgs("astimezone", args, kw, []string{"tz"}, 0)
			if err != nil {
				return nil, err
			}
			tz, err := tzArg(a[0])
			if err != nil {
				return nil, err
			}
			us, err := d.epochMicros(t)
			if err != nil {
				return nil, err
			}
			if tz == nil {
				// The local zone, as a fixed offset named as the zone is.
				loc, err := wallclock.Location(t)
				if err != nil {
					return nil, err
				}
				name, off := time.UnixMicro(us).In(loc).Zone()
				tz = &Timezone{Offset: &Timedelta{Days: int64(floorDiv(off, 86400)), Seconds: int64(off - floorDiv(off, 86400)*86400)}, Name: name, HasName: true}
			}
			return fromEpochMicros(us, tz)
		}), nil
	}
	return classAttr(DatetimeType, name), nil
}

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// tm is the datetime as a struct tm (isdst -1, as timetuple for a naive
// or fixed-offset datetime).
func (d *Datetime) tm() timefmt.Tm { return d.Date.tm(d.Hour, d.Minute, d.Second) }

// dayMicros is the time of day in microseconds.
func (d *Datetime) dayMicros() int64 {
	return ((int64(d.Hour)*60+int64(d.Minute))*60+int64(d.Second))*1e6 + int64(d.Micro)
}

// localMicros is the datetime's fields as microseconds since 0001-01-01,
// ignoring its zone.
func (d *Datetime) localMicros() int64 { return (d.ordinal()-1)*86400e6 + d.dayMicros() }

// utcMicros is localMicros minus the zone's offset (aware datetimes).
func (d *Datetime) utcMicros() int64 {
	m := d.localMicros()
	if d.Tz != nil {
		m -= d.Tz.offsetMicros()
	}
	return m
}

// epochMicros is the instant in microseconds since 1970 (a naive datetime
// is local time).
func (d *Datetime) epochMicros(t *py.Thread) (int64, error) {
	const epoch = 719162 * 86400e6 // 1970-01-01 in localMicros
	if d.Tz != nil {
		return d.utcMicros() - epoch, nil
	}
	loc, err := wallclock.Location(t)
	if err != nil {
		return 0, err
	}
	sec := time.Date(d.Year, time.Month(d.Month), d.Day, d.Hour, d.Minute, d.Second, 0, loc).Unix()
	return sec*1e6 + int64(d.Micro), nil
}

// fromLocalMicros builds a datetime from microseconds since 0001-01-01.
func fromLocalMicros(m int64, tz *Timezone) (*Datetime, error) {
	days := m / 86400e6
	rem := m % 86400e6
	if rem < 0 {
		days--
		rem += 86400e6
	}
	date, err := dateFromOrdinal(days + 1)
	if err != nil {
		return nil, err
	}
	s := rem / 1e6
	return &Datetime{Date: date, Hour: int(s / 3600), Minute: int(s / 60 % 60), Second: int(s % 60), Micro: int(rem % 1e6), Tz: tz}, nil
}

// fromEpochMicros is the instant us (since 1970, UTC) in the fixed zone tz.
func fromEpochMicros(us int64, tz *Timezone) (*Datetime, error) {
	const epoch = 719162 * 86400e6
	return fromLocalMicros(us+epoch+tz.offsetMicros(), tz)
}

func (d *Datetime) isoformat(sep, spec string) (string, error) {
	s := d.Date.isoformat() + sep
	switch spec {
	case "auto":
		s += fmt.Sprintf("%02d:%02d:%02d", d.Hour, d.Minute, d.Second)
		if d.Micro != 0 {
			s += fmt.Sprintf(".%06d", d.Micro)
		}
	case "hours":
		s += fmt.Sprintf("%02d", d.Hour)
	case "minutes":
		s += fmt.Sprintf("%02d:%02d", d.Hour, d.Minute)
	case "seconds":
		s += fmt.Sprintf("%02d:%02d:%02d", d.Hour, d.Minute, d.Second)
	case "milliseconds":
		s += fmt.Sprintf("%02d:%02d:%02d.%03d", d.Hour, d.Minute, d.Second, d.Micro/1000)
	case "microseconds":
		s += fmt.Sprintf("%02d:%02d:%02d.%06d", d.Hour, d.Minute, d.Second, d.Micro)
	default:
		return "", py.Errorf(py.ValueErrorType, "Unknown timespec value")
	}
	if d.Tz != nil {
		s += d.Tz.Offset.offsetString(":")
	}
	return s, nil
}

// Str is isoformat(' ').
func (d *Datetime) Str(t *py.Thread) (string, error) { return d.isoformat(" ", "auto") }

// Repr is "datetime.datetime(2026, 12, 7, 17, 13, 52)".
func (d *Datetime) Repr(t *py.Thread) (string, error) {
	fields := []int{d.Year, d.Month, d.Day, d.Hour, d.Minute, d.Second, d.Micro}
	if fields[6] == 0 {
		fields = fields[:6]
		if fields[5] == 0 {
			fields = fields[:5]
		}
	}
	parts := make([]string, len(fields))
	for i, f := range fields {
		parts[i] = fmt.Sprint(f)
	}
	s := "datetime.datetime(" + strings.Join(parts, ", ")
	if d.Tz != nil {
		r, err := d.Tz.Repr(t)
		if err != nil {
			return "", err
		}
		s += ", tzinfo=" + r
	}
	if d.Fold != 0 {
		s += ", fold=1"
	}
	return s + ")", nil
}

// Format is format(datetime, spec): strftime, or str for an empty spec.
func (d *Datetime) Format(t *py.Thread, spec string) (string, error) {
	if spec == "" {
		return d.Str(t)
	}
	return strftime(t, spec, d.tm(), d.Micro, d.Tz), nil
}

// Hash hashes the instant (aware) or the fields (naive).
func (d *Datetime) Hash() uint64 {
	h, _ := py.Hash(nil, py.Int(d.utcMicros()))
	return h
}

// Equal compares with another datetime: naive with naive, aware with
// aware (as instants); naive and aware are never equal.
func (d *Datetime) Equal(t *py.Thread, b py.Value) (bool, error) {
	o, ok := b.(*Datetime)
	if !ok || (d.Tz == nil) != (o.Tz == nil) {
		return false, nil
	}
	return d.utcMicros() == o.utcMicros(), nil
}

// Cmp orders datetimes.
func (d *Datetime) Cmp(t *py.Thread, b py.Value) (int, bool, error) {
	switch o := b.(type) {
	case *Datetime:
		if (d.Tz == nil) != (o.Tz == nil) {
			return 0, false, py.Errorf(py.TypeErrorType, "can't compare offset-naive and offset-aware datetimes")
		}
		return cmp64(d.utcMicros(), o.utcMicros()), true, nil
	case *Date:
		return 0, false, py.Errorf(py.TypeErrorType, "can't compare datetime.datetime to datetime.date")
	}
	return 0, false, nil
}

// BinaryOp is datetime ± timedelta and datetime - datetime.
func (d *Datetime) BinaryOp(t *py.Thread, op py.BinOp, y py.Value, right bool) (py.Value, error) {
	switch o := y.(type) {
	case *Timedelta:
		if op == py.OpAdd || op == py.OpSub && !right {
			delta := o.micros()
			if op == py.OpSub {
				delta.Neg(delta)
			}
			m := new(big.Int).Add(big.NewInt(d.localMicros()), delta)
			if !m.IsInt64() || m.Sign() < 0 || m.Int64() >= 3652059*86400e6 {
				return nil, py.Errorf(py.OverflowErrorType, "date value out of range")
			}
			nd, err := fromLocalMicros(m.Int64(), d.Tz)
			if err != nil {
				return nil, err
			}
			nd.Fold = 0
			return nd, nil
		}
	case *Datetime:
		if op == py.OpSub {
			a, b := d, o
			if right {
				a, b = o, d
			}
			if (a.Tz == nil) != (b.Tz == nil) {
				return nil, py.Errorf(py.TypeErrorType, "can't subtract offset-naive and offset-aware datetimes")
			}
			return fromMicros(big.NewInt(a.utcMicros() - b.utcMicros()))
		}
	}
	if right {
		return nil, unsupported(op, y, d)
	}
	return nil, unsupported(op, d, y)
}

// strftime is date/datetime.strftime: CPython replaces %f, %z and %Z
// itself (naive: empty), then hands the rest to time.strftime.
func strftime(t *py.Thread, format string, tm timefmt.Tm, micro int, tz *Timezone) string {
	var b strings.Builder
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' || i+1 >= len(format) {
			b.WriteByte(c)
			continue
		}
		i++
		switch format[i] {
		case 'f':
			fmt.Fprintf(&b, "%06d", micro)
		case 'z':
			if tz != nil {
				b.WriteString(tz.Offset.offsetString(""))
			}
		case 'Z':
			if tz != nil {
				b.WriteString(strings.ReplaceAll(tz.name(), "%", "%%"))
			}
		default:
			b.WriteByte('%')
			b.WriteByte(format[i])
		}
	}
	if loc, err := wallclock.Location(t); err == nil {
		tm.Unix = time.Date(tm.Year, time.Month(tm.Mon), tm.Mday, tm.Hour, tm.Min, tm.Sec, 0, loc).Unix()
	}
	return timefmt.Strftime(b.String(), tm)
}
