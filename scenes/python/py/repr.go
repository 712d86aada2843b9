package py

import (
	"fmt"
	"loopscope/scenes/python/syntax"
	"math"
	"reflect"
	"strconv"
	"strings"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
)

// Reprer is implemented by native values with their own repr.
type Reprer interface {
	Value
	Repr(t *Thread) (string, error)
}

// Stringer is implemented by native values whose str differs from repr.
type Stringer interface {
	Value
	Str(t *Thread) (string, error)
}

// Repr returns repr(v).
func Repr(t *Thread, v Value) (string, error) {
	var b strings.Builder
	p := printer{t: t}
	err := p.repr(&b, v)
	if err == nil && p.tooDeep {
		// As CPython's repr counts each nested container against the
		// recursion limit, with the Python calls already running.
		return "", Errorf(RecursionErrorType, "maximum recursion depth exceeded while getting the repr of an object")
	}
	return b.String(), err
}

// ToStr returns str(v).
func ToStr(t *Thread, v Value) (string, error) {
	switch v := v.(type) {
	case Str:
		return string(v), nil
	case *Exception:
		if v.Class.MRO != nil {
			if t == nil {
				t = scratchThread()
			}
			return instanceStr(t, v)
		}
		return v.Message(), nil
	case *Instance:
		if t == nil {
			t = scratchThread()
		}
		return instanceStr(t, v)
	case Stringer:
		return v.Str(t)
	}
	return Repr(t, v)
}

// reprDepth counts native Repr calls in progress (all threads).
var reprDepth atomic.Int32

const maxReprDepth = 500

// maxReprNesting bounds how deep nested containers are printed; deeper
// ones print as [...] rather than exhausting the Go stack.
const maxReprNesting = 2000

type printer struct {
	t        *Thread
	visiting []Value
	tooDeep  bool // nesting reached the recursion limit: RecursionError
}

func (p *printer) enter(v Value) bool {
	depth, limit := 1, DefaultRecursionLimit
	if p.t != nil {
		depth, limit = max(p.t.vm.depth, 1), p.t.vm.limit
	}
	if p.tooDeep || depth+len(p.visiting)+1 >= limit || len(p.visiting) > maxReprNesting {
		p.tooDeep = true
		return false
	}
	for _, x := range p.visiting {
		if identical(x, v) {
			return false
		}
	}
	p.visiting = append(p.visiting, v)
	return true
}

func (p *printer) leave() { p.visiting = p.visiting[:len(p.visiting)-1] }

func (p *printer) repr(b *strings.Builder, v Value) error {
	switch v := v.(type) {
	case NoneType:
		b.WriteString("None")
	case Bool:
		if v {
			b.WriteString("True")
		} else {
			b.WriteString("False")
		}
	case Int:
		b.WriteString(strconv.FormatInt(int64(v), 10))
	case *BigInt:
		if v.V.BitLen() > 14000 {
			return Errorf(ValueErrorType, "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit")
		}
		s := v.V.String()
		if len(strings.TrimPrefix(s, "-")) > 4300 {
			return Errorf(ValueErrorType, "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit")
		}
		b.WriteString(s)
	case Float:
		b.WriteString(FloatRepr(float64(v)))
	case Str:
		b.WriteString(StrRepr(string(v)))
	case Bytes:
		b.WriteString(BytesRepr(string(v)))
	case Tuple:
		if !p.enter(v) {
			b.WriteString("(...)")
			return nil
		}
		defer p.leave()
		b.WriteByte('(')
		for i, x := range v {
			if i > 0 {
				b.WriteString(", ")
			}
			if err := p.repr(b, x); err != nil {
				return err
			}
		}
		if len(v) == 1 {
			b.WriteByte(',')
		}
		b.WriteByte(')')
	case *List:
		if !p.enter(v) {
			b.WriteString("[...]")
			return nil
		}
		defer p.leave()
		b.WriteByte('[')
		for i, x := range v.Elems {
			if i > 0 {
				b.WriteString(", ")
			}
			if err := p.repr(b, x); err != nil {
				return err
			}
		}
		b.WriteByte(']')
	case *Dict:
		if !p.enter(v) {
			b.WriteString("{...}")
			return nil
		}
		defer p.leave()
		if v.Class != nil && v.Class.Repr != nil {
			s, err := v.Class.Repr(p.t, v)
			b.WriteString(s)
			return err
		}
		b.WriteByte('{')
		first := true
		for i := 0; i < len(v.entries); i++ {
			e := v.entries[i]
			if e.key == nil {
				continue
			}
			if !first {
				b.WriteString(", ")
			}
			first = false
			if err := p.repr(b, e.key); err != nil {
				return err
			}
			b.WriteString(": ")
			if err := p.repr(b, e.val); err != nil {
				return err
			}
		}
		b.WriteByte('}')
	case *Set:
		if v.used == 0 {
			if v.Frozen {
				b.WriteString("frozenset()")
			} else {
				b.WriteString("set()")
			}
			return nil
		}
		if !p.enter(v) {
			b.WriteString("{...}")
			return nil
		}
		defer p.leave()
		if v.Frozen {
			b.WriteString("frozenset(")
		}
		b.WriteByte('{')
		for i, x := range v.Elems() {
			if i > 0 {
				b.WriteString(", ")
			}
			if err := p.repr(b, x); err != nil {
				return err
			}
		}
		b.WriteByte('}')
		if v.Frozen {
			b.WriteByte(')')
		}
	case *DictView:
		b.WriteString(v.Type().Name)
		b.WriteString("([")
		if !p.enter(v.D) {
			b.WriteString("...])")
			return nil
		}
		defer p.leave()
		first := true
		for _, e := range v.D.entries {
			if e.key == nil {
				continue
			}
			if !first {
				b.WriteString(", ")
			}
			first = false
			var err error
			switch v.Kind {
			case 'k':
				err = p.repr(b, e.key)
			case 'v':
				err = p.repr(b, e.val)
			default:
				err = p.repr(b, Tuple{e.key, e.val})
			}
			if err != nil {
				return err
			}
		}
		b.WriteString("])")
	case *Range:
		if v.Step == 1 {
			fmt.Fprintf(b, "range(%d, %d)", v.Start, v.Stop)
		} else {
			fmt.Fprintf(b, "range(%d, %d, %d)", v.Start, v.Stop, v.Step)
		}
	case *Slice:
		b.WriteString("slice(")
		for i, x := range []Value{v.Start, v.Stop, v.Step} {
			if i > 0 {
				b.WriteString(", ")
			}
			if err := p.repr(b, x); err != nil {
				return err
			}
		}
		b.WriteByte(')')
	case *Exception:
		if v.Class.MRO != nil {
			return p.instance(b, v)
		}
		b.WriteString(v.ReprString())
	case *Instance:
		return p.instance(b, v)
	case *Type:
		if v.Members != nil {
			b.WriteString("<enum '" + v.Name + "'>")
		} else if v.MRO != nil {
			b.WriteString(classRepr(v))
		} else if v.IsException() || v.Module != "builtins" {
			fmt.Fprintf(b, "<class '%s'>", v.QualifiedName())
		} else {
			fmt.Fprintf(b, "<class '%s'>", v.Name)
		}
	case *Function:
		fmt.Fprintf(b, "<function %s at %s>", v.QualName, fakeAddr(v))
	case *Builtin:
		if v.Recv != nil {
			name := v.Name
			if i := strings.LastIndexByte(name, '.'); i >= 0 {
				name = name[i+1:]
			}
			fmt.Fprintf(b, "<built-in method %s of %s object at %s>", name, typeName(v.Recv), fakeAddr(v.Recv))
		} else {
			fmt.Fprintf(b, "<built-in function %s>", v.Name)
		}
	case *BoundMethod:
		b.WriteString("<bound method ")
		if f, ok := v.Fn.(*Function); ok {
			b.WriteString(f.QualName)
		}
		b.WriteString(" of ")
		if err := p.repr(b, v.Self); err != nil {
			return err
		}
		b.WriteByte('>')
	case *Module:
		fmt.Fprintf(b, "<module '%s'>", v.Name)
	case EllipsisType:
		b.WriteString("Ellipsis")
	case *Cell:
		fmt.Fprintf(b, "<cell at %s>", fakeAddr(v))
	case Reprer:
		// Native reprs may call Repr again; a cycle must end in an
		// exception, not a Go stack overflow.
		if reprDepth.Add(1) > maxReprDepth {
			reprDepth.Add(-1)
			return Errorf(RecursionErrorType, "maximum recursion depth exceeded while getting the repr of an object")
		}
		s, err := v.Repr(p.t)
		reprDepth.Add(-1)
		if err != nil {
			return err
		}
		b.WriteString(s)
	default:
		fmt.Fprintf(b, "<%s object at %s>", v.Type().QualifiedName(), fakeAddr(v))
	}
	return nil
}

// instance writes repr(x) of an instance of a class.
func (p *printer) instance(b *strings.Builder, x Value) error {
	t := p.t
	if t == nil {
		t = scratchThread()
	}
	if reprDepth.Add(1) > maxReprDepth {
		reprDepth.Add(-1)
		return Errorf(RecursionErrorType, "maximum recursion depth exceeded while getting the repr of an object")
	}
	s, err := instanceRepr(t, x)
	reprDepth.Add(-1)
	if err != nil {
		return err
	}
	b.WriteString(s)
	return nil
}

// fakeAddr is a stable stand-in for an object's address in reprs. Real
// addresses differ from run to run in CPython too; scenes do not print them.
func fakeAddr(v Value) string {
	return fmt.Sprintf("0x%012x", identityHash(v)&0xffffffffffff)
}

func identityKey(v Value) string {
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Pointer, reflect.Map, reflect.Slice, reflect.Func, reflect.Chan, reflect.UnsafePointer:
		return fmt.Sprintf("%T@%x", v, rv.Pointer())
	}
	return fmt.Sprintf("%T=%v", v, v)
}

// FloatRepr returns repr(f) as CPython writes it.
func FloatRepr(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	case math.IsNaN(f):
		return "nan"
	}
	s := strconv.FormatFloat(f, 'e', -1, 64) // d.ddde±xx, shortest
	neg := false
	if s[0] == '-' {
		neg = true
		s = s[1:]
	}
	epos := strings.IndexByte(s, 'e')
	mant, exp := s[:epos], s[epos+1:]
	e, _ := strconv.Atoi(exp)
	digits := strings.Replace(mant, ".", "", 1)
	var out string
	if e >= -4 && e < 16 {
		// fixed notation
		if e < 0 {
			out = "0." + strings.Repeat("0", -e-1) + digits
		} else if len(digits) <= e+1 {
			out = digits + strings.Repeat("0", e+1-len(digits)) + ".0"
		} else {
			out = digits[:e+1] + "." + digits[e+1:]
		}
	} else {
		m := digits[:1]
		if len(digits) > 1 {
			m += "." + digits[1:]
		}
		sign := "+"
		if e < 0 {
			sign = "-"
			e = -e
		}
		out = fmt.Sprintf("%se%s%02d", m, sign, e)
	}
	if neg {
		return "-" + out
	}
	return out
}

// StrRepr returns repr(s) as CPython writes it.
func StrRepr(s string) string {
	quote := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 && strings.IndexByte(s, '"') < 0 {
		quote = '"'
	}
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte(quote)
	for _, r := range s {
		switch {
		case r == rune(quote) || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r < 0x7f:
			b.WriteRune(r)
		case r == utf8.RuneError:
			b.WriteString(`\ufffd`)
		case syntax.IsSurrogate(r):
			fmt.Fprintf(&b, `\u%04x`, syntax.CodePoint(r))
		case isPrintable(r):
			b.WriteRune(r)
		case r <= 0xff:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r <= 0xffff:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			fmt.Fprintf(&b, `\U%08x`, r)
		}
	}
	b.WriteByte(quote)
	return b.String()
}

func isPrintable(r rune) bool {
	if r == ' ' {
		return true
	}
	if unicode.IsSpace(r) {
		return false
	}
	return unicode.IsPrint(r)
}

// BytesRepr returns repr(b) for a bytes value.
func BytesRepr(s string) string {
	quote := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 && strings.IndexByte(s, '"') < 0 {
		quote = '"'
	}
	var b strings.Builder
	b.WriteString("b")
	b.WriteByte(quote)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == quote || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\r':
			b.WriteString(`\r`)
		case c == '\t':
			b.WriteString(`\t`)
		case c < 0x20 || c >= 0x7f:
			fmt.Fprintf(&b, `\x%02x`, c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte(quote)
	return b.String()
}

// CheckEncodable is what encoding s as UTF-8 (printing it, str.encode)
// finds wrong: a lone surrogate raises UnicodeEncodeError as CPython words
// it, naming the first one (or the run of them) by position.
func CheckEncodable(s string) error {
	// Every stand-in starts with the byte 0xF4 (plane 16): most strings
	// are passed over without decoding them.
	if strings.IndexByte(s, 0xf4) < 0 {
		return nil
	}
	first, n, at := rune(0), 0, 0
	i := 0
	for _, r := range s {
		switch {
		case syntax.IsSurrogate(r) && n == 0:
			first, n, at = syntax.CodePoint(r), 1, i
		case syntax.IsSurrogate(r):
			n++
		case n > 0:
			return surrogateError(first, n, at)
		}
		i++
	}
	if n > 0 {
		return surrogateError(first, n, at)
	}
	return nil
}

// surrogateError is UnicodeEncodeError for n surrogates at position at,
// the first of them being first.
func surrogateError(first rune, n, at int) error {
	if n == 1 {
		return Errorf(UnicodeEncodeErrorType, "'utf-8' codec can't encode character '\\u%04x' in position %d: surrogates not allowed", first, at)
	}
	return Errorf(UnicodeEncodeErrorType, "'utf-8' codec can't encode characters in position %d-%d: surrogates not allowed", at, at+n-1)
}
