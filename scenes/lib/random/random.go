// Package random is the random module of scenes: CPython 3.11's Mersenne
// Twister and its algorithms (Lib/random.py over Modules/_randommodule.c),
// so that a scene that calls random.seed(444) draws exactly the numbers
// CPython draws. A scene that never seeds gets, once per run, a seed from
// the run (asyncio.Machine.FreshSeed: the real clock, or the engine's
// fixed seed), which the trace records (trace.Seed) so that the run can
// be repeated.
package random

import (
	"math"
	"math/big"
	"strconv"
	"strings"

	"loopscope/scenes/asyncio"
	"loopscope/scenes/python/modules"
	"loopscope/scenes/python/py"
	"loopscope/scenes/trace"
)

var spec = &modules.Spec{
	Name: "random",
	Doc: "Pseudo-random numbers from CPython's own Mersenne Twister: after random.seed(n) a scene " +
		"draws exactly CPython's numbers. Without a seed, the run picks one and the trace records " +
		"it (the CLI's -seed repeats it).",
	Members: []modules.Member{
		{Name: "choice", Doc: "choice(seq): a random element of a non-empty sequence."},
		{Name: "choices", Doc: "choices(population, weights=None, *, cum_weights=None, k=1): k elements chosen with replacement."},
		{Name: "expovariate", Doc: "expovariate(lambd): exponential distribution with rate lambd."},
		{Name: "gauss", Doc: "gauss(mu=0.0, sigma=1.0): normal distribution."},
		{Name: "getrandbits", Doc: "getrandbits(k): an int of k random bits."},
		{Name: "normalvariate", Doc: "normalvariate(mu=0.0, sigma=1.0): normal distribution (Kinderman and Monahan)."},
		{Name: "Random", Doc: "Random(seed=None): a generator of its own, with the same methods as the module."},
		{Name: "randbytes", Doc: "randbytes(n): n random bytes."},
		{Name: "randint", Doc: "randint(a, b): a random int N with a <= N <= b."},
		{Name: "random", Doc: "random(): a float in [0.0, 1.0)."},
		{Name: "randrange", Doc: "randrange(stop) or randrange(start, stop[, step]): a random element of range(...)."},
		{Name: "sample", Doc: "sample(population, k, *, counts=None): k distinct elements, without replacement."},
		{Name: "seed", Doc: "seed(a=None): seed the generator from an int, float, str or bytes (None: a fresh seed, recorded in the trace)."},
		{Name: "shuffle", Doc: "shuffle(x): shuffle a list in place."},
		{Name: "triangular", Doc: "triangular(low=0.0, high=1.0, mode=None): triangular distribution."},
		{Name: "uniform", Doc: "uniform(a, b): a float between a and b."},
	},
}

func init() {
	py.RegisterModule(spec, newModule)
	RandomType.New = func(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
		if len(kw) > 0 {
			return nil, py.Errorf(py.TypeErrorType, "Random() takes no keyword arguments")
		}
		if len(args) > 1 {
			return nil, py.Errorf(py.TypeErrorType, "Random() expected at most 1 argument, got %d", len(args))
		}
		r := &Random{g: &gen{}}
		var x py.Value = py.None
		if len(args) == 1 {
			x = args[0]
		}
		if err := r.g.seed(t, machineOf(t), x, nil); err != nil {
			return nil, err
		}
		r.methods = r.g.methods(machineOf(t))
		return r, nil
	}
}

// gen is one run's generator: the twister and gauss's spare value.
type gen struct {
	mt
	gaussNext float64
	hasGauss  bool
}

// RandomType is random.Random, the class of generators: the module's
// functions are the methods of its hidden instance.
var RandomType = &py.Type{Name: "Random", Module: "random", Base: py.ObjectType}

// Random is an instance of random.Random: a generator of its own.
type Random struct {
	g       *gen
	methods map[string]method
}

// Type returns RandomType.
func (*Random) Type() *py.Type { return RandomType }

// Attr implements py.HasAttrs: the generator's methods.
func (r *Random) Attr(t *py.Thread, name string) (py.Value, error) {
	fn, ok := r.methods[name]
	if !ok {
		return nil, nil
	}
	return &py.Builtin{Name: name, Recv: r, Fn: func(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
		return fn(t, args, kw)
	}}, nil
}

type method = func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error)

func newModule(h py.Host) (py.Value, error) {
	m, _ := h.(*asyncio.Machine)
	g := &gen{}
	g.freshSeed(m)
	attrs := map[string]py.Value{}
	for name, fn := range g.methods(m) {
		attrs[name] = py.NewBuiltin(name, func(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			return fn(t, args, kw)
		})
	}
	attrs["Random"] = RandomType
	return py.NewModule("random", attrs), nil
}

func machineOf(t *py.Thread) *asyncio.Machine {
	m, _ := t.Host.(*asyncio.Machine)
	return m
}

// methods returns the generator's functions, by name.
func (g *gen) methods(m *asyncio.Machine) map[string]method {
	return map[string]method{
		"seed": func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			a, err := bind("seed", args, kw, []string{"a", "version"}, 0)
			if err != nil {
				return nil, err
			}
			return py.None, g.seed(t, m, a[0], a[1])
		},
		"random": func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := noArgs("random", args, kw); err != nil {
				return nil, err
			}
			return py.Float(g.random()), nil
		},
		"getrandbits": func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			if len(kw) > 0 {
				return nil, py.Errorf(py.TypeErrorType, "Random.getrandbits() takes no keyword arguments")
			}
			if len(args) != 1 {
				return nil, py.Errorf(py.TypeErrorType, "Random.getrandbits() takes exactly one argument (%d given)", len(args))
			}
			k, err := py.AsIndex(args[0])
			if err != nil {
				return nil, err
			}
			if k < 0 {
				return nil, py.Errorf(py.ValueErrorType, "number of bits must be non-negative")
			}
			return py.MakeBigInt(g.bits(int(k))), nil
		},
		"randrange": func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			a, err := bind("randrange", args, kw, []string{"start", "stop", "step"}, 1)
			if err != nil {
				return nil, err
			}
			return g.randrange(a[0], a[1], a[2])
		},
		"randint": func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			a, err := bind("randint", args, kw, []string{"a", "b"}, 2)
			if err != nil {
				return nil, err
			}
			b1, err := py.Binary(t, py.OpAdd, a[1], py.Int(1))
			if err != nil {
				return nil, err
			}
			return g.randrange(a[0], b1, nil)
		},
		"choice": func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			a, err := bind("choice", args, kw, []string{"seq"}, 1)
			if err != nil {
				return nil, err
			}
			n, err := py.Len(t, a[0])
			if err != nil {
				return nil, err
			}
			if n == 0 {
				return nil, py.Errorf(py.IndexErrorType, "Cannot choose from an empty sequence")
			}
			return py.GetItem(t, a[0], py.Int(g.belowInt(int64(n))))
		},
		"choices": func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			a, err := bindKwOnly("choices", args, kw, []string{"population", "weights"}, 1, []string{"cum_weights", "k"})
			if err != nil {
				return nil, err
			}
			return g.choices(t, a[0], a[1], a[2], a[3])
		},
		"shuffle": func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			a, err := bind("shuffle", args, kw, []string{"x"}, 1)
			if err != nil {
				return nil, err
			}
			return py.None, g.shuffle(t, a[0])
		},
		"sample": func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			a, err := bindKwOnly("sample", args, kw, []string{"population", "k"}, 2, []string{"counts"})
			if err != nil {
				return nil, err
			}
			return g.sample(t, a[0], a[1], a[2])
		},
		"uniform": func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			a, err := bind("uniform", args, kw, []string{"a", "b"}, 2)
			if err != nil {
				return nil, err
			}
			// a + (b - a) * random()
			d, err := py.Binary(t, py.OpSub, a[1], a[0])
			if err != nil {
				return nil, err
			}
			d, err = py.Binary(t, py.OpMul, d, py.Float(g.random()))
			if err != nil {
				return nil, err
			}
			return py.Binary(t, py.OpAdd, a[0], d)
		},
		"triangular": func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			a, err := bind("triangular", args, kw, []string{"low", "high", "mode"}, 0)
			if err != nil {
				return nil, err
			}
			return g.triangular(t, a[0], a[1], a[2])
		},
		"gauss": func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			a, err := bind("gauss", args, kw, []string{"mu", "sigma"}, 0)
			if err != nil {
				return nil, err
			}
			z := g.gaussNext
			if !g.hasGauss {
				x2pi := g.random() * (2 * math.Pi)
				g2rad := math.Sqrt(-2.0 * log(1.0-g.random()))
				z = cos(x2pi) * g2rad
				g.gaussNext, g.hasGauss = sin(x2pi)*g2rad, true
			} else {
				g.hasGauss = false
			}
			return affine(t, a[0], a[1], z)
		},
		"normalvariate": func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			a, err := bind("normalvariate", args, kw, []string{"mu", "sigma"}, 0)
			if err != nil {
				return nil, err
			}
			nvMagic := 4 * math.Exp(-0.5) / math.Sqrt(2.0)
			var z float64
			for {
				u1 := g.random()
				u2 := 1.0 - g.random()
				z = nvMagic * (u1 - 0.5) / u2
				if z*z/4.0 <= -log(u2) {
					break
				}
			}
			return affine(t, a[0], a[1], z)
		},
		"expovariate": func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			a, err := bind("expovariate", args, kw, []string{"lambd"}, 1)
			if err != nil {
				return nil, err
			}
			return py.Binary(t, py.OpTrueDiv, py.Float(-log(1.0-g.random())), a[0])
		},
		"randbytes": func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			a, err := bind("randbytes", args, kw, []string{"n"}, 1)
			if err != nil {
				return nil, err
			}
			n, err := py.AsIndex(a[0])
			if err != nil {
				return nil, err
			}
			if n < 0 {
				return nil, py.Errorf(py.ValueErrorType, "number of bits must be non-negative")
			}
			// getrandbits(n * 8).to_bytes(n, 'little')
			be := g.bits(int(n) * 8).Bytes()
			out := make([]byte, n)
			for i, b := range be {
				out[len(be)-1-i] = b
			}
			return py.Bytes(out), nil
		},
	}
}

// affine returns mu + z*sigma, mu and sigma defaulting to 0.0 and 1.0.
func affine(t *py.Thread, mu, sigma py.Value, z float64) (py.Value, error) {
	if mu == nil {
		mu = py.Float(0)
	}
	if sigma == nil {
		sigma = py.Float(1)
	}
	v, err := py.Binary(t, py.OpMul, py.Float(z), sigma)
	if err != nil {
		return nil, err
	}
	return py.Binary(t, py.OpAdd, mu, v)
}

// freshSeed seeds g from the run (random.seed() without a seed, and the
// import) and records the seed in the trace.
func (g *gen) freshSeed(m *asyncio.Machine) {
	if m == nil {
		g.seedInt(new(big.Int))
		return
	}
	s := m.FreshSeed()
	g.seedInt(new(big.Int).SetUint64(s))
	g.hasGauss = false
	if m.Tracing() {
		m.Emit(trace.Event{Kind: trace.Seed, Text: "random", Label: strconv.FormatUint(s, 10)})
	}
}

// seed is Random.seed(a, version).
func (g *gen) seed(t *py.Thread, m *asyncio.Machine, a, version py.Value) error {
	ver := int64(2)
	if version != nil {
		v, err := py.AsIndex(version)
		if err != nil {
			return err
		}
		ver = v
	}
	var raw []byte
	isText := false
	switch x := a.(type) {
	case py.Str:
		raw, isText = []byte(string(x)), true
	case py.Bytes:
		raw, isText = []byte(string(x)), true
	}
	switch {
	case a == nil || a == py.None:
		g.freshSeed(m)
		return nil
	case isText && ver == 1:
		// version 1: a hash of the text's code points (bytes as latin-1)
		var cps []rune
		if s, ok := a.(py.Str); ok {
			cps = []rune(string(s))
		} else {
			for _, b := range raw {
				cps = append(cps, rune(b))
			}
		}
		var x uint64
		if len(cps) > 0 {
			x = uint64(cps[0]) << 7
		}
		for _, c := range cps {
			x = (1000003 * x) ^ uint64(c)
		}
		x ^= uint64(len(cps))
		g.seedInt(new(big.Int).SetUint64(x))
	case isText:
		sum := sha512Sum(raw)
		g.seedInt(new(big.Int).SetBytes(append(raw, sum[:]...)))
	default:
		switch x := a.(type) {
		case py.Int:
			g.seedInt(big.NewInt(int64(x)))
		case py.Bool:
			g.seedInt(big.NewInt(map[bool]int64{false: 0, true: 1}[bool(x)]))
		case *py.BigInt:
			g.seedInt(x.V)
		case py.Float:
			// random_seed hashes what is not an int: (size_t)hash(a)
			h, err := py.Hash(t, x)
			if err != nil {
				return err
			}
			g.seedInt(new(big.Int).SetUint64(h))
		default:
			return py.Errorf(py.TypeErrorType, "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.")
		}
	}
	g.hasGauss = false
	return nil
}

// toInt reads a randrange argument as an int: an int, or (deprecated in
// CPython) a float with an integral value.
func toInt(v py.Value, which string) (*big.Int, error) {
	switch x := v.(type) {
	case py.Int:
		return big.NewInt(int64(x)), nil
	case py.Bool:
		if x {
			return big.NewInt(1), nil
		}
		return big.NewInt(0), nil
	case *py.BigInt:
		return x.V, nil
	case py.Float:
		f := float64(x)
		if math.IsInf(f, 0) {
			return nil, py.Errorf(py.OverflowErrorType, "cannot convert float infinity to integer")
		}
		if math.IsNaN(f) {
			return nil, py.Errorf(py.ValueErrorType, "cannot convert float NaN to integer")
		}
		if f != math.Trunc(f) {
			return nil, py.Errorf(py.ValueErrorType, "non-integer %s for randrange()", which)
		}
		i, _ := big.NewFloat(f).Int(nil)
		return i, nil
	}
	return nil, py.Errorf(py.TypeErrorType, "'%s' object cannot be interpreted as an integer", v.Type().Name)
}

// randrange is Random.randrange(start, stop, step).
func (g *gen) randrange(start, stop, step py.Value) (py.Value, error) {
	istart, err := toInt(start, "arg 1")
	if err != nil {
		return nil, err
	}
	if stop == nil || stop == py.None {
		if step != nil {
			return nil, py.Errorf(py.TypeErrorType, "Missing a non-None stop argument")
		}
		if istart.Sign() > 0 {
			return py.MakeBigInt(g.below(istart)), nil
		}
		return nil, py.Errorf(py.ValueErrorType, "empty range for randrange()")
	}
	istop, err := toInt(stop, "stop")
	if err != nil {
		return nil, err
	}
	width := new(big.Int).Sub(istop, istart)
	istep := big.NewInt(1)
	if step != nil {
		if istep, err = toInt(step, "step"); err != nil {
			return nil, err
		}
	}
	if istep.IsInt64() && istep.Int64() == 1 {
		if width.Sign() > 0 {
			return py.MakeBigInt(new(big.Int).Add(istart, g.below(width))), nil
		}
		return nil, py.Errorf(py.ValueErrorType, "empty range for randrange() (%s, %s, %s)", istart, istop, width)
	}
	var n *big.Int
	switch istep.Sign() {
	case 1:
		n = floorDiv(new(big.Int).Sub(new(big.Int).Add(width, istep), big.NewInt(1)), istep)
	case -1:
		n = floorDiv(new(big.Int).Add(new(big.Int).Add(width, istep), big.NewInt(1)), istep)
	default:
		return nil, py.Errorf(py.ValueErrorType, "zero step for randrange()")
	}
	if n.Sign() <= 0 {
		return nil, py.Errorf(py.ValueErrorType, "empty range for randrange()")
	}
	r := new(big.Int).Mul(istep, g.below(n))
	return py.MakeBigInt(r.Add(r, istart)), nil
}

// floorDiv is Python's a // b.
func floorDiv(a, b *big.Int) *big.Int {
	q, m := new(big.Int).DivMod(a, b, new(big.Int))
	// DivMod is Euclidean (m >= 0); Python floors toward -inf.
	if m.Sign() != 0 && b.Sign() < 0 {
		q.Add(q, big.NewInt(1))
	}
	return q
}

// shuffle is Random.shuffle(x).
func (g *gen) shuffle(t *py.Thread, x py.Value) error {
	if l, ok := x.(*py.List); ok {
		for i := len(l.Elems) - 1; i >= 1; i-- {
			j := g.belowInt(int64(i + 1))
			l.Elems[i], l.Elems[j] = l.Elems[j], l.Elems[i]
		}
		return nil
	}
	n, err := py.Len(t, x)
	if err != nil {
		return err
	}
	for i := n - 1; i >= 1; i-- {
		j := g.belowInt(int64(i + 1))
		xi, err := py.GetItem(t, x, py.Int(i))
		if err != nil {
			return err
		}
		xj, err := py.GetItem(t, x, py.Int(j))
		if err != nil {
			return err
		}
		if err := py.SetItem(t, x, py.Int(i), xj); err != nil {
			return err
		}
		if err := py.SetItem(t, x, py.Int(j), xi); err != nil {
			return err
		}
	}
	return nil
}

// isSequence reports whether v is a collections.abc.Sequence.
func isSequence(v py.Value) bool {
	switch v.(type) {
	case *py.List, py.Tuple, py.Str, py.Bytes, *py.Range:
		return true
	}
	return false
}

// sample is Random.sample(population, k, counts=counts).
func (g *gen) sample(t *py.Thread, population, kv, counts py.Value) (py.Value, error) {
	if !isSequence(population) {
		return nil, py.Errorf(py.TypeErrorType, "Population must be a sequence.  For dicts or sets, use sorted(d).")
	}
	n, err := py.Len(t, population)
	if err != nil {
		return nil, err
	}
	if counts != nil && counts != py.None {
		cum, err := accumulate(t, counts)
		if err != nil {
			return nil, err
		}
		if len(cum) != n {
			return nil, py.Errorf(py.ValueErrorType, "The number of counts does not match the population")
		}
		total := cum[len(cum)-1]
		cum = cum[:len(cum)-1]
		switch total.(type) {
		case py.Int, *py.BigInt, py.Bool:
		default:
			return nil, py.Errorf(py.TypeErrorType, "Counts must be integers")
		}
		if pos, _ := py.Compare(t, py.OpLE, total, py.Int(0)); pos {
			return nil, py.Errorf(py.ValueErrorType, "Total of counts must be greater than zero")
		}
		tot, err := py.AsIndex(total)
		if err != nil {
			return nil, err
		}
		sel, err := g.sample(t, &py.Range{Start: 0, Stop: tot, Step: 1}, kv, nil)
		if err != nil {
			return nil, err
		}
		out := sel.(*py.List)
		for i, s := range out.Elems {
			j, err := bisectRight(t, cum, s, 0, len(cum))
			if err != nil {
				return nil, err
			}
			if out.Elems[i], err = py.GetItem(t, population, py.Int(j)); err != nil {
				return nil, err
			}
		}
		return out, nil
	}
	k64, err := py.AsIndex(kv)
	if err != nil {
		return nil, err
	}
	if k64 < 0 || k64 > int64(n) {
		return nil, py.Errorf(py.ValueErrorType, "Sample larger than population or is negative")
	}
	k := int(k64)
	result := make([]py.Value, k)
	setsize := 21
	if k > 5 {
		// 4 ** _ceil(_log(k * 3, 4)), with math.log(x, 4) = log(x)/log(4)
		setsize += int(math.Pow(4, math.Ceil(log(float64(k*3))/log(4))))
	}
	if n <= setsize {
		pool := make([]py.Value, n)
		for i := range pool {
			if pool[i], err = py.GetItem(t, population, py.Int(i)); err != nil {
				return nil, err
			}
		}
		for i := 0; i < k; i++ {
			j := g.belowInt(int64(n - i))
			result[i] = pool[j]
			pool[j] = pool[n-i-1]
		}
		return py.NewList(result), nil
	}
	selected := map[int64]bool{}
	for i := 0; i < k; i++ {
		j := g.belowInt(int64(n))
		for selected[j] {
			j = g.belowInt(int64(n))
		}
		selected[j] = true
		if result[i], err = py.GetItem(t, population, py.Int(j)); err != nil {
			return nil, err
		}
	}
	return py.NewList(result), nil
}

// accumulate is list(itertools.accumulate(xs)).
func accumulate(t *py.Thread, xs py.Value) ([]py.Value, error) {
	var out []py.Value
	var acc py.Value
	err := py.Iterate(t, xs, func(v py.Value) error {
		if acc == nil {
			acc = v
		} else {
			s, err := py.Binary(t, py.OpAdd, acc, v)
			if err != nil {
				return err
			}
			acc = s
		}
		out = append(out, acc)
		return nil
	})
	return out, err
}

// bisectRight is bisect.bisect_right(a, x, lo, hi).
func bisectRight(t *py.Thread, a []py.Value, x py.Value, lo, hi int) (int, error) {
	for lo < hi {
		mid := (lo + hi) / 2
		less, err := py.Compare(t, py.OpLT, x, a[mid])
		if err != nil {
			return 0, err
		}
		if less {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo, nil
}

// choices is Random.choices(population, weights, cum_weights=, k=).
func (g *gen) choices(t *py.Thread, population, weights, cumWeights, kv py.Value) (py.Value, error) {
	n, err := py.Len(t, population)
	if err != nil {
		return nil, err
	}
	k := int64(1)
	if kv != nil {
		if k, err = py.AsIndex(kv); err != nil {
			return nil, err
		}
	}
	var out []py.Value
	if cumWeights == nil || cumWeights == py.None {
		if weights == nil || weights == py.None {
			nf := float64(n)
			for i := int64(0); i < k; i++ {
				v, err := py.GetItem(t, population, py.Int(int64(math.Floor(g.random()*nf))))
				if err != nil {
					return nil, err
				}
				out = append(out, v)
			}
			return py.NewList(out), nil
		}
		if _, isInt := weights.(py.Int); isInt {
			return nil, py.Errorf(py.TypeErrorType, "The number of choices must be a keyword argument: k=%d", weights.(py.Int))
		}
		cum, err := accumulate(t, weights)
		if err != nil {
			return nil, err
		}
		cumWeights = py.NewList(cum)
	} else if weights != nil && weights != py.None {
		return nil, py.Errorf(py.TypeErrorType, "Cannot specify both weights and cumulative weights")
	}
	var cum []py.Value
	if err := py.Iterate(t, cumWeights, func(v py.Value) error { cum = append(cum, v); return nil }); err != nil {
		return nil, err
	}
	if len(cum) != n {
		return nil, py.Errorf(py.ValueErrorType, "The number of weights does not match the population")
	}
	if n == 0 {
		return nil, py.Errorf(py.IndexErrorType, "list index out of range")
	}
	totalV, err := py.Binary(t, py.OpAdd, cum[len(cum)-1], py.Float(0))
	if err != nil {
		return nil, err
	}
	total, _ := totalV.(py.Float)
	if total <= 0.0 {
		return nil, py.Errorf(py.ValueErrorType, "Total of weights must be greater than zero")
	}
	if math.IsInf(float64(total), 0) || math.IsNaN(float64(total)) {
		return nil, py.Errorf(py.ValueErrorType, "Total of weights must be finite")
	}
	for i := int64(0); i < k; i++ {
		j, err := bisectRight(t, cum, py.Float(g.random()*float64(total)), 0, n-1)
		if err != nil {
			return nil, err
		}
		v, err := py.GetItem(t, population, py.Int(j))
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return py.NewList(out), nil
}

// triangular is Random.triangular(low, high, mode).
func (g *gen) triangular(t *py.Thread, low, high, mode py.Value) (py.Value, error) {
	if low == nil {
		low = py.Float(0)
	}
	if high == nil {
		high = py.Float(1)
	}
	u := g.random()
	var c py.Value = py.Float(0.5)
	if mode != nil && mode != py.None {
		num, err := py.Binary(t, py.OpSub, mode, low)
		if err != nil {
			return nil, err
		}
		den, err := py.Binary(t, py.OpSub, high, low)
		if err != nil {
			return nil, err
		}
		c, err = py.Binary(t, py.OpTrueDiv, num, den)
		if err != nil {
			if e, ok := err.(*py.Exception); ok && e.Type() == py.ZeroDivisionErrorType {
				return low, nil
			}
			return nil, err
		}
	}
	if gt, err := py.Compare(t, py.OpGT, py.Float(u), c); err != nil {
		return nil, err
	} else if gt {
		u = 1.0 - u
		if c, err = py.Binary(t, py.OpSub, py.Float(1.0), c); err != nil {
			return nil, err
		}
		low, high = high, low
	}
	// low + (high - low) * _sqrt(u * c)
	uc, err := py.Binary(t, py.OpMul, py.Float(u), c)
	if err != nil {
		return nil, err
	}
	f, ok := uc.(py.Float)
	if !ok {
		return nil, py.Errorf(py.TypeErrorType, "must be real number, not %s", uc.Type().Name)
	}
	if f < 0 {
		return nil, py.Errorf(py.ValueErrorType, "math domain error")
	}
	d, err := py.Binary(t, py.OpSub, high, low)
	if err != nil {
		return nil, err
	}
	d, err = py.Binary(t, py.OpMul, d, py.Float(math.Sqrt(float64(f))))
	if err != nil {
		return nil, err
	}
	return py.Binary(t, py.OpAdd, low, d)
}

// bind binds the arguments of a Python-level function of random.py
// (self counted, as CPython's messages count it).
func bind(fname string, args []py.Value, kw []py.Kwarg, names []string, required int) ([]py.Value, error) {
	return bindKwOnly(fname, args, kw, names, required, nil)
}

// bindKwOnly is bind with keyword-only parameters after names.
func bindKwOnly(fname string, args []py.Value, kw []py.Kwarg, names []string, required int, kwonly []string) ([]py.Value, error) {
	q := "Random." + fname + "()"
	if len(args) > len(names) {
		return nil, py.Errorf(py.TypeErrorType, "%s takes from %d to %d positional arguments but %d were given", q, required+1, len(names)+1, len(args)+1)
	}
	all := append(append([]string{}, names...), kwonly...)
	out := make([]py.Value, len(all))
	copy(out, args)
	for _, k := range kw {
		i := -1
		for j, n := range all {
			if n == k.Name {
				i = j
			}
		}
		if i < 0 {
			return nil, py.Errorf(py.TypeErrorType, "%s got an unexpected keyword argument '%s'", q, k.Name)
		}
		if out[i] != nil {
			return nil, py.Errorf(py.TypeErrorType, "%s got multiple values for argument '%s'", q, k.Name)
		}
		out[i] = k.Value
	}
	var missing []string
	for i := 0; i < required; i++ {
		if out[i] == nil {
			missing = append(missing, "'"+names[i]+"'")
		}
	}
	switch len(missing) {
	case 0:
		return out, nil
	case 1:
		return nil, py.Errorf(py.TypeErrorType, "%s missing 1 required positional argument: %s", q, missing[0])
	default:
		return nil, py.Errorf(py.TypeErrorType, "%s missing %d required positional arguments: %s and %s", q, len(missing),
			strings.Join(missing[:len(missing)-1], ", "), missing[len(missing)-1])
	}
}

// noArgs checks that a C method of Random got no arguments.
func noArgs(fname string, args []py.Value, kw []py.Kwarg) error {
	if len(args)+len(kw) > 0 {
		return py.Errorf(py.TypeErrorType, "Random.%s() takes no arguments (%d given)", fname, len(args)+len(kw))
	}
	return nil
}
