package py

import (
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"
)

// formatSpec is a parsed format specification (the mini-language).
type formatSpec struct {
	fill      rune
	align     byte // 0, '<', '>', '^', '='
	sign      byte // 0, '+', '-', ' '
	zeroNeg   bool // 'z'
	alt       bool // '#'
	zero      bool // '0'
	width     int
	grouping  byte // 0, ',', '_'
	precision int  // -1 if absent
	typ       byte // 0 or the type letter
}

func parseSpec(spec string) (formatSpec, error) {
	fs := formatSpec{fill: ' ', precision: -1}
	s := spec
	isAlign := func(c byte) bool { return c == '<' || c == '>' || c == '^' || c == '=' }
	if s != "" {
		r, n := utf8.DecodeRuneInString(s)
		if n < len(s) && isAlign(s[n]) {
			fs.fill = r
			fs.align = s[n]
			s = s[n+1:]
		} else if isAlign(s[0]) {
			fs.align = s[0]
			s = s[1:]
		}
	}
	if s != "" && (s[0] == '+' || s[0] == '-' || s[0] == ' ') {
		fs.sign = s[0]
		s = s[1:]
	}
	if s != "" && s[0] == 'z' {
		fs.zeroNeg = true
		s = s[1:]
	}
	if s != "" && s[0] == '#' {
		fs.alt = true
		s = s[1:]
	}
	if s != "" && s[0] == '0' {
		fs.zero = true
		s = s[1:]
	}
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 {
		w, err := strconv.Atoi(s[:i])
		if err != nil || w > 1<<20 {
			return fs, Errorf(ValueErrorType, "Too many decimal digits in format string")
		}
		fs.width = w
		s = s[i:]
	}
	if s != "" && (s[0] == ',' || s[0] == '_') {
		fs.grouping = s[0]
		s = s[1:]
		if s != "" && (s[0] == ',' || s[0] == '_') {
			return fs, Errorf(ValueErrorType, "Cannot specify both ',' and '_'.")
		}
	}
	if s != "" && s[0] == '.' {
		s = s[1:]
		i = 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i == 0 {
			return fs, Errorf(ValueErrorType, "Format specifier missing precision")
		}
		p, err := strconv.Atoi(s[:i])
		if err != nil || p > 1<<20 {
			return fs, Errorf(ValueErrorType, "Too many decimal digits in format string")
		}
		fs.precision = p
		s = s[i:]
	}
	if len(s) > 1 {
		return fs, Errorf(ValueErrorType, "Invalid format specifier '%s' for object of type '%%s'", spec)
	}
	if len(s) == 1 {
		fs.typ = s[0]
	}
	if fs.zero && fs.align == 0 {
		fs.fill = '0'
		fs.align = '='
	}
	return fs, nil
}

// pad aligns s within the width, default alignment def.
func (fs *formatSpec) pad(s string, def byte, signLen int) string {
	n := utf8.RuneCountInString(s)
	if n >= fs.width {
		return s
	}
	fill := strings.Repeat(string(fs.fill), fs.width-n)
	align := fs.align
	if align == 0 {
		align = def
	}
	switch align {
	case '<':
		return s + fill
	case '^':
		left := (fs.width - n) / 2
		return strings.Repeat(string(fs.fill), left) + s + strings.Repeat(string(fs.fill), fs.width-n-left)
	case '=':
		return s[:signLen] + fill + s[signLen:]
	}
	return fill + s
}

// Format returns format(v, spec).
func Format(t *Thread, v Value, spec string) (string, error) {
	switch x := v.(type) {
	case Str:
		if spec == "" {
			return string(x), nil
		}
		return formatStr(string(x), spec, "str")
	case Bool:
		if spec == "" {
			return ToStr(t, x)
		}
		return formatInt(boolInt(x), spec, "bool")
	case Int, *BigInt:
		if spec == "" {
			return Repr(t, x)
		}
		return formatInt(x, spec, "int")
	case Float:
		if spec == "" {
			return FloatRepr(float64(x)), nil
		}
		return formatFloat(float64(x), spec)
	}
	if f, ok := v.(interface {
		Format(t *Thread, spec string) (string, error)
	}); ok {
		return f.Format(t, spec)
	}
	if isUserObject(v) {
		if r, ok, err := callSpecial(t, v, "__format__", Str(spec)); err != nil || ok {
			if err != nil {
				return "", err
			}
			s, isStr := r.(Str)
			if !isStr {
				return "", Errorf(TypeErrorType, "__format__ must return a str, not %s", typeName(r))
			}
			return string(s), nil
		}
	}
	s, err := ToStr(t, v)
	if err != nil {
		return "", err
	}
	if spec != "" {
		return "", Errorf(TypeErrorType, "unsupported format string passed to %s.__format__", typeName(v))
	}
	return s, nil
}

func formatStr(s, spec, tname string) (string, error) {
	fs, err := parseSpec(spec)
	if err != nil {
		return "", fixSpecErr(err, tname)
	}
	if fs.typ != 0 && fs.typ != 's' {
		return "", Errorf(ValueErrorType, "Unknown format code '%c' for object of type '%s'", fs.typ, tname)
	}
	if fs.sign != 0 {
		return "", Errorf(ValueErrorType, "Sign not allowed in string format specifier")
	}
	if fs.alt {
		return "", Errorf(ValueErrorType, "Alternate form (#) not allowed in string format specifier")
	}
	if fs.align == '=' {
		return "", Errorf(ValueErrorType, "'=' alignment not allowed in string format specifier")
	}
	if fs.grouping != 0 {
		return "", Errorf(ValueErrorType, "Cannot specify '%c' with 's'.", fs.grouping)
	}
	if fs.precision >= 0 && utf8.RuneCountInString(s) > fs.precision {
		r := []rune(s)
		s = string(r[:fs.precision])
	}
	return fs.pad(s, '<', 0), nil
}

func fixSpecErr(err error, tname string) error {
	if e, ok := err.(*Exception); ok {
		m := e.Message()
		if strings.Contains(m, "%s") {
			return Errorf(ValueErrorType, "%s", strings.Replace(m, "%s", tname, 1))
		}
	}
	return err
}

// group inserts sep every n digits from the right of an integer string.
func group(digits string, sep byte, n int) string {
	if len(digits) <= n {
		return digits
	}
	var b strings.Builder
	first := len(digits) % n
	if first > 0 {
		b.WriteString(digits[:first])
	}
	for i := first; i < len(digits); i += n {
		if b.Len() > 0 {
			b.WriteByte(sep)
		}
		b.WriteString(digits[i : i+n])
	}
	return b.String()
}

func signStr(neg bool, sign byte) string {
	if neg {
		return "-"
	}
	switch sign {
	case '+':
		return "+"
	case ' ':
		return " "
	}
	return ""
}

func formatInt(v Value, spec, tname string) (string, error) {
	fs, err := parseSpec(spec)
	if err != nil {
		return "", fixSpecErr(err, tname)
	}
	switch fs.typ {
	case 'e', 'E', 'f', 'F', 'g', 'G', '%':
		f, _ := toFloat(v)
		return formatFloatSpec(f, fs)
	case 0, 'd', 'n', 'b', 'o', 'x', 'X', 'c':
	default:
		return "", Errorf(ValueErrorType, "Unknown format code '%c' for object of type '%s'", fs.typ, tname)
	}
	if fs.precision >= 0 {
		return "", Errorf(ValueErrorType, "Precision not allowed in integer format specifier")
	}
	b := toBig(v)
	neg := b.Sign() < 0
	abs := new(big.Int).Abs(b)
	var digits, prefix string
	switch fs.typ {
	case 'b':
		digits, prefix = abs.Text(2), "0b"
	case 'o':
		digits, prefix = abs.Text(8), "0o"
	case 'x':
		digits, prefix = abs.Text(16), "0x"
	case 'X':
		digits, prefix = strings.ToUpper(abs.Text(16)), "0X"
	case 'c':
		if fs.sign != 0 {
			return "", Errorf(ValueErrorType, "Sign not allowed with integer format specifier 'c'")
		}
		if !b.IsInt64() || b.Int64() < 0 || b.Int64() > 0x10ffff {
			return "", Errorf(OverflowErrorType, "%%c arg not in range(0x110000)")
		}
		return fs.pad(string(rune(b.Int64())), '<', 0), nil
	default:
		digits = abs.Text(10)
	}
	if !fs.alt {
		prefix = ""
	}
	if fs.grouping != 0 {
		n := 3
		if fs.typ == 'b' || fs.typ == 'o' || fs.typ == 'x' || fs.typ == 'X' {
			if fs.grouping == ',' {
				return "", Errorf(ValueErrorType, "Cannot specify ',' with '%c'.", fs.typ)
			}
			n = 4
		}
		if fs.align == '=' && fs.fill == '0' {
			// zero padding participates in grouping
			sl := len(signStr(neg, fs.sign)) + len(prefix)
			for len(group(digits, fs.grouping, n))+sl < fs.width {
				digits = "0" + digits
			}
		}
		digits = group(digits, fs.grouping, n)
	}
	s := signStr(neg, fs.sign) + prefix
	return fs.pad(s+digits, '>', len(s)), nil
}

func formatFloat(f float64, spec string) (string, error) {
	fs, err := parseSpec(spec)
	if err != nil {
		return "", fixSpecErr(err, "float")
	}
	return formatFloatSpec(f, fs)
}

func formatFloatSpec(f float64, fs formatSpec) (string, error) {
	switch fs.typ {
	case 0, 'e', 'E', 'f', 'F', 'g', 'G', 'n', '%':
	default:
		return "", Errorf(ValueErrorType, "Unknown format code '%c' for object of type 'float'", fs.typ)
	}
	neg := math.Signbit(f)
	a := math.Abs(f)
	prec := fs.precision
	var body string
	switch {
	case math.IsInf(a, 0) || math.IsNaN(a):
		body = "inf"
		if math.IsNaN(a) {
			body = "nan"
			neg = false
		}
		if fs.typ == 'E' || fs.typ == 'F' || fs.typ == 'G' {
			body = strings.ToUpper(body)
		}
		if fs.typ == '%' {
			body += "%"
		}
	default:
		switch fs.typ {
		case 'e', 'E':
			if prec < 0 {
				prec = 6
			}
			body = strconv.FormatFloat(a, 'e', prec, 64)
			if fs.alt && prec == 0 {
				body = strings.Replace(body, "e", ".e", 1)
			}
			if fs.typ == 'E' {
				body = strings.ToUpper(body)
			}
		case 'f', 'F':
			if prec < 0 {
				prec = 6
			}
			body = strconv.FormatFloat(a, 'f', prec, 64)
			if fs.alt && prec == 0 {
				body += "."
			}
		case '%':
			if prec < 0 {
				prec = 6
			}
			body = strconv.FormatFloat(a*100, 'f', prec, 64)
			if fs.alt && prec == 0 {
				body += "."
			}
			body += "%"
		case 'g', 'G', 'n':
			if prec < 0 {
				prec = 6
			}
			body = formatG(a, prec, fs.alt, false)
			if fs.typ == 'G' {
				body = strings.ToUpper(body)
			}
		case 0:
			if prec < 0 {
				body = FloatRepr(a)
			} else {
				body = formatG(a, prec, fs.alt, true)
			}
		}
	}
	if fs.zeroNeg && neg {
		// negative zero after rounding becomes zero
		if strings.Trim(body, "0.e+-%") == "" || allZeroDigits(body) {
			neg = false
		}
	}
	if fs.grouping != 0 {
		intEnd := len(body)
		for i := 0; i < len(body); i++ {
			if body[i] < '0' || body[i] > '9' {
				intEnd = i
				break
			}
		}
		ip := body[:intEnd]
		if fs.align == '=' && fs.fill == '0' {
			sl := len(signStr(neg, fs.sign))
			for len(group(ip, fs.grouping, 3))+len(body)-intEnd+sl < fs.width {
				ip = "0" + ip
			}
		}
		body = group(ip, fs.grouping, 3) + body[intEnd:]
	}
	s := signStr(neg, fs.sign)
	return fs.pad(s+body, '>', len(s)), nil
}

func allZeroDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == 'e' || c == 'E' {
			break
		}
		if c >= '1' && c <= '9' {
			return false
		}
	}
	return true
}

// formatG formats a non-negative finite float like Python's 'g' (or, with
// repr-style, the no-type format with a precision, which keeps at least one
// decimal digit).
func formatG(a float64, prec int, alt, reprStyle bool) string {
	if prec == 0 {
		prec = 1
	}
	e := strconv.FormatFloat(a, 'e', prec-1, 64)
	epos := strings.IndexByte(e, 'e')
	exp, _ := strconv.Atoi(e[epos+1:])
	var body string
	if exp >= -4 && exp < prec {
		body = strconv.FormatFloat(a, 'f', prec-1-exp, 64)
		if !alt {
			if strings.IndexByte(body, '.') >= 0 {
				body = strings.TrimRight(body, "0")
				body = strings.TrimSuffix(body, ".")
			}
			if reprStyle && strings.IndexByte(body, '.') < 0 {
				body += ".0"
			}
		} else if strings.IndexByte(body, '.') < 0 {
			body += "."
		}
		return body
	}
	mant := e[:epos]
	if !alt {
		if strings.IndexByte(mant, '.') >= 0 {
			mant = strings.TrimRight(mant, "0")
			mant = strings.TrimSuffix(mant, ".")
		}
	} else if strings.IndexByte(mant, '.') < 0 {
		mant += "."
	}
	sign := "+"
	if exp < 0 {
		sign = "-"
		exp = -exp
	}
	es := strconv.Itoa(exp)
	if len(es) < 2 {
		es = "0" + es
	}
	return mant + "e" + sign + es
}

// formatField formats an f-string field: conversion (0 none, 1 s, 2 r, 3
// a) then format spec.
func formatField(t *Thread, v Value, conv int, spec string) (string, error) {
	switch conv {
	case 1:
		s, err := ToStr(t, v)
		if err != nil {
			return "", err
		}
		v = Str(s)
	case 2:
		s, err := Repr(t, v)
		if err != nil {
			return "", err
		}
		v = Str(s)
	case 3:
		s, err := Repr(t, v)
		if err != nil {
			return "", err
		}
		v = Str(asciiEscape(s))
	}
	if s, ok := v.(Str); ok && spec == "" {
		return string(s), nil
	}
	return Format(t, v, spec)
}

func asciiEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r < 0x80:
			b.WriteRune(r)
		case r <= 0xff:
			b.WriteString(`\x` + leftPad(strconv.FormatInt(int64(r), 16), 2))
		case r <= 0xffff:
			b.WriteString(`\u` + leftPad(strconv.FormatInt(int64(r), 16), 4))
		default:
			b.WriteString(`\U` + leftPad(strconv.FormatInt(int64(r), 16), 8))
		}
	}
	return b.String()
}

func leftPad(s string, n int) string {
	for len(s) < n {
		s = "0" + s
	}
	return s
}

// percentFormat implements str % args.
func percentFormat(t *Thread, format string, args Value) (string, error) {
	var list []Value
	var mapping *Dict
	mappingLike := false // CPython skips the "not all arguments converted" check for these
	switch a := args.(type) {
	case Tuple:
		list = a
	case *Dict:
		mapping = a
		mappingLike = true
		list = []Value{a}
	case *List, Bytes, *Range, *DictView:
		mappingLike = true
		list = []Value{a}
	default:
		list = []Value{a}
	}
	argi := 0
	next := func() (Value, error) {
		if argi >= len(list) {
			return nil, Errorf(TypeErrorType, "not enough arguments for format string")
		}
		v := list[argi]
		argi++
		return v, nil
	}
	var b strings.Builder
	usedMapping := false
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' {
			b.WriteByte(c)
			continue
		}
		i++
		if i >= len(format) {
			return "", Errorf(ValueErrorType, "incomplete format")
		}
		var key Value
		if format[i] == '(' {
			if mapping == nil {
				return "", Errorf(TypeErrorType, "format requires a mapping")
			}
			depth := 1
			j := i + 1
			for ; j < len(format) && depth > 0; j++ {
				if format[j] == '(' {
					depth++
				} else if format[j] == ')' {
					depth--
				}
			}
			if depth > 0 {
				return "", Errorf(ValueErrorType, "incomplete format key")
			}
			key = Str(format[i+1 : j-1])
			i = j
			usedMapping = true
		}
		// flags
		fs := formatSpec{fill: ' ', precision: -1}
		leftAlign := false
		for ; i < len(format); i++ {
			switch format[i] {
			case '-':
				leftAlign = true
				continue
			case '+':
				fs.sign = '+'
				continue
			case ' ':
				if fs.sign == 0 {
					fs.sign = ' '
				}
				continue
			case '#':
				fs.alt = true
				continue
			case '0':
				fs.zero = true
				continue
			}
			break
		}
		// width
		if i < len(format) && format[i] == '*' {
			v, err := next()
			if err != nil {
				return "", err
			}
			w, err := AsIndex(v)
			if err != nil {
				return "", Errorf(TypeErrorType, "* wants int")
			}
			if w < 0 {
				leftAlign = true
				w = -w
			}
			fs.width = int(w)
			i++
		} else {
			for i < len(format) && format[i] >= '0' && format[i] <= '9' {
				fs.width = fs.width*10 + int(format[i]-'0')
				if fs.width > 1<<20 {
					return "", Errorf(ValueErrorType, "width too big")
				}
				i++
			}
		}
		if i < len(format) && format[i] == '.' {
			i++
			fs.precision = 0
			if i < len(format) && format[i] == '*' {
				v, err := next()
				if err != nil {
					return "", err
				}
				p, err := AsIndex(v)
				if err != nil {
					return "", Errorf(TypeErrorType, "* wants int")
				}
				fs.precision = int(p)
				i++
			} else {
				for i < len(format) && format[i] >= '0' && format[i] <= '9' {
					fs.precision = fs.precision*10 + int(format[i]-'0')
					if fs.precision > 1<<20 {
						return "", Errorf(ValueErrorType, "precision too big")
					}
					i++
				}
			}
		}
		if i >= len(format) {
			return "", Errorf(ValueErrorType, "incomplete format")
		}
		conv := format[i]
		if conv == '%' {
			b.WriteByte('%')
			continue
		}
		var v Value
		if key != nil {
			var found bool
			var err error
			v, found, err = mapping.Get(t, key)
			if err != nil {
				return "", err
			}
			if !found {
				return "", NewException(KeyErrorType, key)
			}
		} else {
			var err error
			v, err = next()
			if err != nil {
				return "", err
			}
		}
		if leftAlign {
			fs.align = '<'
		} else if fs.zero && conv != 's' && conv != 'r' && conv != 'a' && conv != 'c' {
			fs.fill = '0'
			fs.align = '='
		} else {
			fs.align = '>'
		}
		var s string
		var err error
		switch conv {
		case 's', 'r', 'a':
			if conv == 's' {
				s, err = ToStr(t, v)
			} else {
				s, err = Repr(t, v)
				if conv == 'a' {
					s = asciiEscape(s)
				}
			}
			if err != nil {
				return "", err
			}
			if fs.precision >= 0 && utf8.RuneCountInString(s) > fs.precision {
				s = string([]rune(s)[:fs.precision])
			}
			s = fs.pad(s, '>', 0)
		case 'd', 'i', 'u', 'x', 'X', 'o':
			iv, ok := asInt(v)
			if !ok {
				if f, isF := v.(Float); isF && (conv == 'd' || conv == 'i' || conv == 'u') {
					iv, err = floatToInt(float64(f))
					if err != nil {
						return "", err
					}
				} else {
					if conv == 'd' || conv == 'i' || conv == 'u' {
						return "", Errorf(TypeErrorType, "%%%c format: a real number is required, not %s", conv, typeName(v))
					}
					return "", Errorf(TypeErrorType, "%%%c format: an integer is required, not %s", conv, typeName(v))
				}
			}
			b := toBig(iv)
			neg := b.Sign() < 0
			abs := new(big.Int).Abs(b)
			var digits, prefix string
			switch conv {
			case 'x':
				digits, prefix = abs.Text(16), "0x"
			case 'X':
				digits, prefix = strings.ToUpper(abs.Text(16)), "0X"
			case 'o':
				digits, prefix = abs.Text(8), "0o"
			default:
				digits = abs.Text(10)
			}
			if fs.precision > len(digits) {
				digits = strings.Repeat("0", fs.precision-len(digits)) + digits
			}
			if !fs.alt {
				prefix = ""
			}
			sg := signStr(neg, fs.sign) + prefix
			s = fs.pad(sg+digits, '>', len(sg))
		case 'e', 'E', 'f', 'F', 'g', 'G':
			f, ok := toFloat(v)
			if !ok {
				return "", Errorf(TypeErrorType, "must be real number, not %s", typeName(v))
			}
			if fs.precision < 0 {
				fs.precision = 6
			}
			fs.typ = conv
			s, err = formatFloatSpec(f, fs)
			if err != nil {
				return "", err
			}
		case 'c':
			switch x := v.(type) {
			case Str:
				if utf8.RuneCountInString(string(x)) != 1 {
					return "", Errorf(TypeErrorType, "%%c requires int or char")
				}
				s = string(x)
			case Int:
				if x < 0 || x > 0x10ffff {
					return "", Errorf(OverflowErrorType, "%%c arg not in range(0x110000)")
				}
				s = string(rune(x))
			default:
				return "", Errorf(TypeErrorType, "%%c requires int or char")
			}
			s = fs.pad(s, '>', 0)
		default:
			return "", Errorf(ValueErrorType, "unsupported format character '%c' (0x%x) at index %d", conv, conv, i)
		}
		b.WriteString(s)
	}
	if argi < len(list) && !usedMapping && !mappingLike {
		return "", Errorf(TypeErrorType, "not all arguments converted during string formatting")
	}
	return b.String(), nil
}

// strFormat implements str.format(*args, **kw).
func strFormat(t *Thread, format string, args []Value, kw []Kwarg) (string, error) {
	var b strings.Builder
	auto := 0
	manual := false
	autoUsed := false
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c == '}' {
			if i+1 < len(format) && format[i+1] == '}' {
				b.WriteByte('}')
				i++
				continue
			}
			return "", Errorf(ValueErrorType, "Single '}' encountered in format string")
		}
		if c != '{' {
			b.WriteByte(c)
			continue
		}
		if i+1 < len(format) && format[i+1] == '{' {
			b.WriteByte('{')
			i++
			continue
		}
		// find the matching }
		depth := 1
		j := i + 1
		for ; j < len(format); j++ {
			if format[j] == '{' {
				depth++
			} else if format[j] == '}' {
				depth--
				if depth == 0 {
					break
				}
			}
		}
		if j >= len(format) {
			return "", Errorf(ValueErrorType, "expected '}' before end of string")
		}
		field := format[i+1 : j]
		i = j
		// split field_name ! conversion : spec
		name, conv, spec := field, "", ""
		if k := strings.IndexByte(name, ':'); k >= 0 {
			name, spec = name[:k], name[k+1:]
		}
		if k := strings.IndexByte(name, '!'); k >= 0 {
			name, conv = name[:k], name[k+1:]
		}
		if strings.Contains(spec, "{") {
			s, err := strFormatNested(t, spec, args, kw, &auto, &manual, &autoUsed)
			if err != nil {
				return "", err
			}
			spec = s
		}
		v, err := formatLookup(t, name, args, kw, &auto, &manual, &autoUsed)
		if err != nil {
			return "", err
		}
		cv := 0
		switch conv {
		case "":
		case "s":
			cv = 1
		case "r":
			cv = 2
		case "a":
			cv = 3
		default:
			if len(conv) == 1 {
				return "", Errorf(ValueErrorType, "Unknown conversion specifier %s", conv)
			}
			return "", Errorf(ValueErrorType, "expected ':' after conversion specifier")
		}
		s, err := formatField(t, v, cv, spec)
		if err != nil {
			return "", err
		}
		b.WriteString(s)
	}
	return b.String(), nil
}

func strFormatNested(t *Thread, spec string, args []Value, kw []Kwarg, auto *int, manual, autoUsed *bool) (string, error) {
	var b strings.Builder
	for i := 0; i < len(spec); i++ {
		if spec[i] != '{' {
			b.WriteByte(spec[i])
			continue
		}
		j := strings.IndexByte(spec[i:], '}')
		if j < 0 {
			return "", Errorf(ValueErrorType, "unmatched '{' in format spec")
		}
		v, err := formatLookup(t, spec[i+1:i+j], args, kw, auto, manual, autoUsed)
		if err != nil {
			return "", err
		}
		s, err := Format(t, v, "")
		if err != nil {
			return "", err
		}
		b.WriteString(s)
		i += j
	}
	return b.String(), nil
}

func formatLookup(t *Thread, name string, args []Value, kw []Kwarg, auto *int, manual, autoUsed *bool) (Value, error) {
	// first part: index or name, then .attr or [key] parts
	end := len(name)
	for k := 0; k < len(name); k++ {
		if name[k] == '.' || name[k] == '[' {
			end = k
			break
		}
	}
	first, rest := name[:end], name[end:]
	var v Value
	if first == "" {
		if *manual {
			return nil, Errorf(ValueErrorType, "cannot switch from manual field specification to automatic field numbering")
		}
		*autoUsed = true
		if *auto >= len(args) {
			return nil, Errorf(IndexErrorType, "Replacement index %d out of range for positional args tuple", *auto)
		}
		v = args[*auto]
		*auto++
	} else if n, err := strconv.Atoi(first); err == nil {
		if *autoUsed {
			return nil, Errorf(ValueErrorType, "cannot switch from automatic field numbering to manual field specification")
		}
		*manual = true
		if n >= len(args) || n < 0 {
			return nil, Errorf(IndexErrorType, "Replacement index %d out of range for positional args tuple", n)
		}
		v = args[n]
	} else {
		found := false
		for _, k := range kw {
			if k.Name == first {
				v, found = k.Value, true
			}
		}
		if !found {
			return nil, NewException(KeyErrorType, Str(first))
		}
	}
	for rest != "" {
		if rest[0] == '.' {
			k := 1
			for k < len(rest) && rest[k] != '.' && rest[k] != '[' {
				k++
			}
			a, err := GetAttr(t, v, rest[1:k])
			if err != nil {
				return nil, err
			}
			v, rest = a, rest[k:]
			continue
		}
		k := strings.IndexByte(rest, ']')
		if k < 0 {
			return nil, Errorf(ValueErrorType, "Missing ']' in format string")
		}
		key := rest[1:k]
		var kv Value = Str(key)
		if n, err := strconv.Atoi(key); err == nil {
			kv = Int(n)
		}
		x, err := GetItem(t, v, kv)
		if err != nil {
			return nil, err
		}
		v, rest = x, rest[k+1:]
	}
	return v, nil
}

// roundFloat rounds f to n decimal digits, half to even on the exact
// binary value, as CPython's round does.
func roundFloat(f float64, n int64) (float64, error) {
	if math.IsInf(f, 0) || math.IsNaN(f) || f == 0 {
		return f, nil
	}
	if n > 400 {
		return f, nil
	}
	if n < -400 {
		return math.Copysign(0, f), nil
	}
	if n >= 0 {
		s := strconv.FormatFloat(f, 'f', int(n), 64)
		r, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return 0, Errorf(OverflowErrorType, "rounded value too large to represent")
		}
		return r, nil
	}
	// negative n: round to a multiple of 10**-n exactly
	x := new(big.Rat)
	x.SetFloat64(f)
	p := new(big.Int).Exp(big.NewInt(10), big.NewInt(-n), nil)
	q := new(big.Rat).Quo(x, new(big.Rat).SetInt(p))
	r := roundRatHalfEven(q)
	r.Mul(r, p)
	out, _ := new(big.Float).SetInt(r).Float64()
	if math.IsInf(out, 0) {
		return 0, Errorf(OverflowErrorType, "rounded value too large to represent")
	}
	if out == 0 {
		return math.Copysign(0, f), nil
	}
	return out, nil
}

func roundRatHalfEven(q *big.Rat) *big.Int {
	num, den := q.Num(), q.Denom()
	quo, rem := new(big.Int).QuoRem(num, den, new(big.Int))
	// quo truncates toward zero
	twice := new(big.Int).Mul(new(big.Int).Abs(rem), big.NewInt(2))
	c := twice.Cmp(den)
	if c > 0 || c == 0 && quo.Bit(0) == 1 {
		if num.Sign() < 0 {
			quo.Sub(quo, big.NewInt(1))
		} else {
			quo.Add(quo, big.NewInt(1))
		}
	}
	return quo
}

// floatToInt converts a float to an int, truncating toward zero.
func floatToInt(f float64) (Value, error) {
	if math.IsInf(f, 0) {
		return nil, Errorf(OverflowErrorType, "cannot convert float infinity to integer")
	}
	if math.IsNaN(f) {
		return nil, Errorf(ValueErrorType, "cannot convert float NaN to integer")
	}
	t := math.Trunc(f)
	if t >= -9.2e18 && t <= 9.2e18 {
		return Int(int64(t)), nil
	}
	b, _ := new(big.Float).SetFloat64(t).Int(nil)
	return MakeBigInt(b), nil
}
