package py

import (
	"math"
	"math/big"
	"strings"
	"unicode"
	"unicode/utf8"
)

func argStr(fn string, v Value, i int) (string, error) {
	s, ok := v.(Str)
	if !ok {
		return "", Errorf(TypeErrorType, "%s() argument %d must be str, not %s", fn, i, typeName(v))
	}
	return string(s), nil
}

func optIndex(args []Value, i int, def int64) (int64, error) {
	if i >= len(args) || args[i] == None {
		return def, nil
	}
	return AsIndex(args[i])
}

// runeSlice returns s[start:end] by code points with Python's clamping.
func strBounds(s string, args []Value, from int) (string, int, error) {
	n := strLen(s)
	start, err := optIndex(args, from, 0)
	if err != nil {
		return "", 0, err
	}
	end, err := optIndex(args, from+1, int64(n))
	if err != nil {
		return "", 0, err
	}
	if start > int64(n) {
		return "", -1, nil
	}
	st, en, _, _ := sliceIndices(&Slice{Int(start), Int(end), None}, n)
	if en < st {
		return "", -1, nil
	}
	if isASCII(s) {
		return s[st:en], st, nil
	}
	r := []rune(s)
	return string(r[st:en]), st, nil
}

func runeIndex(s string, byteIdx int) int {
	if byteIdx < 0 {
		return byteIdx
	}
	return utf8.RuneCountInString(s[:byteIdx])
}

func strFind(args []Value, s string, name string, rev bool) (int, error) {
	if err := checkArgs(name, args, 1, 3); err != nil {
		return 0, err
	}
	sub, err := argStr(name, args[0], 1)
	if err != nil {
		return 0, Errorf(TypeErrorType, "must be str, not %s", typeName(args[0]))
	}
	part, off, err := strBounds(s, args, 1)
	if err != nil {
		return 0, err
	}
	if off < 0 {
		return -1, nil
	}
	var i int
	if rev {
		i = strings.LastIndex(part, sub)
	} else {
		i = strings.Index(part, sub)
	}
	if i < 0 {
		return -1, nil
	}
	return off + runeIndex(part, i), nil
}

func splitWhitespace(s string, maxsplit int) []Value {
	var out []Value
	i := 0
	for {
		for i < len(s) {
			r, n := utf8.DecodeRuneInString(s[i:])
			if !unicode.IsSpace(r) {
				break
			}
			i += n
		}
		if i >= len(s) {
			break
		}
		if maxsplit >= 0 && len(out) == maxsplit {
			out = append(out, Str(strings.TrimRightFunc(s[i:], unicode.IsSpace)))
			break
		}
		j := i
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if unicode.IsSpace(r) {
				break
			}
			j += n
		}
		out = append(out, Str(s[i:j]))
		i = j
	}
	if out == nil {
		out = []Value{}
	}
	return out
}

func rsplitWhitespace(s string, maxsplit int) []Value {
	var rev []Value
	j := len(s)
	for {
		for j > 0 {
			r, n := utf8.DecodeLastRuneInString(s[:j])
			if !unicode.IsSpace(r) {
				break
			}
			j -= n
		}
		if j <= 0 {
			break
		}
		if maxsplit >= 0 && len(rev) == maxsplit {
			rev = append(rev, Str(strings.TrimLeftFunc(s[:j], unicode.IsSpace)))
			break
		}
		i := j
		for i > 0 {
			r, n := utf8.DecodeLastRuneInString(s[:i])
			if unicode.IsSpace(r) {
				break
			}
			i -= n
		}
		rev = append(rev, Str(s[i:j]))
		j = i
	}
	out := make([]Value, len(rev))
	for i, v := range rev {
		out[len(rev)-1-i] = v
	}
	return out
}

func splitArgs(name string, args []Value, kw []Kwarg) (sep Value, maxsplit int, err error) {
	sep, maxsplit = None, -1
	if len(args) > 2 {
		return nil, 0, Errorf(TypeErrorType, "%s() takes at most 2 arguments (%d given)", name, len(args))
	}
	if len(args) > 0 {
		sep = args[0]
	}
	if len(args) > 1 {
		m, err := AsIndex(args[1])
		if err != nil {
			return nil, 0, err
		}
		maxsplit = int(m)
	}
	for _, k := range kw {
		switch k.Name {
		case "sep":
			sep = k.Value
		case "maxsplit":
			m, err := AsIndex(k.Value)
			if err != nil {
				return nil, 0, err
			}
			maxsplit = int(m)
		default:
			return nil, 0, Errorf(TypeErrorType, "%s() got an unexpected keyword argument '%s'", name, k.Name)
		}
	}
	return sep, maxsplit, nil
}

func pyStrip(s string, args []Value, left, right bool, name string) (string, error) {
	if len(args) > 1 {
		return "", Errorf(TypeErrorType, "%s expected at most 1 argument, got %d", name, len(args))
	}
	if len(args) == 0 || args[0] == None {
		if left {
			s = strings.TrimLeftFunc(s, unicode.IsSpace)
		}
		if right {
			s = strings.TrimRightFunc(s, unicode.IsSpace)
		}
		return s, nil
	}
	chars, ok := args[0].(Str)
	if !ok {
		return "", Errorf(TypeErrorType, "%s arg must be None or str", name)
	}
	if left {
		s = strings.TrimLeft(s, string(chars))
	}
	if right {
		s = strings.TrimRight(s, string(chars))
	}
	return s, nil
}

func strPad(t *Thread, name string, s string, args []Value, how byte) (Value, error) {
	if err := checkArgs(name, args, 1, 2); err != nil {
		return nil, err
	}
	w, err := AsIndex(args[0])
	if err != nil {
		return nil, err
	}
	if w > maxStrLen {
		return nil, memoryError()
	}
	if err := t.Charge(w); err != nil {
		return nil, err
	}
	fill := " "
	if len(args) == 2 {
		f, ok := args[1].(Str)
		if !ok || utf8.RuneCountInString(string(f)) != 1 {
			return nil, Errorf(TypeErrorType, "The fill character must be exactly one character long")
		}
		fill = string(f)
	}
	n := strLen(s)
	if int(w) <= n {
		return Str(s), nil
	}
	d := int(w) - n
	switch how {
	case 'l':
		return Str(s + strings.Repeat(fill, d)), nil
	case 'r':
		return Str(strings.Repeat(fill, d) + s), nil
	}
	left := d/2 + (d & int(w) & 1)
	return Str(strings.Repeat(fill, left) + s + strings.Repeat(fill, d-left)), nil
}

// pyUpper is str.upper with the special cases Go's ToUpper leaves alone.
func pyUpper(s string) string {
	u := strings.ToUpper(s)
	if strings.ContainsAny(u, "ßﬁﬂ") {
		u = strings.NewReplacer("ß", "SS", "ﬁ", "FI", "ﬂ", "FL").Replace(u)
	}
	return u
}

func allRunes(s string, pred func(rune) bool) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !pred(r) {
			return false
		}
	}
	return true
}

func titleCase(s string) string {
	var b strings.Builder
	prevCased := false
	for _, r := range s {
		if unicode.IsLetter(r) {
			if prevCased {
				b.WriteRune(unicode.ToLower(r))
			} else {
				b.WriteRune(unicode.ToTitle(r))
			}
			prevCased = true
		} else {
			b.WriteRune(r)
			prevCased = false
		}
	}
	return b.String()
}

func strSplitlines(s string, keep bool) []Value {
	out := []Value{}
	i := 0
	for i < len(s) {
		j := i
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if r == '\n' || r == '\r' || r == '\v' || r == '\f' || r == 0x1c || r == 0x1d || r == 0x1e || r == 0x85 || r == 0x2028 || r == 0x2029 {
				end := j + n
				if r == '\r' && end < len(s) && s[end] == '\n' {
					end++
				}
				if keep {
					out = append(out, Str(s[i:end]))
				} else {
					out = append(out, Str(s[i:j]))
				}
				i = end
				goto next
			}
			j += n
		}
		out = append(out, Str(s[i:]))
		break
	next:
	}
	return out
}

func init() {
	addMethods(StrType, map[string]BuiltinFunc{
		"join": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			if err := checkArgs("join", args, 1, 1); err != nil {
				return nil, err
			}
			sep := string(recv.(Str))
			var b strings.Builder
			i := 0
			err := Iterate(t, args[0], func(v Value) error {
				s, ok := v.(Str)
				if !ok {
					return Errorf(TypeErrorType, "sequence item %d: expected str instance, %s found", i, typeName(v))
				}
				if b.Len()+len(sep)+len(s) > maxStrLen {
					return memoryError()
				}
				if err := t.Charge(int64(len(sep) + len(s))); err != nil {
					return err
				}
				if i > 0 {
					b.WriteString(sep)
				}
				b.WriteString(string(s))
				i++
				return nil
			})
			if err != nil {
				if e, ok := err.(*Exception); ok && e.Class == TypeErrorType && strings.HasSuffix(e.Message(), "is not iterable") {
					return nil, Errorf(TypeErrorType, "can only join an iterable")
				}
				return nil, err
			}
			return Str(b.String()), nil
		},
		"split": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			s := string(recv.(Str))
			sep, max, err := splitArgs("split", args, kw)
			if err != nil {
				return nil, err
			}
			if sep == None {
				return NewList(splitWhitespace(s, max)), nil
			}
			sp, ok := sep.(Str)
			if !ok {
				return nil, Errorf(TypeErrorType, "must be str or None, not %s", typeName(sep))
			}
			if sp == "" {
				return nil, Errorf(ValueErrorType, "empty separator")
			}
			parts := strings.SplitN(s, string(sp), max+1)
			if max < 0 {
				parts = strings.Split(s, string(sp))
			}
			out := make([]Value, len(parts))
			for i, p := range parts {
				out[i] = Str(p)
			}
			return NewList(out), nil
		},
		"rsplit": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			s := string(recv.(Str))
			sep, max, err := splitArgs("rsplit", args, kw)
			if err != nil {
				return nil, err
			}
			if sep == None {
				return NewList(rsplitWhitespace(s, max)), nil
			}
			sp, ok := sep.(Str)
			if !ok {
				return nil, Errorf(TypeErrorType, "must be str or None, not %s", typeName(sep))
			}
			if sp == "" {
				return nil, Errorf(ValueErrorType, "empty separator")
			}
			var rev []Value
			for max < 0 || len(rev) < max {
				i := strings.LastIndex(s, string(sp))
				if i < 0 {
					break
				}
				rev = append(rev, Str(s[i+len(sp):]))
				s = s[:i]
			}
			rev = append(rev, Str(s))
			out := make([]Value, len(rev))
			for i, v := range rev {
				out[len(rev)-1-i] = v
			}
			return NewList(out), nil
		},
		"splitlines": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			keep := false
			if len(args) > 0 {
				keep = Truth(args[0])
			}
			for _, k := range kw {
				if k.Name == "keepends" {
					keep = Truth(k.Value)
				}
			}
			return NewList(strSplitlines(string(recv.(Str)), keep)), nil
		},
		"strip": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			s, err := pyStrip(string(recv.(Str)), args, true, true, "strip")
			return Str(s), err
		},
		"lstrip": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			s, err := pyStrip(string(recv.(Str)), args, true, false, "lstrip")
			return Str(s), err
		},
		"rstrip": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			s, err := pyStrip(string(recv.(Str)), args, false, true, "rstrip")
			return Str(s), err
		},
		"upper": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			return Str(pyUpper(string(recv.(Str)))), checkArgs("upper", args, 0, 0)
		},
		"lower": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			return Str(strings.ToLower(string(recv.(Str)))), checkArgs("lower", args, 0, 0)
		},
		"casefold": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			return Str(strings.ToLower(string(recv.(Str)))), nil
		},
		"swapcase": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			return Str(strings.Map(func(r rune) rune {
				if unicode.IsUpper(r) {
					return unicode.ToLower(r)
				}
				return unicode.ToUpper(r)
			}, string(recv.(Str)))), nil
		},
		"title": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			return Str(titleCase(string(recv.(Str)))), nil
		},
		"capitalize": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			s := string(recv.(Str))
			if s == "" {
				return Str(""), nil
			}
			r, n := utf8.DecodeRuneInString(s)
			return Str(string(unicode.ToTitle(r)) + strings.ToLower(s[n:])), nil
		},
		"startswith": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			return strAffix(recv, args, "startswith", strings.HasPrefix)
		},
		"endswith": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			return strAffix(recv, args, "endswith", strings.HasSuffix)
		},
		"replace": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			if err := checkArgs("replace", args, 2, 3); err != nil {
				return nil, err
			}
			old, err := argStr("replace", args[0], 1)
			if err != nil {
				return nil, err
			}
			nw, err := argStr("replace", args[1], 2)
			if err != nil {
				return nil, err
			}
			n := int64(-1)
			if len(args) == 3 {
				if n, err = AsIndex(args[2]); err != nil {
					return nil, err
				}
			}
			s := string(recv.(Str))
			if old == "" && int64(len(nw))*int64(len(s)+1) > maxStrLen || int64(len(s))*int64(len(nw)+1) > maxStrLen*4 {
				return nil, memoryError()
			}
			if len(nw) > len(old) {
				// At most this many replacements, each growing the string.
				k := int64(len(s)) + 1
				if old != "" {
					k = int64(strings.Count(s, old))
				}
				if n >= 0 && k > int64(n) {
					k = int64(n)
				}
				if err := t.Charge(int64(len(s)) + k*int64(len(nw)-len(old))); err != nil {
					return nil, err
				}
			}
			return Str(strings.Replace(s, old, nw, int(n))), nil
		},
		"find": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			i, err := strFind(args, string(recv.(Str)), "find", false)
			return Int(i), err
		},
		"rfind": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			i, err := strFind(args, string(recv.(Str)), "rfind", true)
			return Int(i), err
		},
		"index": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			i, err := strFind(args, string(recv.(Str)), "index", false)
			if err == nil && i < 0 {
				return nil, Errorf(ValueErrorType, "substring not found")
			}
			return Int(i), err
		},
		"rindex": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			i, err := strFind(args, string(recv.(Str)), "rindex", true)
			if err == nil && i < 0 {
				return nil, Errorf(ValueErrorType, "substring not found")
			}
			return Int(i), err
		},
		"count": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			if err := checkArgs("count", args, 1, 3); err != nil {
				return nil, err
			}
			sub, err := argStr("count", args[0], 1)
			if err != nil {
				return nil, Errorf(TypeErrorType, "must be str, not %s", typeName(args[0]))
			}
			part, off, err := strBounds(string(recv.(Str)), args, 1)
			if err != nil || off < 0 {
				return Int(0), err
			}
			if sub == "" {
				return Int(strLen(part) + 1), nil
			}
			return Int(strings.Count(part, sub)), nil
		},
		"format": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			s, err := strFormat(t, string(recv.(Str)), args, kw)
			return Str(s), err
		},
		"encode": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			enc := "utf-8"
			if len(args) > 0 {
				e, ok := args[0].(Str)
				if !ok {
					return nil, Errorf(TypeErrorType, "encode() argument 'encoding' must be str, not %s", typeName(args[0]))
				}
				enc = string(e)
			}
			for _, k := range kw {
				if k.Name == "encoding" {
					if e, ok := k.Value.(Str); ok {
						enc = string(e)
					}
				}
			}
			s := string(recv.(Str))
			switch strings.ReplaceAll(strings.ToLower(enc), "_", "-") {
			case "utf-8", "utf8":
				if err := CheckEncodable(s); err != nil {
					return nil, err
				}
				return Bytes(s), nil
			case "ascii":
				for i, r := range []rune(s) {
					if r >= 0x80 {
						return nil, Errorf(UnicodeEncodeErrorType, "'ascii' codec can't encode character '\\x%02x' in position %d: ordinal not in range(128)", r, i)
					}
				}
				return Bytes(s), nil
			case "latin-1", "latin1", "iso-8859-1":
				b := make([]byte, 0, len(s))
				for _, r := range s {
					if r > 0xff {
						return nil, Errorf(UnicodeEncodeErrorType, "'latin-1' codec can't encode character")
					}
					b = append(b, byte(r))
				}
				return Bytes(b), nil
			}
			return nil, Errorf(LookupErrorType, "unknown encoding: %s", enc)
		},
		"ljust": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			return strPad(t, "ljust", string(recv.(Str)), args, 'l')
		},
		"rjust": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			return strPad(t, "rjust", string(recv.(Str)), args, 'r')
		},
		"center": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			return strPad(t, "center", string(recv.(Str)), args, 'c')
		},
		"zfill": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			if err := checkArgs("zfill", args, 1, 1); err != nil {
				return nil, err
			}
			w, err := AsIndex(args[0])
			if err != nil {
				return nil, err
			}
			s := string(recv.(Str))
			n := strLen(s)
			if int(w) <= n {
				return Str(s), nil
			}
			if w > maxStrLen {
				return nil, memoryError()
			}
			if err := t.Charge(w); err != nil {
				return nil, err
			}
			sign := ""
			if s != "" && (s[0] == '+' || s[0] == '-') {
				sign, s = s[:1], s[1:]
			}
			return Str(sign + strings.Repeat("0", int(w)-n) + s), nil
		},
		"isdigit": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			return Bool(allRunes(string(recv.(Str)), unicode.IsDigit)), nil
		},
		"isdecimal": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			return Bool(allRunes(string(recv.(Str)), unicode.IsDigit)), nil
		},
		"isnumeric": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			return Bool(allRunes(string(recv.(Str)), unicode.IsNumber)), nil
		},
		"isalpha": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			return Bool(allRunes(string(recv.(Str)), unicode.IsLetter)), nil
		},
		"isalnum": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			return Bool(allRunes(string(recv.(Str)), func(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) })), nil
		},
		"isspace": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			return Bool(allRunes(string(recv.(Str)), unicode.IsSpace)), nil
		},
		"isidentifier": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			return Bool(isIdentifier(string(recv.(Str)))), nil
		},
		"isupper": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			s := string(recv.(Str))
			return Bool(strings.ToUpper(s) == s && strings.ToLower(s) != s), nil
		},
		"islower": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			s := string(recv.(Str))
			return Bool(strings.ToLower(s) == s && strings.ToUpper(s) != s), nil
		},
		"istitle": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			s := string(recv.(Str))
			return Bool(titleCase(s) == s && strings.ToLower(s) != s), nil
		},
		"partition": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			if err := checkArgs("partition", args, 1, 1); err != nil {
				return nil, err
			}
			sep, err := argStr("partition", args[0], 1)
			if err != nil {
				return nil, err
			}
			if sep == "" {
				return nil, Errorf(ValueErrorType, "empty separator")
			}
			s := string(recv.(Str))
			if i := strings.Index(s, sep); i >= 0 {
				return Tuple{Str(s[:i]), Str(sep), Str(s[i+len(sep):])}, nil
			}
			return Tuple{Str(s), Str(""), Str("")}, nil
		},
		"rpartition": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			if err := checkArgs("rpartition", args, 1, 1); err != nil {
				return nil, err
			}
			sep, err := argStr("rpartition", args[0], 1)
			if err != nil {
				return nil, err
			}
			if sep == "" {
				return nil, Errorf(ValueErrorType, "empty separator")
			}
			s := string(recv.(Str))
			if i := strings.LastIndex(s, sep); i >= 0 {
				return Tuple{Str(s[:i]), Str(sep), Str(s[i+len(sep):])}, nil
			}
			return Tuple{Str(""), Str(""), Str(s)}, nil
		},
		"removeprefix": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			if err := checkArgs("removeprefix", args, 1, 1); err != nil {
				return nil, err
			}
			p, err := argStr("removeprefix", args[0], 1)
			return Str(strings.TrimPrefix(string(recv.(Str)), p)), err
		},
		"removesuffix": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			if err := checkArgs("removesuffix", args, 1, 1); err != nil {
				return nil, err
			}
			p, err := argStr("removesuffix", args[0], 1)
			return Str(strings.TrimSuffix(string(recv.(Str)), p)), err
		},
		"expandtabs": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			size, err := optIndex(args, 0, 8)
			if err != nil {
				return nil, err
			}
			// The length first: a large tab size must be refused before
			// the string is built ("x\t".expandtabs(3 * 10**9)).
			s := string(recv.(Str))
			total, col := int64(0), int64(0)
			for _, r := range s {
				switch r {
				case '\t':
					if size > 0 {
						total += size - col%size
						col += size - col%size
					}
				case '\n', '\r':
					total++
					col = 0
				default:
					total += int64(utf8.RuneLen(r))
					col++
				}
				if total > maxStrLen {
					return nil, memoryError()
				}
			}
			if err := t.Charge(total); err != nil {
				return nil, err
			}
			var b strings.Builder
			b.Grow(int(total))
			col = 0
			for _, r := range s {
				switch r {
				case '\t':
					if size > 0 {
						n := size - col%size
						b.WriteString(strings.Repeat(" ", int(n)))
						col += n
					}
				case '\n', '\r':
					b.WriteRune(r)
					col = 0
				default:
					b.WriteRune(r)
					col++
				}
			}
			return Str(b.String()), nil
		},
	})
	addMethods(BytesType, bytesMethods())
	addMethods(ListType, listMethods())
	addMethods(DictType, dictMethods())
	addMethods(SetType, setMethods())
	addMethods(TupleType, map[string]BuiltinFunc{
		"index": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			return seqIndex(t, recv.(Tuple), args, "tuple.index(x): x not in tuple")
		},
		"count": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			return seqCount(t, recv.(Tuple), args)
		},
	})
	addMethods(IntType, map[string]BuiltinFunc{
		"bit_length": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			return Int(new(big.Int).Abs(toBig(recv)).BitLen()), nil
		},
		"to_bytes": intToBytes,
		"is_integer": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			return True, nil
		},
		"conjugate": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			v, _ := asInt(recv)
			return v, nil
		},
	})
	addMethods(FloatType, map[string]BuiltinFunc{
		"is_integer": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			f := float64(recv.(Float))
			return Bool(f == math.Trunc(f) && !math.IsInf(f, 0)), nil
		},
		"as_integer_ratio": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			f := float64(recv.(Float))
			if math.IsInf(f, 0) || math.IsNaN(f) {
				return nil, Errorf(OverflowErrorType, "cannot convert Infinity to integer ratio")
			}
			r := new(big.Rat)
			r.SetFloat64(f)
			return Tuple{MakeBigInt(new(big.Int).Set(r.Num())), MakeBigInt(new(big.Int).Set(r.Denom()))}, nil
		},
		"hex": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			return nil, Errorf(NotImplementedErrorType, "float.hex is not supported in scenes")
		},
		"conjugate": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			return recv, nil
		},
	})
	addMethods(GeneratorType, map[string]BuiltinFunc{
		"send": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			if err := checkArgs("send", args, 1, 1); err != nil {
				return nil, err
			}
			return genStep(t, recv.(*Generator), args[0], nil)
		},
		"throw": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			if err := checkArgs("throw", args, 1, 3); err != nil {
				return nil, err
			}
			exc, err := toException(t, args[0])
			if err != nil {
				return nil, err
			}
			if len(args) > 1 && args[1] != None {
				if _, ok := args[0].(*Type); ok {
					x, err := callType(t, args[0].(*Type), []Value{args[1]}, nil)
					if err != nil {
						return nil, err
					}
					exc = x.(*Exception)
				}
			}
			return genStep(t, recv.(*Generator), None, exc)
		},
		"close": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			return None, recv.(*Generator).Close(t)
		},
		"__next__": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			return genStep(t, recv.(*Generator), None, nil)
		},
	})
	methodTables[CoroutineType] = map[string]*Builtin{}
	for name, m := range methodTables[GeneratorType] {
		methodTables[CoroutineType][name] = &Builtin{Name: "coroutine." + name, Fn: m.Fn}
	}
	addMethods(CoroutineType, map[string]BuiltinFunc{
		"__await__": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			if err := checkArgs("__await__", args, 0, 0); err != nil {
				return nil, err
			}
			return &coroWrapper{recv.(*Generator)}, nil
		},
	})
	addMethods(AsyncGeneratorType, map[string]BuiltinFunc{
		"__anext__": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			return recv.(*Generator).ANext(t)
		},
		"asend": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			if err := checkArgs("asend", args, 1, 1); err != nil {
				return nil, err
			}
			return &asyncGenStep{g: recv.(*Generator), send: args[0]}, nil
		},
		"athrow": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			if err := checkArgs("athrow", args, 1, 3); err != nil {
				return nil, err
			}
			exc, err := toException(t, args[0])
			if err != nil {
				return nil, err
			}
			return &asyncGenStep{g: recv.(*Generator), throw: exc}, nil
		},
		"aclose": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			return &asyncGenClose{g: recv.(*Generator)}, nil
		},
	})
}

// genStep resumes a generator from Python (send, throw, next):
// StopIteration carries its return value.
func genStep(t *Thread, g *Generator, send Value, throw *Exception) (Value, error) {
	v, st, err := g.Resume(t, send, throw)
	switch st {
	case CoroYielded:
		return v, nil
	case CoroReturned:
		if v == nil || v == None {
			return nil, NewException(StopIterationType)
		}
		return nil, NewException(StopIterationType, v)
	}
	return nil, err
}

func strAffix(recv Value, args []Value, name string, test func(string, string) bool) (Value, error) {
	if err := checkArgs(name, args, 1, 3); err != nil {
		return nil, err
	}
	s, off, err := strBounds(string(recv.(Str)), args, 1)
	if err != nil {
		return nil, err
	}
	if off < 0 {
		return False, nil
	}
	switch p := args[0].(type) {
	case Str:
		return Bool(test(s, string(p))), nil
	case Tuple:
		for _, x := range p {
			ps, ok := x.(Str)
			if !ok {
				return nil, Errorf(TypeErrorType, "tuple for %s must only contain str, not %s", name, typeName(x))
			}
			if test(s, string(ps)) {
				return True, nil
			}
		}
		return False, nil
	}
	return nil, Errorf(TypeErrorType, "%s first arg must be str or a tuple of str, not %s", name, typeName(args[0]))
}

func intToBytes(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
	length, order := int64(1), "big"
	if len(args) > 0 {
		l, err := AsIndex(args[0])
		if err != nil {
			return nil, err
		}
		length = l
	}
	if len(args) > 1 {
		if s, ok := args[1].(Str); ok {
			order = string(s)
		}
	}
	for _, k := range kw {
		switch k.Name {
		case "length":
			l, err := AsIndex(k.Value)
			if err != nil {
				return nil, err
			}
			length = l
		case "byteorder":
			if s, ok := k.Value.(Str); ok {
				order = string(s)
			}
		}
	}
	b := toBig(recv)
	if b.Sign() < 0 {
		return nil, Errorf(OverflowErrorType, "can't convert negative int to unsigned")
	}
	raw := b.Bytes()
	if int64(len(raw)) > length || length > maxStrLen {
		return nil, Errorf(OverflowErrorType, "int too big to convert")
	}
	out := make([]byte, length)
	copy(out[length-int64(len(raw)):], raw)
	if order == "little" {
		for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
			out[i], out[j] = out[j], out[i]
		}
	}
	return Bytes(out), nil
}

func seqIndex(t *Thread, elems []Value, args []Value, msg string) (Value, error) {
	if err := checkArgs("index", args, 1, 3); err != nil {
		return nil, err
	}
	start, err := optIndex(args, 1, 0)
	if err != nil {
		return nil, err
	}
	stop, err := optIndex(args, 2, int64(len(elems)))
	if err != nil {
		return nil, err
	}
	st, en, _, _ := sliceIndices(&Slice{Int(start), Int(stop), None}, len(elems))
	for i := st; i < en && i < len(elems); i++ {
		eq, err := Equal(t, elems[i], args[0])
		if err != nil {
			return nil, err
		}
		if eq {
			return Int(i), nil
		}
	}
	return nil, Errorf(ValueErrorType, "%s", msg)
}

func seqCount(t *Thread, elems []Value, args []Value) (Value, error) {
	if err := checkArgs("count", args, 1, 1); err != nil {
		return nil, err
	}
	n := 0
	for _, e := range elems {
		eq, err := Equal(t, e, args[0])
		if err != nil {
			return nil, err
		}
		if eq {
			n++
		}
	}
	return Int(n), nil
}

func bytesMethods() map[string]BuiltinFunc {
	wrapStr := func(name string) BuiltinFunc {
		return func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			conv := make([]Value, len(args))
			for i, a := range args {
				if b, ok := a.(Bytes); ok {
					conv[i] = Str(b)
				} else if a != None {
					if _, isInt := a.(Int); !isInt {
						return nil, Errorf(TypeErrorType, "a bytes-like object is required, not '%s'", typeName(a))
					}
					conv[i] = a
				} else {
					conv[i] = a
				}
			}
			r, err := methodTables[StrType][name].Fn(t, Str(recv.(Bytes)), conv, kw)
			if err != nil {
				return nil, err
			}
			return strToBytesValue(r), nil
		}
	}
	m := map[string]BuiltinFunc{}
	for _, name := range []string{"split", "rsplit", "strip", "lstrip", "rstrip", "upper", "lower",
		"startswith", "endswith", "replace", "find", "rfind", "index", "rindex", "count",
		"splitlines", "partition", "rpartition", "isdigit", "isalpha", "isspace", "isalnum",
		"title", "capitalize", "removeprefix", "removesuffix", "ljust", "rjust", "center", "zfill", "isupper", "islower"} {
		m[name] = wrapStr(name)
	}
	m["join"] = func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
		if err := checkArgs("join", args, 1, 1); err != nil {
			return nil, err
		}
		var parts []string
		i := 0
		err := Iterate(t, args[0], func(v Value) error {
			b, ok := v.(Bytes)
			if !ok {
				return Errorf(TypeErrorType, "sequence item %d: expected a bytes-like object, %s found", i, typeName(v))
			}
			parts = append(parts, string(b))
			i++
			return nil
		})
		return Bytes(strings.Join(parts, string(recv.(Bytes)))), err
	}
	m["decode"] = func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
		enc := "utf-8"
		if len(args) > 0 {
			if e, ok := args[0].(Str); ok {
				enc = string(e)
			}
		}
		for _, k := range kw {
			if k.Name == "encoding" {
				if e, ok := k.Value.(Str); ok {
					enc = string(e)
				}
			}
		}
		b := string(recv.(Bytes))
		switch strings.ReplaceAll(strings.ToLower(enc), "_", "-") {
		case "utf-8", "utf8":
			if !utf8.ValidString(b) {
				for i := 0; i < len(b); {
					r, n := utf8.DecodeRuneInString(b[i:])
					if r == utf8.RuneError && n <= 1 {
						return nil, Errorf(UnicodeDecodeErrorType, "'utf-8' codec can't decode byte 0x%02x in position %d: invalid start byte", b[i], i)
					}
					i += n
				}
			}
			return Str(b), nil
		case "ascii":
			for i := 0; i < len(b); i++ {
				if b[i] >= 0x80 {
					return nil, Errorf(UnicodeDecodeErrorType, "'ascii' codec can't decode byte 0x%02x in position %d: ordinal not in range(128)", b[i], i)
				}
			}
			return Str(b), nil
		case "latin-1", "latin1", "iso-8859-1":
			r := make([]rune, len(b))
			for i := 0; i < len(b); i++ {
				r[i] = rune(b[i])
			}
			return Str(string(r)), nil
		}
		return nil, Errorf(LookupErrorType, "unknown encoding: %s", enc)
	}
	m["hex"] = func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
		const digits = "0123456789abcdef"
		b := string(recv.(Bytes))
		out := make([]byte, 0, 2*len(b))
		for i := 0; i < len(b); i++ {
			out = append(out, digits[b[i]>>4], digits[b[i]&15])
		}
		return Str(out), nil
	}
	return m
}

func strToBytesValue(v Value) Value {
	switch v := v.(type) {
	case Str:
		return Bytes(v)
	case *List:
		out := make([]Value, len(v.Elems))
		for i, e := range v.Elems {
			out[i] = strToBytesValue(e)
		}
		return NewList(out)
	case Tuple:
		out := make(Tuple, len(v))
		for i, e := range v {
			out[i] = strToBytesValue(e)
		}
		return out
	}
	return v
}

func listMethods() map[string]BuiltinFunc {
	return map[string]BuiltinFunc{
		"append": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			if len(args) != 1 {
				return nil, Errorf(TypeErrorType, "list.append() takes exactly one argument (%d given)", len(args))
			}
			l := recv.(*List)
			if len(l.Elems) >= maxSeqLen {
				return nil, memoryError()
			}
			if len(l.Elems) == cap(l.Elems) {
				// Go doubles the slice: charge the new half.
				if err := t.chargeElems(int64(len(l.Elems))+1, valueBytes); err != nil {
					return nil, err
				}
			}
			l.Elems = append(l.Elems, args[0])
			return None, nil
		},
		"extend": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			if err := checkArgs("extend", args, 1, 1); err != nil {
				return nil, err
			}
			l := recv.(*List)
			items, err := toList(t, args[0])
			if err != nil {
				return nil, err
			}
			if len(l.Elems)+len(items) > maxSeqLen {
				return nil, memoryError()
			}
			if err := t.chargeElems(int64(len(items)), valueBytes); err != nil {
				return nil, err
			}
			l.Elems = append(l.Elems, items...)
			return None, nil
		},
		"insert": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			if len(args) != 2 {
				return nil, Errorf(TypeErrorType, "insert expected 2 arguments, got %d", len(args))
			}
			l := recv.(*List)
			i, err := AsIndex(args[0])
			if err != nil {
				return nil, err
			}
			n := int64(len(l.Elems))
			if i < 0 {
				i += n
				if i < 0 {
					i = 0
				}
			}
			if i > n {
				i = n
			}
			l.Elems = append(l.Elems, nil)
			copy(l.Elems[i+1:], l.Elems[i:])
			l.Elems[i] = args[1]
			return None, nil
		},
		"pop": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			if err := checkArgs("pop", args, 0, 1); err != nil {
				return nil, err
			}
			l := recv.(*List)
			if len(l.Elems) == 0 {
				return nil, Errorf(IndexErrorType, "pop from empty list")
			}
			i := int64(len(l.Elems) - 1)
			if len(args) == 1 {
				var err error
				i, err = AsIndex(args[0])
				if err != nil {
					return nil, err
				}
			}
			j := normIndex(i, len(l.Elems))
			if j < 0 {
				return nil, Errorf(IndexErrorType, "pop index out of range")
			}
			v := l.Elems[j]
			copy(l.Elems[j:], l.Elems[j+1:])
			l.Elems[len(l.Elems)-1] = nil
			l.Elems = l.Elems[:len(l.Elems)-1]
			return v, nil
		},
		"remove": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			if err := checkArgs("remove", args, 1, 1); err != nil {
				return nil, err
			}
			l := recv.(*List)
			for i, e := range l.Elems {
				eq, err := Equal(t, e, args[0])
				if err != nil {
					return nil, err
				}
				if eq {
					l.Elems = append(l.Elems[:i], l.Elems[i+1:]...)
					return None, nil
				}
			}
			return nil, Errorf(ValueErrorType, "list.remove(x): x not in list")
		},
		"index": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			l := recv.(*List)
			if len(args) > 0 {
				s, _ := Repr(t, args[0])
				return seqIndex(t, l.Elems, args, s+" is not in list")
			}
			return seqIndex(t, l.Elems, args, "")
		},
		"count": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			return seqCount(t, recv.(*List).Elems, args)
		},
		"sort": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			if len(args) > 0 {
				return nil, Errorf(TypeErrorType, "sort() takes no positional arguments")
			}
			l := recv.(*List)
			key, reverse, err := sortArgs(kw, "sort")
			if err != nil {
				return nil, err
			}
			elems := l.Elems
			l.Elems = nil
			err = sortValues(t, elems, key, reverse)
			l.Elems = elems
			return None, err
		},
		"reverse": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			e := recv.(*List).Elems
			for i, j := 0, len(e)-1; i < j; i, j = i+1, j-1 {
				e[i], e[j] = e[j], e[i]
			}
			return None, nil
		},
		"copy": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			return NewList(append([]Value{}, recv.(*List).Elems...)), nil
		},
		"clear": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			recv.(*List).Elems = nil
			return None, nil
		},
	}
}

func dictMethods() map[string]BuiltinFunc {
	return map[string]BuiltinFunc{
		"get": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			if err := checkArgs("get", args, 1, 2); err != nil {
				return nil, err
			}
			v, found, err := recv.(*Dict).Get(t, args[0])
			if err != nil {
				return nil, err
			}
			if !found {
				if len(args) == 2 {
					return args[1], nil
				}
				return None, nil
			}
			return v, nil
		},
		"setdefault": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			if err := checkArgs("setdefault", args, 1, 2); err != nil {
				return nil, err
			}
			d := recv.(*Dict)
			v, found, err := d.Get(t, args[0])
			if err != nil {
				return nil, err
			}
			if found {
				return v, nil
			}
			var def Value = None
			if len(args) == 2 {
				def = args[1]
			}
			return def, d.SetItem(t, args[0], def)
		},
		"pop": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			if err := checkArgs("pop", args, 1, 2); err != nil {
				return nil, err
			}
			v, found, err := recv.(*Dict).Delete(t, args[0])
			if err != nil {
				return nil, err
			}
			if !found {
				if len(args) == 2 {
					return args[1], nil
				}
				return nil, NewException(KeyErrorType, args[0])
			}
			return v, nil
		},
		"popitem": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			d := recv.(*Dict)
			for i := len(d.entries) - 1; i >= 0; i-- {
				e := d.entries[i]
				if e.key != nil {
					_, _, _ = d.Delete(t, e.key)
					return Tuple{e.key, e.val}, nil
				}
			}
			return nil, Errorf(KeyErrorType, "popitem(): dictionary is empty")
		},
		"items": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			return &DictView{recv.(*Dict), 'i'}, nil
		},
		"keys": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			return &DictView{recv.(*Dict), 'k'}, nil
		},
		"values": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			return &DictView{recv.(*Dict), 'v'}, nil
		},
		"update": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			if err := checkArgs("update", args, 0, 1); err != nil {
				return nil, err
			}
			d := recv.(*Dict)
			if len(args) == 1 {
				if err := dictUpdate(t, d, args[0]); err != nil {
					return nil, err
				}
			}
			for _, k := range kw {
				d.SetStr(k.Name, k.Value)
			}
			return None, nil
		},
		"copy": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			return recv.(*Dict).Copy(), nil
		},
		"clear": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			recv.(*Dict).Clear()
			return None, nil
		},
	}
}

func dictUpdate(t *Thread, d *Dict, src Value) error {
	if s, ok := src.(*Dict); ok {
		for _, it := range s.Items() {
			if err := d.SetItem(t, it[0], it[1]); err != nil {
				return err
			}
		}
		return nil
	}
	i := 0
	return Iterate(t, src, func(v Value) error {
		items, err := toList(t, v)
		if err != nil {
			return Errorf(TypeErrorType, "cannot convert dictionary update sequence element #%d to a sequence", i)
		}
		if len(items) != 2 {
			return Errorf(ValueErrorType, "dictionary update sequence element #%d has length %d; 2 is required", i, len(items))
		}
		i++
		return d.SetItem(t, items[0], items[1])
	})
}

// setUpdate adds the items of an iterable as set_update_internal does.
func setUpdate(t *Thread, s *Set, v Value) error {
	switch o := v.(type) {
	case *Set:
		return s.Merge(t, o)
	case *Dict:
		mask := len(s.table) - 1
		if len(s.table) == 0 {
			mask = 7
		}
		if (s.fill+o.used)*5 >= mask*3 {
			s.resize((s.used + o.used) * 2)
		}
	}
	return Iterate(t, v, func(x Value) error { return s.Add(t, x) })
}

func toSet(t *Thread, v Value) (*Set, error) {
	if s, ok := v.(*Set); ok {
		return s, nil
	}
	s := NewSet()
	err := Iterate(t, v, func(x Value) error { return s.Add(t, x) })
	return s, err
}

func setUnion(t *Thread, a, b *Set) (Value, error) {
	c := a.Copy()
	c.Frozen = a.Frozen
	if err := c.Merge(t, b); err != nil {
		return nil, err
	}
	return c, nil
}

func setIntersection(t *Thread, a, b *Set) (Value, error) {
	c := NewSet()
	c.Frozen = a.Frozen
	small, big := a, b
	if b.used < a.used {
		small, big = b, a
	}
	for _, e := range small.Elems() {
		in, err := big.Contains(t, e)
		if err != nil {
			return nil, err
		}
		if in {
			if err := c.Add(t, e); err != nil {
				return nil, err
			}
		}
	}
	return c, nil
}

func setDifference(t *Thread, a, b *Set) (Value, error) {
	c := NewSet()
	c.Frozen = a.Frozen
	for _, e := range a.Elems() {
		in, err := b.Contains(t, e)
		if err != nil {
			return nil, err
		}
		if !in {
			if err := c.Add(t, e); err != nil {
				return nil, err
			}
		}
	}
	return c, nil
}

func setSymDiff(t *Thread, a, b *Set) (Value, error) {
	x, err := setDifference(t, a, b)
	if err != nil {
		return nil, err
	}
	y, err := setDifference(t, b, a)
	if err != nil {
		return nil, err
	}
	return setUnion(t, x.(*Set), y.(*Set))
}

func setMethods() map[string]BuiltinFunc {
	multi := func(name string, op func(t *Thread, a, b *Set) (Value, error)) BuiltinFunc {
		return func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			var cur Value = recv.(*Set).Copy()
			cur.(*Set).Frozen = recv.(*Set).Frozen
			for _, a := range args {
				o, err := toSet(t, a)
				if err != nil {
					return nil, err
				}
				cur, err = op(t, cur.(*Set), o)
				if err != nil {
					return nil, err
				}
			}
			return cur, nil
		}
	}
	inplace := func(name string, op func(t *Thread, a, b *Set) (Value, error)) BuiltinFunc {
		f := multi(name, op)
		return func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			r, err := f(t, recv, args, kw)
			if err != nil {
				return nil, err
			}
			s := recv.(*Set)
			*s = *r.(*Set)
			return None, nil
		}
	}
	return map[string]BuiltinFunc{
		"add": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			if err := checkArgs("add", args, 1, 1); err != nil {
				return nil, err
			}
			return None, recv.(*Set).Add(t, args[0])
		},
		"discard": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			if err := checkArgs("discard", args, 1, 1); err != nil {
				return nil, err
			}
			_, err := recv.(*Set).Discard(t, args[0])
			return None, err
		},
		"remove": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			if err := checkArgs("remove", args, 1, 1); err != nil {
				return nil, err
			}
			ok, err := recv.(*Set).Discard(t, args[0])
			if err != nil {
				return nil, err
			}
			if !ok {
				return nil, NewException(KeyErrorType, args[0])
			}
			return None, nil
		},
		"pop": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			v, ok := recv.(*Set).Pop()
			if !ok {
				return nil, Errorf(KeyErrorType, "pop from an empty set")
			}
			return v, nil
		},
		"clear": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			s := recv.(*Set)
			*s = Set{Frozen: s.Frozen}
			return None, nil
		},
		"copy": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			return recv.(*Set).Copy(), nil
		},
		"union":                multi("union", setUnion),
		"intersection":         multi("intersection", setIntersection),
		"difference":           multi("difference", setDifference),
		"symmetric_difference": multi("symmetric_difference", setSymDiff),
		"update":               inplace("update", setUnion),
		"intersection_update":  inplace("intersection_update", setIntersection),
		"difference_update":    inplace("difference_update", setDifference),
		"issubset": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			if err := checkArgs("issubset", args, 1, 1); err != nil {
				return nil, err
			}
			o, err := toSet(t, args[0])
			if err != nil {
				return nil, err
			}
			r, err := recv.(*Set).isSubset(t, o)
			return Bool(r), err
		},
		"issuperset": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			if err := checkArgs("issuperset", args, 1, 1); err != nil {
				return nil, err
			}
			o, err := toSet(t, args[0])
			if err != nil {
				return nil, err
			}
			r, err := o.isSubset(t, recv.(*Set))
			return Bool(r), err
		},
		"isdisjoint": func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			if err := checkArgs("isdisjoint", args, 1, 1); err != nil {
				return nil, err
			}
			o, err := toSet(t, args[0])
			if err != nil {
				return nil, err
			}
			r, err := setIntersection(t, recv.(*Set), o)
			if err != nil {
				return nil, err
			}
			return Bool(r.(*Set).used == 0), nil
		},
	}
}
