package datetime_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"loopscope/internal/reftool"
	"loopscope/scenes/engine"
)

// zoneScene prints the wall clock and calendar conversions that depend on
// the local time zone, across a daylight-saving change.
const zoneScene = `import asyncio, time
from datetime import datetime, date, timedelta, timezone

async def main():
    for step in range(3):
        print(time.strftime("%Y-%m-%d %H:%M:%S %Z %z"), time.localtime()[:9], time.ctime())
        print(datetime.now(), datetime.now().timestamp(), datetime.now().astimezone(), date.today())
        print(datetime.now(timezone.utc), datetime.utcnow(), datetime.now().strftime("%c %s"))
        await asyncio.sleep(3600 * 5)
    t = time.mktime((2026, 3, 8, 1, 30, 0, 0, 0, -1))
    print(t, time.localtime(t), datetime.fromtimestamp(t), datetime(2026, 7, 1, 12).timestamp())
    print(time.gmtime(t), time.strftime("%Z", time.localtime(1783000000)))

asyncio.run(main())
`

// TestLocalZonesMatchCPython runs a scene in time zones with and without
// daylight saving time, in the engine and in CPython under vclock with
// the same wall-clock start and TZ.
func TestLocalZonesMatchCPython(t *testing.T) {
	python := reftool.Python(t, "the wall clock's time zones are not compared with CPython")
	dir := t.TempDir()
	scene := filepath.Join(dir, "zones.py")
	if err := os.WriteFile(scene, []byte(zoneScene), 0o644); err != nil {
		t.Fatal(err)
	}
	vclock, err := filepath.Abs("../../../tools/vclock/vclock.py")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ zone, start string }{
		{"America/New_York", "2026-03-08T03:00:00Z"},
		{"America/New_York", "2026-11-01T03:30:00Z"},
		{"Asia/Kolkata", "2026-12-07T17:13:52Z"},
		{"Europe/London", "2026-03-29T00:30:00Z"},
	} {
		loc, err := time.LoadLocation(c.zone)
		if err != nil {
			t.Fatalf("the time zone database has no %s: %v", c.zone, err)
		}
		start, err := time.Parse(time.RFC3339, c.start)
		if err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(python, vclock, "--wall-clock", c.start, scene)
		cmd.Env = append(os.Environ(), "TZ="+c.zone)
		want, err := cmd.Output()
		if err != nil {
			t.Fatalf("%s: vclock: %v", c.zone, err)
		}
		res := engine.Run([]byte(zoneScene), engine.Options{Filename: "zones.py", WallClock: start.In(loc)})
		if res.Stdout != string(want) {
			t.Errorf("%s from %s:\n--- CPython\n%s--- engine\n%s%s", c.zone, c.start, want, res.Stdout, res.Stderr)
		}
	}
}

// TestErrorsMatchCPython compares datetime's error messages with plain
// python3's (CPython's C datetime): testdata/errors.py reads no clock.
func TestErrorsMatchCPython(t *testing.T) {
	python := reftool.Python(t, "datetime's errors are not compared with CPython")
	src, err := os.ReadFile("testdata/errors.py")
	if err != nil {
		t.Fatal(err)
	}
	want, err := exec.Command(python, "testdata/errors.py").Output()
	if err != nil {
		t.Fatalf("python3: %v", err)
	}
	res := engine.Run(src, engine.Options{Filename: "errors.py"})
	if res.Stdout != string(want) {
		t.Errorf("--- CPython\n%s--- engine\n%s%s", want, res.Stdout, res.Stderr)
	}
}

// TestTimedeltaMatchesCPython builds a few thousand timedeltas from ints
// and floats in every keyword (with carries, negatives and the rounding of
// fractional microseconds) and compares their str, repr, fields,
// total_seconds and arithmetic with plain python3's.
func TestTimedeltaMatchesCPython(t *testing.T) {
	python := reftool.Python(t, "timedelta is not compared with CPython")
	var b strings.Builder
	b.WriteString("from datetime import timedelta\ncases = [\n")
	kws := []string{"days", "seconds", "microseconds", "milliseconds", "minutes", "hours", "weeks"}
	vals := []string{"0", "1", "-1", "7", "59", "60", "61", "86399", "86400", "-86401", "999999", "1000000",
		"0.5", "1.5", "2.5", "-0.5", "0.1", "0.25", "-1.75", "1e-7", "3.333333", "1234.5678", "-0.000001"}
	n := 0
	for i, kw := range kws {
		for j, v := range vals {
			other := kws[(i+1+j%(len(kws)-1))%len(kws)]
			fmt.Fprintf(&b, "    timedelta(%s=%s), timedelta(%s=%s, %s=%s),\n", kw, v, kw, v, other, vals[(j*7+i)%len(vals)])
			n += 2
		}
	}
	b.WriteString(`]
for d in cases:
    print(str(d), repr(d), d.days, d.seconds, d.microseconds, d.total_seconds(), bool(d))
    print(d * 3, d / 7, -d, abs(d), d // 3, d * 0.3, d + timedelta(seconds=1), d > timedelta(0))
`)
	src := b.String()
	cmd := exec.Command(python, "-c", src)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	want, err := cmd.Output()
	if err != nil {
		t.Fatalf("python3: %v\n%s", err, stderr.String())
	}
	res := engine.Run([]byte(src), engine.Options{Filename: "timedeltas.py"})
	if res.Stdout != string(want) {
		g, w := strings.Split(res.Stdout, "\n"), strings.Split(string(want), "\n")
		for i := range w {
			if i >= len(g) || g[i] != w[i] {
				got := "(missing)"
				if i < len(g) {
					got = g[i]
				}
				t.Fatalf("line %d differs:\nCPython: %s\nengine:  %s\n%s", i+1, w[i], got, res.Stderr)
			}
		}
	}
	t.Logf("%d timedeltas compared with CPython", n)
}
