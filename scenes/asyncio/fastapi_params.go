package asyncio

// This file is what FastAPI 0.92 reads from a signature (fastapi/params.py
// and get_dependant in fastapi/dependencies/utils.py): the Query, Header,
// Cookie and Path markers, classes and callable instances as dependencies,
// Depends() that takes its dependency from the annotation, and
// typing.Annotated[T, marker] (FastAPI 0.95's spelling, read here as the
// same parameter written with `= marker`, which is what FastAPI documents).

import (
	"strings"
	"unicode/utf8"

	"loopscope/scenes/python/py"
)

// ParamType is the type of the Query, Header, Cookie and Path markers.
var ParamType = &py.Type{Name: "Param", Module: "fastapi.params", Base: py.ObjectType}

// paramMarker is fastapi.params.Param: where a parameter comes from, its
// default (nil: required), its alias and its string-length limits.
type paramMarker struct {
	in                 string // "query", "header", "cookie", "path"
	def                py.Value
	alias              string
	convertUnderscores bool
	minLen, maxLen     int // -1: no limit
}

// Type returns ParamType.
func (*paramMarker) Type() *py.Type { return ParamType }

// Repr implements py.Reprer as fastapi.params.Param does: Query(None).
func (p *paramMarker) Repr(t *py.Thread) (string, error) {
	def := "PydanticUndefined"
	if p.def != nil {
		s, err := py.Repr(t, p.def)
		if err != nil {
			return "", err
		}
		def = s
	}
	return strings.ToUpper(p.in[:1]) + p.in[1:] + "(" + def + ")", nil
}

// markerArgs are the keyword arguments the markers take. Those that only
// feed the OpenAPI schema are accepted and have no effect, as in a run
// without the docs page; validations other than the string lengths are
// refused by name.
var markerArgs = []string{"default", "alias", "title", "description", "min_length", "max_length",
	"deprecated", "include_in_schema", "example", "examples", "convert_underscores"}

// newMarker returns the builtin for Query, Header, Cookie or Path.
func newMarker(in string) *py.Builtin {
	name := strings.ToUpper(in[:1]) + in[1:]
	return py.NewBuiltin(name, func(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
		for _, k := range kw {
			known := false
			for _, n := range markerArgs {
				known = known || k.Name == n
			}
			if !known || k.Name == "convert_underscores" && in != "header" {
				return nil, py.Errorf(py.TypeErrorType, "the scenes' FastAPI does not take %s=... in %s(): it takes a default, alias, min_length and max_length (title, description and the like are accepted and only feed the docs page)", k.Name, name)
			}
		}
		if len(args) > 1 {
			return nil, py.Errorf(py.TypeErrorType, "%s() takes at most 1 positional argument (%d given)", name, len(args))
		}
		p := &paramMarker{in: in, convertUnderscores: in == "header", minLen: -1, maxLen: -1}
		if len(args) == 1 {
			p.def = args[0]
		}
		for _, k := range kw {
			switch k.Name {
			case "default":
				if len(args) == 1 {
					return nil, py.Errorf(py.TypeErrorType, "%s() got multiple values for argument 'default'", name)
				}
				p.def = k.Value
			case "alias":
				s, ok := k.Value.(py.Str)
				if !ok && k.Value != py.None {
					return nil, py.Errorf(py.TypeErrorType, "%s(alias=...) must be a str", name)
				}
				p.alias = string(s)
			case "convert_underscores":
				p.convertUnderscores = py.Truth(k.Value)
			case "min_length", "max_length":
				n, ok := k.Value.(py.Int)
				if !ok && k.Value != py.None {
					return nil, py.Errorf(py.TypeErrorType, "%s(%s=...) must be an int", name, k.Name)
				}
				if ok && k.Name == "min_length" {
					p.minLen = int(n)
				} else if ok {
					p.maxLen = int(n)
				}
			}
		}
		if p.def == py.Ellipsis {
			p.def = nil // Query(...): required
		}
		if in == "path" {
			p.def = nil // a path parameter is always required
		}
		return p, nil
	})
}

// signature is what get_typed_signature sees of a dependency or endpoint:
// the function whose parameters are read, whether its first parameter is
// bound (self), and how FastAPI calls it.
type signature struct {
	fn       *py.Function
	skipSelf bool
	kind     callKind
	qual     string
}

// signatureOf reads call's signature as inspect.signature does for a
// function, a class (its __init__ without self) or an instance with
// __call__.
func signatureOf(call py.Value) (signature, error) {
	kindOf := func(fn *py.Function) callKind {
		c := fn.Code
		switch {
		case c.Coroutine && c.Generator:
			return callAsyncGen
		case c.Coroutine:
			return callAsync
		case c.Generator:
			return callGen
		}
		return callSync
	}
	switch c := call.(type) {
	case *py.Function:
		return signature{fn: c, kind: kindOf(c), qual: c.QualName}, nil
	case *py.Type:
		if !c.IsClass() {
			break
		}
		// A class is called in the thread pool (is_coroutine_callable is
		// False for a class), with __init__'s parameters.
		s := signature{kind: callSync, qual: c.Name}
		if init, ok := c.Lookup("__init__").(*py.Function); ok {
			s.fn, s.skipSelf = init, true
		}
		return s, nil
	case *py.Instance:
		if fn, ok := c.Class.Lookup("__call__").(*py.Function); ok {
			return signature{fn: fn, skipSelf: true, kind: kindOf(fn), qual: c.Class.Name}, nil
		}
	}
	return signature{}, py.Errorf(py.TypeErrorType, "the scenes' FastAPI needs a def or async def function, a class or an instance with __call__ as endpoint or dependency, not %s", call.Type().Name)
}

// unionArgs are the members of int | None, Optional[int] or Union[int, None].
func unionArgs(ann py.Value) ([]py.Value, bool) {
	switch u := ann.(type) {
	case *py.Union:
		return u.Args, true
	case interface{ UnionArgs() []py.Value }:
		return u.UnionArgs(), true
	}
	return nil, false
}

// annotated splits typing.Annotated[T, m...] into T and its metadata.
func annotated(ann py.Value) (py.Value, []py.Value, bool) {
	if a, ok := ann.(interface {
		AnnotatedOrigin() py.Value
		AnnotatedMetadata() []py.Value
	}); ok {
		return a.AnnotatedOrigin(), a.AnnotatedMetadata(), true
	}
	return nil, nil, false
}

// scalarAnnotation is the annotation pydantic validates a str against:
// Optional[X] and X | None are X.
func scalarAnnotation(ann py.Value) py.Value {
	if args, ok := unionArgs(ann); ok {
		var rest []py.Value
		for _, a := range args {
			if a != py.None && a != py.NoneTypeType {
				rest = append(rest, a)
			}
		}
		if len(rest) == 1 {
			return rest[0]
		}
	}
	return ann
}

// markerLoc is where a parameter is read from, for the 422 errors and the
// lookup: its alias, or for a header its name with '-' for '_'.
func (p *param) key() string {
	if p.alias != "" {
		return p.alias
	}
	if p.in == "header" && p.convertUnderscores {
		return strings.ReplaceAll(p.name, "_", "-")
	}
	return p.name
}

// checkLength is pydantic v1's constr min_length/max_length on a str: the
// 422 error entry (its keys in pydantic's order), or nil.
func (p *param) checkLength(v py.Value) any {
	s, ok := v.(py.Str)
	if !ok {
		return nil
	}
	n := utf8.RuneCountInString(string(s))
	loc := []any{p.in, p.key()}
	switch {
	case p.minLen >= 0 && n < p.minLen:
		return &jsonObject{keys: []string{"loc", "msg", "type", "ctx"}, vals: []any{loc,
			"ensure this value has at least " + itoa(p.minLen) + " characters",
			"value_error.any_str.min_length", map[string]any{"limit_value": int64(p.minLen)}}}
	case p.maxLen >= 0 && n > p.maxLen:
		return &jsonObject{keys: []string{"loc", "msg", "type", "ctx"}, vals: []any{loc,
			"ensure this value has at most " + itoa(p.maxLen) + " characters",
			"value_error.any_str.max_length", map[string]any{"limit_value": int64(p.maxLen)}}}
	}
	return nil
}

// lookup finds the received str of p in the request, as request_params_to_args
// does: the last query value, a header by name in any case, a cookie.
func (rq *request) lookup(p *param) (string, bool) {
	key := p.key()
	switch p.in {
	case "header":
		v, ok := "", false
		for _, kv := range rq.headers {
			if strings.EqualFold(kv[0], key) {
				// Starlette's Headers.get gives the first.
				return kv[1], true
			}
		}
		return v, ok
	case "cookie":
		v, ok := rq.cookies[key]
		return v, ok
	}
	return rq.queryValue(key)
}
