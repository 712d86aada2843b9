package engine

import (
	"math"
	"strings"
	"testing"
)

// The virtual clock passes any deadline, whatever its magnitude: past
// 2**24 s the clock resolution (1e-9) is below a float's precision, so
// now + resolution rounds back to now; a timer there must still fire, and
// one years away must not take a loop iteration per day of virtual time.
func TestClockLargeDeadlines(t *testing.T) {
	cases := []struct {
		name    string
		src     string
		maxTime float64
		want    string
	}{
		{"2**24", `import asyncio
async def main():
    loop = asyncio.get_running_loop()
    await asyncio.sleep(16777216)
    print(loop.time())
    fut = loop.create_future()
    loop.call_later(1e-12, fut.set_result, "tiny")
    print(await fut, loop.time())
asyncio.run(main())
`, 1e9, "16777216.0\ntiny 16777216.0\n"},
		{"2**24 with a worker thread", `import asyncio, time
async def main():
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, time.sleep, 1)
    await asyncio.sleep(16777215)
    print(loop.time())
asyncio.run(main())
`, 1e9, "16777216.0\n"},
		{"2**60", `import asyncio
async def main():
    loop = asyncio.get_running_loop()
    await asyncio.sleep(2**60)
    print(loop.time() == 2**60)
asyncio.run(main())
`, 1e300, "True\n"},
		{"time.sleep past 2**24", `import time
time.sleep(2**25)
time.sleep(1e-12)
print(time.monotonic())
`, 1e9, "33554432.0\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := Run([]byte(c.src), Options{Budgets: Budgets{MaxVirtualTime: c.maxTime, MaxSteps: 1_000_000}})
			if res.ExitCode != ExitOK || res.Stdout != c.want {
				t.Errorf("exit %d, stdout %q, stderr %q; want %q", res.ExitCode, res.Stdout, res.Stderr, c.want)
			}
		})
	}
}

// A budget that is not a positive finite number takes the default rather
// than never stopping anything (the CLI refuses such flags).
func TestClockNonFiniteBudget(t *testing.T) {
	src := "import asyncio\nasync def main():\n    await asyncio.sleep(float('inf'))\nasyncio.run(main())\n"
	for _, b := range []float64{inf(), nan(), -1} {
		res := Run([]byte(src), Options{Budgets: Budgets{MaxVirtualTime: b}})
		if res.ExitCode != ExitStopped || !strings.Contains(res.Stderr, "past the limit of 100000 s") {
			t.Errorf("max time %v: exit %d, %q", b, res.ExitCode, res.Stderr)
		}
	}
}

func inf() float64 { return math.Inf(1) }
func nan() float64 { return math.NaN() }
