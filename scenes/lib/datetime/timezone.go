package datetime

import (
	"fmt"
	"math/big"

	"loopscope/scenes/python/py"
)

// TimezoneType is datetime.timezone, and TzinfoType its base,
// datetime.tzinfo.
var (
	TzinfoType   = &py.Type{Name: "tzinfo", Module: "datetime", CName: "datetime.tzinfo", Base: py.ObjectType}
	TimezoneType = &py.Type{Name: "timezone", Module: "datetime", CName: "datetime.timezone", Base: TzinfoType}
)

// Timezone is a datetime.timezone: a fixed offset from UTC, with an
// optional name.
type Timezone struct {
	Offset  *Timedelta
	Name    string
	HasName bool
	utc     bool // the timezone.utc singleton
}

// utc is timezone.utc.
var utc = &Timezone{Offset: &Timedelta{}, utc: true}

// Type returns TimezoneType.
func (*Timezone) Type() *py.Type { return TimezoneType }

func (z *Timezone) offsetMicros() int64 {
	if z == nil {
		return 0
	}
	return z.Offset.micros().Int64()
}

func (z *Timezone) offsetSeconds() int64 { return z.offsetMicros() / 1e6 }

// name is tzname(): the given name, "UTC" for a zero offset, or
// "UTC+05:30".
func (z *Timezone) name() string {
	if z.HasName {
		return z.Name
	}
	if z.utc || z.offsetMicros() == 0 {
		return "UTC"
	}
	return "UTC" + z.Offset.offsetString(":")
}

// offsetString formats a UTC offset as CPython does: "+05:30" with sep
// ":" ("+0530" with ""), seconds and microseconds only when not zero.
func (d *Timedelta) offsetString(sep string) string {
	m := d.micros().Int64()
	sign := "+"
	if m < 0 {
		sign, m = "-", -m
	}
	us := m % 1e6
	s := m / 1e6
	out := fmt.Sprintf("%s%02d%s%02d", sign, s/3600, sep, s/60%60)
	if s%60 != 0 || us != 0 {
		out += fmt.Sprintf("%s%02d", sep, s%60)
		if us != 0 {
			out += fmt.Sprintf(".%06d", us)
		}
	}
	return out
}

// timezoneNew is timezone(offset, name=None).
func timezoneNew(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
	a, err := py.ParseArgs("timezone", args, kw, []string{"offset", "name"}, 1)
	if err != nil {
		return nil, err
	}
	off, ok := a[0].(*Timedelta)
	if !ok {
		return nil, py.Errorf(py.TypeErrorType, "timezone() argument 1 must be datetime.timedelta, not %s", a[0].Type().Name)
	}
	day := big.NewInt(86400e6)
	if m := off.micros(); m.CmpAbs(day) >= 0 {
		return nil, py.Errorf(py.ValueErrorType, "offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24), not %s.", reprOf(t, off))
	}
	z := &Timezone{Offset: off}
	if a[1] != nil {
		n, ok := a[1].(py.Str)
		if !ok {
			return nil, py.Errorf(py.TypeErrorType, "timezone() argument 2 must be str, not %s", a[1].Type().Name)
		}
		z.Name, z.HasName = string(n), true
	}
	if !z.HasName && off.micros().Sign() == 0 {
		return utc, nil
	}
	return z, nil
}

func reprOf(t *py.Thread, v py.Value) string {
	s, _ := py.Repr(t, v)
	return s
}

// Repr is "datetime.timezone.utc" or
// "datetime.timezone(datetime.timedelta(seconds=19800), 'IST')".
func (z *Timezone) Repr(t *py.Thread) (string, error) {
	if z == utc {
		return "datetime.timezone.utc", nil
	}
	s := "datetime.timezone(" + reprOf(t, z.Offset)
	if z.HasName {
		s += ", " + py.StrRepr(z.Name)
	}
	return s + ")", nil
}

// Str is the zone's name.
func (z *Timezone) Str(t *py.Thread) (string, error) { return z.name(), nil }

// Equal compares offsets.
func (z *Timezone) Equal(t *py.Thread, b py.Value) (bool, error) {
	o, ok := b.(*Timezone)
	return ok && *o.Offset == *z.Offset, nil
}

// Hash hashes the offset.
func (z *Timezone) Hash() uint64 { return z.Offset.Hash() }

// Attr returns utcoffset, tzname, dst and the class attributes.
func (z *Timezone) Attr(t *py.Thread, name string) (py.Value, error) {
	oneArg := func(fn func() py.Value) py.Value {
		return method(name, z, func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			if len(kw) > 0 || len(args) != 1 {
				return nil, py.Errorf(py.TypeErrorType, "timezone.%s() takes exactly one argument (%d given)", name, len(args)+len(kw))
			}
			if _, ok := args[0].(*Datetime); !ok && args[0] != py.None {
				return nil, py.Errorf(py.TypeErrorType, "%s(dt) argument must be a datetime instance or None, not %s", name, args[0].Type().Name)
			}
			return fn(), nil
		})
	}
	switch name {
	case "utcoffset":
		return oneArg(func() py.Value { return z.Offset }), nil
	case "tzname":
		return oneArg(func() py.Value { return py.Str(z.name()) }), nil
	case "dst":
		return oneArg(func() py.Value { return py.None }), nil
	}
	return classAttr(TimezoneType, name), nil
}
