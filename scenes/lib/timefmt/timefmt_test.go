package timefmt

import (
	"bytes"
	"encoding/json"
	"os/exec"
	"testing"
	"time"

	"loopscope/internal/reftool"
)

// formats are the directives scenes use, alone, with glibc's flags and
// widths, and in the combinations tutorials write.
var formats = []string{
	"%a", "%A", "%b", "%B", "%c", "%C", "%d", "%D", "%e", "%F", "%g", "%G",
	"%h", "%H", "%I", "%j", "%k", "%l", "%m", "%M", "%n", "%p", "%P", "%r",
	"%R", "%S", "%t", "%T", "%u", "%U", "%V", "%w", "%W", "%x", "%X", "%y",
	"%Y", "%z", "%Z", "%%",
	"%-d", "%-m", "%-H", "%-I", "%-M", "%-S", "%-j", "%-y", "%-e", "%-z",
	"%_d", "%_m", "%_H", "%_j", "%_y", "%_z", "%0e", "%0k", "%0l",
	"%^a", "%^A", "%^b", "%^B", "%^p", "%^c", "%^x", "%^Z", "%#a", "%#B", "%#p", "%#Z", "%#c",
	"%5Y", "%_5Y", "%-5d", "%10H", "%010d", "%3e", "%05a", "%-5a", "%8Z", "%5%", "%-%", "%3C",
	"%Ec", "%EC", "%Ex", "%EX", "%Ey", "%EY", "%Od", "%Oe", "%OH", "%OI", "%Om", "%OM", "%OS",
	"%Ou", "%OU", "%OV", "%Ow", "%OW", "%Oy",
	"%Q", "%i", "%E", "%O", "%5", "abc%", "%", "%-", "%+4Y", "%q%v",
	"%X", "started at %X", "%H:%M:%S", "%Y-%m-%d %H:%M:%S", "%d/%m/%Y, %H:%M:%S",
	"%A, %B %d, %Y", "%I:%M %p", "%a %b %d %H:%M:%S %Z %Y", "[%Y-%m-%dT%H:%M:%S%z]",
	"%G-W%V-%u", "%U %W %j", "%%Y is %Y", "héllo %H ünïcode",
}

// instants spread over the years scenes see and the corners of the
// calendar (year starts and ends, leap days, ISO weeks 52/53/1).
func instants(t *testing.T) []Tm {
	zones := []*time.Location{time.UTC, time.FixedZone("IST", 5*3600+1800), time.FixedZone("PST", -8*3600), time.FixedZone("KST", 9*3600)}
	var out []Tm
	base := []time.Time{
		time.Date(2026, 12, 7, 17, 13, 52, 0, time.UTC),
		time.Date(2026, 12, 7, 0, 5, 9, 0, time.UTC),
		time.Date(2026, 12, 7, 12, 0, 0, 0, time.UTC),
		time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(1999, 12, 31, 23, 59, 59, 0, time.UTC),
		time.Date(2000, 2, 29, 11, 59, 59, 0, time.UTC),
		time.Date(999, 1, 5, 3, 4, 5, 0, time.UTC),
		time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(9999, 12, 31, 23, 59, 59, 0, time.UTC),
	}
	for y := 2004; y <= 2030; y += 3 {
		for _, md := range [][2]int{{1, 1}, {1, 2}, {1, 4}, {1, 7}, {12, 28}, {12, 29}, {12, 31}, {6, 15}} {
			base = append(base, time.Date(y, time.Month(md[0]), md[1], (y*7+md[1])%24, (y*13)%60, (y*17)%60, 0, time.UTC))
		}
	}
	for i, b := range base {
		out = append(out, FromTime(b.In(zones[i%len(zones)])))
	}
	return out
}

// TestStrftimeMatchesCPython formats every format at every instant and
// compares with CPython's time.strftime (glibc's strftime) given the same
// struct_time, zone and offset included.
func TestStrftimeMatchesCPython(t *testing.T) {
	python := reftool.Python(t, "strftime is not compared with CPython")
	type item struct {
		Format string `json:"f"`
		Tm     []any  `json:"t"`
	}
	var items []item
	var tms []Tm
	for _, tm := range instants(t) {
		for _, f := range formats {
			items = append(items, item{f, []any{tm.Year, tm.Mon, tm.Mday, tm.Hour, tm.Min, tm.Sec, tm.Wday, tm.Yday, tm.Isdst, tm.Zone, tm.Gmtoff}})
			tms = append(tms, tm)
		}
	}
	in, err := json.Marshal(items)
	if err != nil {
		t.Fatal(err)
	}
	const script = `
import json, sys, time
out = []
for it in json.load(sys.stdin):
    out.append(time.strftime(it["f"], time.struct_time(it["t"])))
json.dump(out, sys.stdout)
`
	cmd := exec.Command(python, "-c", script)
	cmd.Stdin = bytes.NewReader(in)
	cmd.Env = []string{"TZ=UTC", "LC_ALL=C"}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	got, err := cmd.Output()
	if err != nil {
		t.Fatalf("python3: %v\n%s", err, stderr.String())
	}
	var want []string
	if err := json.Unmarshal(got, &want); err != nil {
		t.Fatal(err)
	}
	bad := 0
	for i, it := range items {
		if g := Strftime(it.Format, tms[i]); g != want[i] {
			bad++
			if bad <= 30 {
				t.Errorf("strftime(%q, %v) = %q, CPython %q", it.Format, it.Tm, g, want[i])
			}
		}
	}
	t.Logf("%d formats compared with CPython, %d differ", len(items), bad)
}

// TestCalendar checks the day arithmetic against Go's time package.
func TestCalendar(t *testing.T) {
	for days := int64(-800000); days < 3000000; days += 997 {
		y, m, d := CivilFromDays(days)
		g := time.Unix(days*86400, 0).UTC()
		if y != g.Year() || m != int(g.Month()) || d != g.Day() {
			t.Fatalf("CivilFromDays(%d) = %d-%d-%d, want %s", days, y, m, d, g.Format("2006-01-02"))
		}
		if back := DaysFromCivil(y, m, d); back != days {
			t.Fatalf("DaysFromCivil(%d-%d-%d) = %d, want %d", y, m, d, back, days)
		}
		if wd := Weekday(y, m, d); wd != (int(g.Weekday())+6)%7 {
			t.Fatalf("Weekday(%d-%d-%d) = %d", y, m, d, wd)
		}
		if yd := YearDay(y, m, d); yd != g.YearDay() {
			t.Fatalf("YearDay(%d-%d-%d) = %d, want %d", y, m, d, yd, g.YearDay())
		}
	}
}

func TestAsctime(t *testing.T) {
	tm := FromTime(time.Date(2026, 12, 7, 17, 3, 2, 0, time.UTC))
	if got, want := Asctime(tm), "Mon Dec  7 17:03:02 2026"; got != want {
		t.Errorf("Asctime = %q, want %q", got, want)
	}
}
