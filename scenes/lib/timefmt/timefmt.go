// Package timefmt is the calendar arithmetic and the strftime of the
// scenes' wall clock: CPython's time.strftime hands a struct tm to glibc's
// strftime, so this formats exactly as glibc 2.36 does in the C locale,
// flags and widths included (the directives, "%-d", "%_H", "%^a", "%10Y").
// Package time and package datetime build on it. It knows nothing of
// Python values.
package timefmt

import (
	"strconv"
	"strings"
	"time"
)

// Tm is a broken-down time, as Python's struct_time holds it: Mon 1-12,
// Wday 0 for Monday, Yday 1-366. Zone and Gmtoff are the time zone's
// abbreviation and its offset east of UTC in seconds; Unix is the instant
// in seconds since the epoch (for %s).
type Tm struct {
	Year, Mon, Mday, Hour, Min, Sec int
	Wday, Yday, Isdst               int
	Zone                            string
	Gmtoff                          int
	Unix                            int64
}

// FromTime breaks t down in its own location.
func FromTime(t time.Time) Tm {
	zone, off := t.Zone()
	dst := 0
	if t.IsDST() {
		dst = 1
	}
	return Tm{
		Year: t.Year(), Mon: int(t.Month()), Mday: t.Day(),
		Hour: t.Hour(), Min: t.Minute(), Sec: t.Second(),
		Wday: (int(t.Weekday()) + 6) % 7, Yday: t.YearDay(), Isdst: dst,
		Zone: zone, Gmtoff: off, Unix: t.Unix(),
	}
}

// Weekday returns the weekday of a proleptic Gregorian date, 0 for Monday.
func Weekday(year, month, day int) int {
	return (int(DaysFromCivil(year, month, day)%7) + 3 + 7) % 7 // 1970-01-01 was a Thursday
}

// DaysFromCivil returns the number of days from 1970-01-01 to the date.
func DaysFromCivil(y, m, d int) int64 {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return int64(era)*146097 + int64(doe) - 719468
}

// CivilFromDays is the inverse of DaysFromCivil.
func CivilFromDays(z int64) (y, m, d int) {
	z += 719468
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era--
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y = int(yoe + era*400)
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = int(doy - (153*mp+2)/5 + 1)
	m = int(mp + 3)
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return y, m, d
}

// IsLeap reports whether year is a leap year.
func IsLeap(year int) bool { return year%4 == 0 && (year%100 != 0 || year%400 == 0) }

// DaysInMonth returns the number of days of month in year.
func DaysInMonth(year, month int) int {
	if month == 2 && IsLeap(year) {
		return 29
	}
	return [...]int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[month-1]
}

// YearDay returns the day of the year, 1 for January 1st.
func YearDay(year, month, day int) int {
	return int(DaysFromCivil(year, month, day)-DaysFromCivil(year, 1, 1)) + 1
}

// The C locale's names.
var (
	DayNames   = [...]string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
	MonthNames = [...]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
)

// Asctime formats tm as C's asctime does without its newline:
// "Mon Dec  7 17:13:52 2026".
func Asctime(tm Tm) string {
	return DayNames[mod(tm.Wday, 7)][:3] + " " + MonthNames[mod(tm.Mon-1, 12)][:3] +
		" " + pad(strconv.Itoa(tm.Mday), 2, ' ') + " " +
		pad(strconv.Itoa(tm.Hour), 2, '0') + ":" + pad(strconv.Itoa(tm.Min), 2, '0') + ":" +
		pad(strconv.Itoa(tm.Sec), 2, '0') + " " + strconv.Itoa(tm.Year)
}

func mod(a, n int) int { return ((a % n) + n) % n }

func pad(s string, width int, fill byte) string {
	if len(s) >= width {
		return s
	}
	return strings.Repeat(string(fill), width-len(s)) + s
}

// Strftime formats tm by format as glibc's strftime does in the C locale.
// A directive glibc does not know is copied as it is written.
func Strftime(format string, tm Tm) string {
	var b strings.Builder
	strftime(&b, format, tm, false)
	return b.String()
}

func strftime(b *strings.Builder, format string, tm Tm, upcase bool) {
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' {
			if upcase {
				c = upper(c)
			}
			b.WriteByte(c)
			continue
		}
		start := i
		var padc byte
		toUpper, swapCase := upcase, false
		j := i + 1
	flags:
		for ; j < len(format); j++ {
			switch format[j] {
			case '_', '-', '0':
				padc = format[j]
			case '^':
				toUpper = true
			case '#':
				swapCase = true
			default:
				break flags
			}
		}
		width := -1
		if j < len(format) && format[j] >= '0' && format[j] <= '9' {
			width = 0
			for ; j < len(format) && format[j] >= '0' && format[j] <= '9'; j++ {
				if width < 1<<20 {
					width = width*10 + int(format[j]-'0')
				}
			}
		}
		if j < len(format) && (format[j] == 'E' || format[j] == 'O') {
			j++
		}
		if j >= len(format) {
			// A '%' sequence cut off by the end is copied as it is.
			text(b, format[start:], width, padc, false)
			return
		}
		i = j
		d := directive{b: b, width: width, pad: padc}
		switch conv := format[j]; conv {
		case '%':
			d.text("%", toUpper)
		case 'n':
			d.text("\n", toUpper)
		case 't':
			d.text("\t", toUpper)
		case 'a', 'A', 'b', 'h', 'B':
			var s string
			switch conv {
			case 'a':
				s = DayNames[mod(tm.Wday, 7)][:3]
			case 'A':
				s = DayNames[mod(tm.Wday, 7)]
			case 'b', 'h':
				s = MonthNames[mod(tm.Mon-1, 12)][:3]
			default:
				s = MonthNames[mod(tm.Mon-1, 12)]
			}
			d.text(s, toUpper || swapCase)
		case 'p', 'P':
			s := "AM"
			if tm.Hour >= 12 {
				s = "PM"
			}
			if conv == 'P' || swapCase {
				s = strings.ToLower(s)
			} else if toUpper {
				s = strings.ToUpper(s)
			}
			d.text(s, false)
		case 'Z':
			s := tm.Zone
			if swapCase {
				s = strings.ToLower(s)
			}
			d.text(s, toUpper && !swapCase)
		case 'c', 'D', 'x', 'F', 'T', 'X', 'r', 'R':
			sub := map[byte]string{
				'c': "%a %b %e %H:%M:%S %Y", 'D': "%m/%d/%y", 'x': "%m/%d/%y",
				'F': "%Y-%m-%d", 'T': "%H:%M:%S", 'X': "%H:%M:%S",
				'r': "%I:%M:%S %p", 'R': "%H:%M",
			}[conv]
			var inner strings.Builder
			strftime(&inner, sub, tm, toUpper)
			d.text(inner.String(), false)
		case 'C':
			d.number(floorDiv(tm.Year, 100), 1)
		case 'y':
			d.number(mod(tm.Year, 100), 2)
		case 'Y':
			d.number(tm.Year, 1)
		case 'm':
			d.number(tm.Mon, 2)
		case 'd':
			d.number(tm.Mday, 2)
		case 'e':
			d.spaced(tm.Mday, 2)
		case 'H':
			d.number(tm.Hour, 2)
		case 'k':
			d.spaced(tm.Hour, 2)
		case 'I':
			d.number(hour12(tm.Hour), 2)
		case 'l':
			d.spaced(hour12(tm.Hour), 2)
		case 'M':
			d.number(tm.Min, 2)
		case 'S':
			d.number(tm.Sec, 2)
		case 'j':
			d.number(tm.Yday, 3)
		case 'u':
			d.number(mod(tm.Wday, 7)+1, 1)
		case 'w':
			d.number((mod(tm.Wday, 7)+1)%7, 1)
		case 'U':
			sunday := (mod(tm.Wday, 7) + 1) % 7
			d.number((tm.Yday-1-sunday+7)/7, 2)
		case 'W':
			d.number((tm.Yday-1-mod(tm.Wday, 7)+7)/7, 2)
		case 'G', 'g', 'V':
			year, week := isoWeek(tm)
			switch conv {
			case 'G':
				d.number(year, 1)
			case 'g':
				d.number(mod(year, 100), 2)
			default:
				d.number(week, 2)
			}
		case 's':
			d.number64(tm.Unix, 1)
		case 'z':
			off := tm.Gmtoff
			sign := "+"
			if off < 0 {
				sign, off = "-", -off
			}
			off /= 60
			n := strconv.Itoa(off/60*100 + off%60)
			switch padc {
			case '-':
			case '_':
				n = pad(n, 4, ' ')
			default:
				n = pad(n, 4, '0')
			}
			b.WriteString(sign + n)
		default:
			// Unknown: copied from the '%' on, as glibc does.
			d.text(format[start:j+1], false)
		}
	}
}

func floorDiv(a, n int) int {
	q := a / n
	if a%n != 0 && (a < 0) != (n < 0) {
		q--
	}
	return q
}

func hour12(h int) int {
	h %= 12
	if h == 0 {
		return 12
	}
	return h
}

// isoWeek returns the ISO 8601 year and week of tm (glibc's iso_week_days).
func isoWeek(tm Tm) (year, week int) {
	wday := (mod(tm.Wday, 7) + 1) % 7 // Sunday = 0, as C's tm_wday
	yday := tm.Yday - 1
	year = tm.Year
	days := isoWeekDays(yday, wday)
	if days < 0 {
		year--
		ylen := 365
		if IsLeap(year) {
			ylen = 366
		}
		days = isoWeekDays(yday+ylen, wday)
	} else {
		ylen := 365
		if IsLeap(year) {
			ylen = 366
		}
		if d := isoWeekDays(yday-ylen, wday); d >= 0 {
			year++
			days = d
		}
	}
	return year, days/7 + 1
}

// isoWeekDays is glibc's iso_week_days: the number of days from the first
// day of the first ISO week of this year to yday (0-based), wday Sunday=0.
func isoWeekDays(yday, wday int) int {
	const bigEnoughMultipleOf7 = (366/7 + 2) * 7
	return yday - (yday-wday+4+bigEnoughMultipleOf7)%7 + 3
}

func upper(c byte) byte {
	if c >= 'a' && c <= 'z' {
		return c - 'a' + 'A'
	}
	return c
}

// directive writes one conversion with glibc's flags and width.
type directive struct {
	b     *strings.Builder
	width int
	pad   byte
}

// text writes s, upper-cased if asked, padded on the left to the width
// with spaces (zeros with the 0 flag).
func (d directive) text(s string, toUpper bool) {
	text(d.b, s, d.width, d.pad, toUpper)
}

func text(b *strings.Builder, s string, width int, padc byte, toUpper bool) {
	if toUpper {
		s = strings.ToUpper(s)
	}
	if n := width - len(s); n > 0 {
		fill := " "
		if padc == '0' {
			fill = "0"
		}
		b.WriteString(strings.Repeat(fill, n))
	}
	b.WriteString(s)
}

// number writes n zero-padded to digits (spaces with the _ flag, none with
// the - flag), then widened to the width.
func (d directive) number(n, digits int) { d.number64(int64(n), digits) }

func (d directive) number64(n int64, digits int) {
	neg := n < 0
	if neg {
		n = -n
	}
	s := strconv.FormatInt(n, 10)
	fill := byte('0')
	if d.pad == '_' || d.pad == '-' {
		fill = ' '
	}
	target := digits
	if d.pad == '-' {
		target = 0
	}
	if d.width > target && d.pad != '-' {
		target = d.width
	}
	if neg {
		s = "-" + s
	}
	if fill == '0' && neg {
		s = "-" + pad(s[1:], target-1, '0')
	} else {
		s = pad(s, target, fill)
	}
	if d.pad == '-' && d.width > len(s) {
		s = pad(s, d.width, ' ')
	}
	d.b.WriteString(s)
}

// spaced writes a number glibc pads with spaces by default (%e, %k, %l).
func (d directive) spaced(n, digits int) {
	if d.pad == 0 {
		d.pad = '_'
	}
	d.number(n, digits)
}
