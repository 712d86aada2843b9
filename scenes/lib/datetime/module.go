// Package datetime is the datetime module of scenes: timedelta, date,
// datetime and fixed-offset timezones, as CPython 3.11's, with now(),
// today() and utcnow() reading the scene's wall clock (package wallclock:
// the run's start plus the virtual time elapsed, in the local zone).
package datetime

import (
	"regexp"
	"strconv"

	"loopscope/scenes/python/modules"
	"loopscope/scenes/python/py"
)

var spec = &modules.Spec{
	Name: "datetime",
	Doc: "Dates, times and durations. now(), today() and utcnow() read the scene's wall clock: " +
		"the real time when the run starts (the CLI's -wall-clock fixes it) plus the virtual time elapsed, " +
		"in the local time zone. Time zones are fixed offsets (timezone, timezone.utc).",
	Members: []modules.Member{
		{Name: "MAXYEAR", Doc: "9999, the largest year a date can have."},
		{Name: "MINYEAR", Doc: "1, the smallest year a date can have."},
		{Name: "date", Doc: "date(year, month, day); date.today(), fromtimestamp(), fromisoformat(); isoformat(), strftime(), weekday(), replace(), arithmetic with timedelta."},
		{Name: "datetime", Doc: "datetime(year, month, day, hour=0, minute=0, second=0, microsecond=0, tzinfo=None); now(tz=None), today(), utcnow(), fromtimestamp(), fromisoformat(); isoformat(), strftime(), timestamp(), date(), replace(), astimezone(), arithmetic with timedelta."},
		{Name: "timedelta", Doc: "timedelta(days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0, weeks=0): a duration; total_seconds(), arithmetic, comparisons."},
		{Name: "timezone", Doc: "timezone(offset, name=None): a fixed offset from UTC; timezone.utc."},
		{Name: "tzinfo", Doc: "The base class of time zones (isinstance checks only)."},
	},
}

func init() {
	TimedeltaType.New = timedeltaNew
	DateType.New = dateNew
	DatetimeType.New = datetimeNew
	TimezoneType.New = timezoneNew
	TimedeltaType.Attrs = map[string]py.Value{
		"min":        &Timedelta{Days: -maxDays},
		"max":        &Timedelta{Days: maxDays, Seconds: 86399, Micro: 999999},
		"resolution": &Timedelta{Micro: 1},
	}
	DateType.Attrs = map[string]py.Value{
		"min":        &Date{1, 1, 1},
		"max":        &Date{9999, 12, 31},
		"resolution": &Timedelta{Days: 1},
		"today": py.NewBuiltin("today", func(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := py.NoArgs("today", args, kw); err != nil {
				return nil, err
			}
			d, err := now(t, nil, false)
			if err != nil {
				return nil, err
			}
			return &d.Date, nil
		}),
		"fromtimestamp": py.NewBuiltin("fromtimestamp", func(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			a, err := py.ParseArgs("fromtimestamp", args, kw, []string{"timestamp"}, 1)
			if err != nil {
				return nil, err
			}
			d, err := fromTimestamp(t, a[0], nil, false)
			if err != nil {
				return nil, err
			}
			return &d.Date, nil
		}),
		"fromordinal": py.NewBuiltin("fromordinal", func(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			a, err := py.ParseArgs("fromordinal", args, kw, []string{"ordinal"}, 1)
			if err != nil {
				return nil, err
			}
			n, err := intArg(a[0])
			if err != nil {
				return nil, err
			}
			if n < 1 {
				return nil, py.Errorf(py.ValueErrorType, "ordinal must be >= 1")
			}
			d, err := dateFromOrdinal(int64(n))
			if err != nil {
				return nil, py.Errorf(py.ValueErrorType, "year %d is out of range", 10000)
			}
			return &d, nil
		}),
		"fromisoformat": py.NewBuiltin("fromisoformat", func(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			s, err := isoArg(args, kw)
			if err != nil {
				return nil, err
			}
			d, ok := parseISODate(s)
			if !ok || len(s) != 10 && len(s) != 8 {
				return nil, py.Errorf(py.ValueErrorType, "Invalid isoformat string: %s", py.StrRepr(s))
			}
			return &d, nil
		}),
	}
	DatetimeType.Attrs = map[string]py.Value{
		"min":        &Datetime{Date: Date{1, 1, 1}},
		"max":        &Datetime{Date: Date{9999, 12, 31}, Hour: 23, Minute: 59, Second: 59, Micro: 999999},
		"resolution": &Timedelta{Micro: 1},
		"now": py.NewBuiltin("now", func(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			a, err := py.ParseArgs("now", args, kw, []string{"tz"}, 0)
			if err != nil {
				return nil, err
			}
			tz, err := tzArg(a[0])
			if err != nil {
				return nil, err
			}
			return now(t, tz, false)
		}),
		"today": py.NewBuiltin("today", func(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := py.NoArgs("today", args, kw); err != nil {
				return nil, err
			}
			return now(t, nil, false)
		}),
		"utcnow": py.NewBuiltin("utcnow", func(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := py.NoArgs("utcnow", args, kw); err != nil {
				return nil, err
			}
			return now(t, nil, true)
		}),
		"fromtimestamp": py.NewBuiltin("fromtimestamp", func(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			a, err := py.ParseArgs("fromtimestamp", args, kw, []string{"timestamp", "tz"}, 1)
			if err != nil {
				return nil, err
			}
			tz, err := tzArg(a[1])
			if err != nil {
				return nil, err
			}
			return fromTimestamp(t, a[0], tz, false)
		}),
		"utcfromtimestamp": py.NewBuiltin("utcfromtimestamp", func(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			a, err := py.ParseArgs("utcfromtimestamp", args, kw, []string{"timestamp"}, 1)
			if err != nil {
				return nil, err
			}
			return fromTimestamp(t, a[0], nil, true)
		}),
		"fromisoformat": py.NewBuiltin("fromisoformat", func(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			s, err := isoArg(args, kw)
			if err != nil {
				return nil, err
			}
			d, ok := parseISODatetime(s)
			if !ok {
				return nil, py.Errorf(py.ValueErrorType, "Invalid isoformat string: %s", py.StrRepr(s))
			}
			return d, nil
		}),
	}
	TimezoneType.Attrs = map[string]py.Value{
		"utc": utc,
		"min": &Timezone{Offset: &Timedelta{Days: -1, Seconds: 60}},
		"max": &Timezone{Offset: &Timedelta{Seconds: 86340}},
	}
	py.RegisterModule(spec, func(h py.Host) (py.Value, error) {
		return py.NewModule("datetime", map[string]py.Value{
			"MAXYEAR":   py.Int(maxYear),
			"MINYEAR":   py.Int(minYear),
			"date":      DateType,
			"datetime":  DatetimeType,
			"timedelta": TimedeltaType,
			"timezone":  TimezoneType,
			"tzinfo":    TzinfoType,
		}), nil
	})
}

func isoArg(args []py.Value, kw []py.Kwarg) (string, error) {
	a, err := py.ParseArgs("fromisoformat", args, kw, []string{"date_string"}, 1)
	if err != nil {
		return "", err
	}
	s, ok := a[0].(py.Str)
	if !ok {
		return "", py.Errorf(py.TypeErrorType, "fromisoformat: argument must be str")
	}
	return string(s), nil
}

var (
	isoDate     = regexp.MustCompile(`^(\d{4})-?(\d\d)-?(\d\d)`)
	isoTime     = regexp.MustCompile(`^(\d\d)(?::?(\d\d)(?::?(\d\d)(?:[.,](\d{1,6}))?)?)?`)
	isoOffset   = regexp.MustCompile(`^([+-])(\d\d):?(\d\d)(?::?(\d\d)(?:\.(\d{1,6}))?)?$`)
	isoDateOnly = regexp.MustCompile(`^\d{4}-\d\d-\d\d$|^\d{8}$`)
)

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// parseISODate reads YYYY-MM-DD (or YYYYMMDD) at the start of s.
func parseISODate(s string) (Date, bool) {
	m := isoDate.FindStringSubmatch(s)
	if m == nil || (len(m[0]) == 10) != (s[4] == '-') {
		return Date{}, false
	}
	d := Date{atoi(m[1]), atoi(m[2]), atoi(m[3])}
	if checkDate(d.Year, d.Month, d.Day) != nil {
		return Date{}, false
	}
	if len(s) > len(m[0]) && len(m[0]) == 10 && isoDateOnly.MatchString(s) {
		return Date{}, false
	}
	return d, true
}

// parseISODatetime reads what datetime.fromisoformat accepts: a date, then
// optionally any one separator, a time and a UTC offset (or Z).
func parseISODatetime(s string) (*Datetime, bool) {
	d, ok := parseISODate(s)
	if !ok {
		return nil, false
	}
	n := 10
	if len(s) >= 8 && s[4] != '-' {
		n = 8
	}
	dt := &Datetime{Date: d}
	rest := s[n:]
	if rest == "" {
		return dt, true
	}
	rest = rest[1:] // the separator
	m := isoTime.FindStringSubmatch(rest)
	if m == nil {
		return nil, false
	}
	dt.Hour, dt.Minute, dt.Second = atoi(m[1]), atoi(m[2]), atoi(m[3])
	if m[4] != "" {
		frac := m[4]
		for len(frac) < 6 {
			frac += "0"
		}
		dt.Micro = atoi(frac)
	}
	if checkTime(dt.Hour, dt.Minute, dt.Second, dt.Micro) != nil {
		return nil, false
	}
	rest = rest[len(m[0]):]
	switch {
	case rest == "":
	case rest == "Z":
		dt.Tz = utc
	default:
		o := isoOffset.FindStringSubmatch(rest)
		if o == nil {
			return nil, false
		}
		us := int64((atoi(o[2])*60+atoi(o[3]))*60+atoi(o[4])) * 1e6
		if o[5] != "" {
			frac := o[5]
			for len(frac) < 6 {
				frac += "0"
			}
			us += int64(atoi(frac))
		}
		if o[1] == "-" {
			us = -us
		}
		if us == 0 {
			dt.Tz = utc
			break
		}
		off, err := fromMicrosInt(us)
		if err != nil {
			return nil, false
		}
		dt.Tz = &Timezone{Offset: off}
	}
	return dt, true
}

func fromMicrosInt(us int64) (*Timedelta, error) {
	return newTimedelta(0, 0, us)
}
