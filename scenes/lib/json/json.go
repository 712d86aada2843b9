// Package json is the json module of scenes: dumps and loads (and dump to
// an object with a write method, such as sys.stdout) as CPython 3.11's
// json package writes and reads, with its separators, escapes, float
// reprs, key conversions and error messages.
package json

import (
	"fmt"
	gomath "math"
	"math/big"
	"sort"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"loopscope/scenes/python/modules"
	"loopscope/scenes/python/py"
	"loopscope/scenes/python/syntax"
)

var spec = &modules.Spec{
	Name: "json",
	Doc:  "JSON text from Python values and back, as CPython's json writes and reads it.",
	Members: []modules.Member{
		{Name: "dumps", Doc: "dumps(obj, *, indent=None, separators=None, sort_keys=False, ensure_ascii=True, default=None, allow_nan=True, skipkeys=False): obj as JSON text."},
		{Name: "dump", Doc: "dump(obj, fp, **kw): dumps(obj, **kw) written with fp.write (fp: sys.stdout, or an object of the scene's)."},
		{Name: "loads", Doc: "loads(s): the Python value of the JSON text s (dict, list, str, int, float, True, False, None)."},
		{Name: "JSONDecodeError", Doc: "The ValueError loads raises, with the line and column of the problem."},
	},
}

// JSONDecodeErrorType is json.decoder.JSONDecodeError.
var JSONDecodeErrorType = py.NewExceptionType("JSONDecodeError", "json.decoder", py.ValueErrorType)

func init() {
	py.RegisterModule(spec, newModule)
}

func newModule(h py.Host) (py.Value, error) {
	dumpNames := []string{"obj", "skipkeys", "ensure_ascii", "check_circular", "allow_nan", "cls", "indent", "separators", "default", "sort_keys"}
	dumps := func(t *py.Thread, fname string, args []py.Value, kw []py.Kwarg) (string, error) {
		if len(args) > 1 {
			return "", py.Errorf(py.TypeErrorType, "%s() takes 1 positional argument but %d were given", fname, len(args))
		}
		a, err := py.ParseArgs(fname, args, kw, dumpNames, 1)
		if err != nil {
			return "", err
		}
		e := &encoder{t: t, ensureASCII: true, allowNaN: true, itemSep: ", ", keySep: ": ", seen: map[py.Value]bool{}}
		if a[1] != nil {
			e.skipKeys = py.Truth(a[1])
		}
		if a[2] != nil {
			e.ensureASCII = py.Truth(a[2])
		}
		if a[4] != nil {
			e.allowNaN = py.Truth(a[4])
		}
		if a[5] != nil && a[5] != py.None {
			return "", py.Errorf(py.TypeErrorType, "the scenes' json does not take cls=: write a default= function instead")
		}
		switch ind := a[6].(type) {
		case nil, py.NoneType:
		case py.Int:
			e.indent, e.hasIndent = strings.Repeat(" ", max(int(ind), 0)), true
		case py.Str:
			e.indent, e.hasIndent = string(ind), true
		default:
			return "", py.Errorf(py.TypeErrorType, "indent must be an int or a str, not %s", a[6].Type().Name)
		}
		if e.hasIndent {
			e.itemSep = ","
		}
		if a[7] != nil && a[7] != py.None {
			var parts []string
			if err := py.Iterate(t, a[7], func(v py.Value) error {
				s, ok := v.(py.Str)
				if !ok {
					return py.Errorf(py.TypeErrorType, "separators must be a pair of str")
				}
				parts = append(parts, string(s))
				return nil
			}); err != nil {
				return "", err
			}
			if len(parts) != 2 {
				return "", py.Errorf(py.ValueErrorType, "not enough values to unpack (expected 2, got %d)", len(parts))
			}
			e.itemSep, e.keySep = parts[0], parts[1]
		}
		if a[8] != nil && a[8] != py.None {
			e.deflt = a[8]
		}
		if a[9] != nil {
			e.sortKeys = py.Truth(a[9])
		}
		if err := e.encode(a[0], 0); err != nil {
			return "", err
		}
		return e.b.String(), nil
	}
	attrs := map[string]py.Value{
		"JSONDecodeError": JSONDecodeErrorType,
		"dumps": py.NewBuiltin("dumps", func(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			s, err := dumps(t, "dumps", args, kw)
			if err != nil {
				return nil, err
			}
			return py.Str(s), nil
		}),
		"dump": py.NewBuiltin("dump", func(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			if len(args) != 2 {
				return nil, py.Errorf(py.TypeErrorType, "dump() missing required argument 'fp'")
			}
			s, err := dumps(t, "dump", args[:1], kw)
			if err != nil {
				return nil, err
			}
			w, err := py.GetAttr(t, args[1], "write")
			if err != nil {
				return nil, err
			}
			// CPython writes chunk by chunk; the text is the same.
			if _, err := t.Call(w, []py.Value{py.Str(s)}, nil); err != nil {
				return nil, err
			}
			return py.None, nil
		}),
		"loads": py.NewBuiltin("loads", func(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			if len(kw) > 0 {
				return nil, py.Errorf(py.TypeErrorType, "the scenes' json.loads() takes no keyword arguments")
			}
			if len(args) != 1 {
				return nil, py.Errorf(py.TypeErrorType, "loads() missing 1 required positional argument: 's'")
			}
			var s string
			switch x := args[0].(type) {
			case py.Str:
				s = string(x)
			case py.Bytes:
				s = string(x)
			default:
				return nil, py.Errorf(py.TypeErrorType, "the JSON object must be str, bytes or bytearray, not %s", args[0].Type().Name)
			}
			if strings.HasPrefix(s, "\ufeff") {
				return nil, decodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)", s, 0)
			}
			d := &decoder{s: s}
			i := d.ws(0)
			v, end, err := d.value(i)
			if err != nil {
				return nil, err
			}
			end = d.ws(end)
			if end != len(s) {
				return nil, decodeError("Extra data", s, end)
			}
			return v, nil
		}),
	}
	return py.NewModule("json", attrs), nil
}

// ---------------------------------------------------------------------------
// dumps

type encoder struct {
	t           *py.Thread
	b           strings.Builder
	ensureASCII bool
	allowNaN    bool
	skipKeys    bool
	sortKeys    bool
	hasIndent   bool
	indent      string
	itemSep     string
	keySep      string
	deflt       py.Value
	seen        map[py.Value]bool
}

func (e *encoder) newline(level int) {
	if e.hasIndent {
		e.b.WriteByte('\n')
		for i := 0; i < level; i++ {
			e.b.WriteString(e.indent)
		}
	}
}

// floatText is float.__repr__ with JSON's names for the non-finite values.
func (e *encoder) floatText(f float64) (string, error) {
	var s string
	switch {
	case gomath.IsNaN(f):
		s = "NaN"
	case gomath.IsInf(f, 1):
		s = "Infinity"
	case gomath.IsInf(f, -1):
		s = "-Infinity"
	default:
		return py.FloatRepr(f), nil
	}
	if !e.allowNaN {
		return "", py.Errorf(py.ValueErrorType, "Out of range float values are not JSON compliant")
	}
	return s, nil
}

func (e *encoder) enter(v py.Value) error {
	if e.seen[v] {
		return py.Errorf(py.ValueErrorType, "Circular reference detected")
	}
	e.seen[v] = true
	return nil
}

func (e *encoder) encode(v py.Value, level int) error {
	switch x := v.(type) {
	case py.NoneType:
		e.b.WriteString("null")
	case py.Bool:
		if x {
			e.b.WriteString("true")
		} else {
			e.b.WriteString("false")
		}
	case py.Int, *py.BigInt:
		s, err := py.Repr(e.t, x)
		if err != nil {
			return err
		}
		e.b.WriteString(s)
	case py.Float:
		s, err := e.floatText(float64(x))
		if err != nil {
			return err
		}
		e.b.WriteString(s)
	case py.Str:
		e.str(string(x))
	case *py.List:
		return e.seq(x, x.Elems, level)
	case py.Tuple:
		return e.seq(nil, x, level)
	case *py.Dict:
		return e.dict(x, level)
	default:
		if e.deflt == nil {
			return py.Errorf(py.TypeErrorType, "Object of type %s is not JSON serializable", v.Type().Name)
		}
		if err := e.enter(v); err != nil {
			return err
		}
		r, err := e.t.Call(e.deflt, []py.Value{v}, nil)
		if err != nil {
			return err
		}
		if err := e.encode(r, level); err != nil {
			return err
		}
		delete(e.seen, v)
	}
	return nil
}

func (e *encoder) seq(key py.Value, elems []py.Value, level int) error {
	if len(elems) == 0 {
		e.b.WriteString("[]")
		return nil
	}
	if key != nil {
		if err := e.enter(key); err != nil {
			return err
		}
		defer delete(e.seen, key)
	}
	e.b.WriteByte('[')
	for i, el := range elems {
		if i > 0 {
			e.b.WriteString(e.itemSep)
		}
		e.newline(level + 1)
		if err := e.encode(el, level+1); err != nil {
			return err
		}
	}
	e.newline(level)
	e.b.WriteByte(']')
	return nil
}

func (e *encoder) dict(d *py.Dict, level int) error {
	items := d.Items()
	if len(items) == 0 {
		e.b.WriteString("{}")
		return nil
	}
	if err := e.enter(d); err != nil {
		return err
	}
	defer delete(e.seen, d)
	if e.sortKeys {
		var cmpErr error
		sort.SliceStable(items, func(i, j int) bool {
			less, err := py.Compare(e.t, py.OpLT, items[i][0], items[j][0])
			if err != nil && cmpErr == nil {
				cmpErr = err
			}
			return less
		})
		if cmpErr != nil {
			return cmpErr
		}
	}
	e.b.WriteByte('{')
	first := true
	for _, kv := range items {
		var key string
		switch k := kv[0].(type) {
		case py.Str:
			key = string(k)
		case py.Float:
			s, err := e.floatText(float64(k))
			if err != nil {
				return err
			}
			key = s
		case py.Bool:
			key = "false"
			if k {
				key = "true"
			}
		case py.NoneType:
			key = "null"
		case py.Int, *py.BigInt:
			s, err := py.Repr(e.t, k)
			if err != nil {
				return err
			}
			key = s
		default:
			if e.skipKeys {
				continue
			}
			return py.Errorf(py.TypeErrorType, "keys must be str, int, float, bool or None, not %s", kv[0].Type().Name)
		}
		if !first {
			e.b.WriteString(e.itemSep)
		}
		first = false
		e.newline(level + 1)
		e.str(key)
		e.b.WriteString(e.keySep)
		if err := e.encode(kv[1], level+1); err != nil {
			return err
		}
	}
	e.newline(level)
	e.b.WriteByte('}')
	return nil
}

// str writes a JSON string as encode_basestring(_ascii) does.
func (e *encoder) str(s string) { WriteString(&e.b, s, e.ensureASCII) }

// WriteString writes s as a JSON string the way CPython's json writes it:
// encode_basestring_ascii when ensureASCII (every character outside
// ' '..'~' as \uXXXX, surrogate pairs above the BMP), else
// encode_basestring (only quotes, backslashes and control characters
// escaped). FastAPI's JSONResponse (ensure_ascii=False) writes with it too.
func WriteString(b *strings.Builder, s string, ensureASCII bool) {
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		default:
			switch {
			case r < 0x20:
				fmt.Fprintf(b, `\u%04x`, r)
			case syntax.IsSurrogate(r):
				if ensureASCII {
					fmt.Fprintf(b, `\u%04x`, syntax.CodePoint(r))
				} else {
					b.WriteRune(r) // still the lone surrogate
				}
			case ensureASCII && r > 0x7e:
				if r > 0xffff {
					r1, r2 := utf16.EncodeRune(r)
					fmt.Fprintf(b, `\u%04x\u%04x`, r1, r2)
				} else {
					fmt.Fprintf(b, `\u%04x`, r)
				}
			default:
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
}

// ---------------------------------------------------------------------------
// loads

type decoder struct {
	s     string
	depth int
}

// decodeError is JSONDecodeError(msg, doc, pos): "msg: line L column C
// (char P)", positions counted in code points as CPython's str indexes.
func decodeError(msg, doc string, pos int) error {
	prefix := doc[:pos]
	char := utf8.RuneCountInString(prefix)
	line := strings.Count(prefix, "\n") + 1
	col := char + 1
	if nl := strings.LastIndexByte(prefix, '\n'); nl >= 0 {
		col = utf8.RuneCountInString(prefix[nl+1:]) + 1
	}
	e := py.NewException(JSONDecodeErrorType, py.Str(fmt.Sprintf("%s: line %d column %d (char %d)", msg, line, col, char)))
	e.Attrs = map[string]py.Value{"msg": py.Str(msg), "doc": py.Str(doc), "pos": py.Int(char), "lineno": py.Int(line), "colno": py.Int(col)}
	return e
}

func (d *decoder) ws(i int) int {
	for i < len(d.s) && (d.s[i] == ' ' || d.s[i] == '\t' || d.s[i] == '\n' || d.s[i] == '\r') {
		i++
	}
	return i
}

func (d *decoder) value(i int) (py.Value, int, error) {
	if i >= len(d.s) {
		return nil, i, decodeError("Expecting value", d.s, i)
	}
	switch c := d.s[i]; {
	case c == '"':
		s, end, err := d.str(i + 1)
		return py.Str(s), end, err
	case c == '{':
		return d.object(i + 1)
	case c == '[':
		return d.array(i + 1)
	case strings.HasPrefix(d.s[i:], "null"):
		return py.None, i + 4, nil
	case strings.HasPrefix(d.s[i:], "true"):
		return py.True, i + 4, nil
	case strings.HasPrefix(d.s[i:], "false"):
		return py.False, i + 5, nil
	case strings.HasPrefix(d.s[i:], "NaN"):
		return py.Float(gomath.NaN()), i + 3, nil
	case strings.HasPrefix(d.s[i:], "Infinity"):
		return py.Float(gomath.Inf(1)), i + 8, nil
	case strings.HasPrefix(d.s[i:], "-Infinity"):
		return py.Float(gomath.Inf(-1)), i + 9, nil
	case c == '-' || c >= '0' && c <= '9':
		return d.number(i)
	}
	return nil, i, decodeError("Expecting value", d.s, i)
}

// number is NUMBER_RE: -?(?:0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?
func (d *decoder) number(i int) (py.Value, int, error) {
	s := d.s
	j := i
	if j < len(s) && s[j] == '-' {
		j++
	}
	digits := func(k int) int {
		for k < len(s) && s[k] >= '0' && s[k] <= '9' {
			k++
		}
		return k
	}
	switch {
	case j < len(s) && s[j] == '0':
		j++
	case j < len(s) && s[j] >= '1' && s[j] <= '9':
		j = digits(j)
	default:
		return nil, i, decodeError("Expecting value", s, i)
	}
	isFloat := false
	if j+1 < len(s) && s[j] == '.' && s[j+1] >= '0' && s[j+1] <= '9' {
		j = digits(j + 1)
		isFloat = true
	}
	if j < len(s) && (s[j] == 'e' || s[j] == 'E') {
		k := j + 1
		if k < len(s) && (s[k] == '+' || s[k] == '-') {
			k++
		}
		if k < len(s) && s[k] >= '0' && s[k] <= '9' {
			j = digits(k)
			isFloat = true
		}
	}
	text := s[i:j]
	if isFloat {
		f, err := strconv.ParseFloat(text, 64)
		if err != nil && !strings.Contains(err.Error(), "range") {
			return nil, i, decodeError("Expecting value", s, i)
		}
		return py.Float(f), j, nil
	}
	if n, err := strconv.ParseInt(text, 10, 64); err == nil {
		return py.Int(n), j, nil
	}
	b, _ := new(big.Int).SetString(text, 10)
	return py.MakeBigInt(b), j, nil
}

// str reads a string body from i (after the opening quote) as
// py_scanstring does in strict mode.
func (d *decoder) str(i int) (string, int, error) {
	s := d.s
	begin := i - 1
	var b strings.Builder
	for {
		if i >= len(s) {
			return "", i, decodeError("Unterminated string starting at", s, begin)
		}
		c := s[i]
		switch {
		case c == '"':
			return b.String(), i + 1, nil
		case c < 0x20:
			return "", i, decodeError("Invalid control character at", s, i)
		case c != '\\':
			b.WriteByte(c)
			i++
			continue
		}
		i++
		if i >= len(s) {
			return "", i, decodeError("Unterminated string starting at", s, begin)
		}
		esc := s[i]
		switch esc {
		case '"', '\\', '/':
			b.WriteByte(esc)
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'u':
			r, ok := hex4(s, i+1)
			if !ok {
				return "", i, decodeError("Invalid \\uXXXX escape", s, i-1)
			}
			i += 4
			if r >= 0xd800 && r <= 0xdbff && i+2 < len(s) && s[i+1] == '\\' && s[i+2] == 'u' {
				if r2, ok := hex4(s, i+3); ok && r2 >= 0xdc00 && r2 <= 0xdfff {
					r = utf16.DecodeRune(r, r2)
					i += 6
				}
			}
			b.WriteRune(syntax.SurrogateRune(r))
		default:
			return "", i, decodeError("Invalid \\escape", s, i-1)
		}
		i++
	}
}

func hex4(s string, i int) (rune, bool) {
	if i+4 > len(s) {
		return 0, false
	}
	n, err := strconv.ParseUint(s[i:i+4], 16, 32)
	if err != nil || strings.ContainsAny(s[i:i+4], "+-xX") {
		return 0, false
	}
	return rune(n), true
}

func (d *decoder) nest(i int) error {
	d.depth++
	if d.depth > 900 {
		return py.Errorf(py.RecursionErrorType, "maximum recursion depth exceeded while decoding a JSON document")
	}
	return nil
}

func (d *decoder) object(i int) (py.Value, int, error) {
	if err := d.nest(i); err != nil {
		return nil, i, err
	}
	defer func() { d.depth-- }()
	s := d.s
	obj := py.NewDict()
	i = d.ws(i)
	if i < len(s) && s[i] == '}' {
		return obj, i + 1, nil
	}
	for {
		if i >= len(s) || s[i] != '"' {
			return nil, i, decodeError("Expecting property name enclosed in double quotes", s, i)
		}
		key, end, err := d.str(i + 1)
		if err != nil {
			return nil, i, err
		}
		i = d.ws(end)
		if i >= len(s) || s[i] != ':' {
			return nil, i, decodeError("Expecting ':' delimiter", s, i)
		}
		i = d.ws(i + 1)
		v, end, err := d.value(i)
		if err != nil {
			return nil, i, err
		}
		obj.SetStr(key, v)
		i = d.ws(end)
		if i < len(s) && s[i] == '}' {
			return obj, i + 1, nil
		}
		if i >= len(s) || s[i] != ',' {
			return nil, i, decodeError("Expecting ',' delimiter", s, i)
		}
		i = d.ws(i + 1)
	}
}

func (d *decoder) array(i int) (py.Value, int, error) {
	if err := d.nest(i); err != nil {
		return nil, i, err
	}
	defer func() { d.depth-- }()
	s := d.s
	var elems []py.Value
	i = d.ws(i)
	if i < len(s) && s[i] == ']' {
		return py.NewList(elems), i + 1, nil
	}
	for {
		v, end, err := d.value(i)
		if err != nil {
			return nil, i, err
		}
		elems = append(elems, v)
		i = d.ws(end)
		if i < len(s) && s[i] == ']' {
			return py.NewList(elems), i + 1, nil
		}
		if i >= len(s) || s[i] != ',' {
			return nil, i, decodeError("Expecting ',' delimiter", s, i)
		}
		i = d.ws(i + 1)
	}
}
