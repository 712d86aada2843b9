package asyncio

// This file is the `fastapi` module of scenes (FastAPI 0.92 over Starlette
// 0.26.1 and anyio 3.6.2, as Debian ships them): FastAPI(), Depends,
// HTTPException, the @app.get / @app.post route decorators, and the request
// pipeline that httpx's ASGITransport calls (httpx.go).
//
// The pipeline keeps the await structure of the real stack and suspends
// exactly where it does:
//
//   - solve_dependencies walks the dependant's sub-dependencies in order,
//     solving each one's own sub-dependencies first (even when the
//     dependency itself then comes from the per-request cache);
//   - a generator dependency enters the request's AsyncExitStack: an async
//     generator runs to its yield on the loop (asynccontextmanager), a plain
//     one through contextmanager_in_threadpool (its __enter__ in the pool);
//   - `async def` callables are awaited; plain `def` ones go through
//     run_in_threadpool → anyio.to_thread.run_sync: checkpoint() (a bare
//     yield), the CapacityLimiter's acquire (a second bare yield, or a wait
//     when its 40 tokens are out), then the job is handed to an idle worker
//     thread (the most recently idle one) or a new "AnyIO worker thread",
//     whose result comes back with call_soon_threadsafe(_report_result);
//   - the response is sent, then AsyncExitStackMiddleware closes the stack
//     (teardowns in reverse order, each seeing the request's exception if
//     there was one), then ExceptionMiddleware turns an HTTPException into
//     its JSON response; any other exception propagates to the client.
//
// httpx and Starlette add no suspension of their own on this path.
//
// Query and path parameters are converted by their annotations as pydantic
// v1 does: int, float, bool, str, or none (the str as received); a value
// that does not convert makes FastAPI's 422. Any other annotation on such a
// parameter is refused when the route is declared.
//
// Differences from FastAPI, by design of the subset: Worker
// threads stop when the root task is done, as anyio's do; any still left
// when the interpreter exits are stopped there.

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	pyjson "loopscope/scenes/lib/json"
	"loopscope/scenes/python/modules"
	"loopscope/scenes/python/py"
	"loopscope/scenes/trace"
)

func init() {
	registerModule(&modules.Spec{
		Name: "fastapi",
		Doc: "FastAPI 0.92's app and dependency injection, served to httpx's AsyncClient in the " +
			"scene: path operations, Depends (functions, generators with yield, classes, callable " +
			"instances; caching), Query, Header and Cookie parameters with FastAPI's 422 errors, " +
			"dependencies=[...] on a path operation or on the app, and HTTPException. " +
			"Annotated[T, Depends(...)] and Annotated[T, Header()] (FastAPI 0.95 and later, as its " +
			"docs now write them) mean what FastAPI documents: the same as `= Depends(...)` and " +
			"`= Header()`. FastAPI 0.92, the reference the tests run, predates Annotated, so the " +
			"tests check that each Annotated program prints exactly what the same program written " +
			"with `= Depends(...)` prints under 0.92.",
		Members: []modules.Member{
			{Name: "Depends", Doc: "Depends(dependency, use_cache=True): a parameter's value computed by another function."},
			{Name: "FastAPI", Doc: "The app: @app.get(path) and @app.post(path) register path operations."},
			{Name: "HTTPException", Doc: "Raise it to answer with a status code and a detail."},
			{Name: "Query", Doc: "Query(default, alias=, min_length=, max_length=): a parameter read from the query string."},
			{Name: "Header", Doc: "Header(default, alias=, convert_underscores=True): a parameter read from a request header."},
			{Name: "Cookie", Doc: "Cookie(default, alias=): a parameter read from a cookie."},
			{Name: "Path", Doc: "Path(): a path parameter, declared explicitly."},
		},
	}, newFastAPIModule)
}

// HTTPExceptionType is fastapi.HTTPException (a starlette HTTPException).
var HTTPExceptionType = &py.Type{Name: "HTTPException", Module: "fastapi.exceptions", Base: py.ExceptionType}

// RequestValidationErrorType is fastapi.exceptions.RequestValidationError:
// raised inside the request's exit stack when parameters do not validate
// (yield dependencies' teardowns see it), answered 422.
var RequestValidationErrorType = &py.Type{Name: "RequestValidationError", Module: "fastapi.exceptions", Base: py.ValueErrorType}

// FastAPIType, DependsType: the types of the module's objects.
var (
	FastAPIType = &py.Type{Name: "FastAPI", Module: "fastapi.applications", Base: py.ObjectType}
	DependsType = &py.Type{Name: "Depends", Module: "fastapi.params", Base: py.ObjectType}
)

func init() {
	HTTPExceptionType.New = newHTTPException
}

// newHTTPException is HTTPException(status_code, detail=None, headers=None).
func newHTTPException(t *py.Thread, cls py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
	a, err := parseArgs("HTTPException", args, kw, []string{"status_code", "detail", "headers"}, 1)
	if err != nil {
		return nil, err
	}
	code, ok := a[0].(py.Int)
	if !ok {
		return nil, py.Errorf(py.TypeErrorType, "HTTPException status_code must be an int, not %s", a[0].Type().Name)
	}
	detail := a[1]
	if detail == nil || detail == py.None {
		detail = py.Str(statusPhrase(int(code)))
	}
	e := py.NewException(HTTPExceptionType, py.Tuple(args)...)
	e.Attrs = map[string]py.Value{"status_code": code, "detail": detail}
	if a[2] != nil {
		e.Attrs["headers"] = a[2]
	} else {
		e.Attrs["headers"] = py.None
	}
	return e, nil
}

// statusPhrase is http.HTTPStatus(code).phrase for the codes scenes use.
func statusPhrase(code int) string {
	switch code {
	case 200:
		return "OK"
	case 201:
		return "Created"
	case 204:
		return "No Content"
	case 400:
		return "Bad Request"
	case 401:
		return "Unauthorized"
	case 403:
		return "Forbidden"
	case 404:
		return "Not Found"
	case 405:
		return "Method Not Allowed"
	case 409:
		return "Conflict"
	case 418:
		return "I'm a Teapot"
	case 422:
		return "Unprocessable Entity"
	case 429:
		return "Too Many Requests"
	case 500:
		return "Internal Server Error"
	case 503:
		return "Service Unavailable"
	}
	return ""
}

// fastapiState is the module's state in one run: anyio's thread pool of
// each loop.
type fastapiState struct {
	pools map[*Loop]*anyioPool
}

func newFastAPIModule(m *Machine) py.Value {
	st := &fastapiState{pools: map[*Loop]*anyioPool{}}
	return py.NewModule("fastapi", map[string]py.Value{
		"FastAPI": py.NewBuiltin("FastAPI", func(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			if len(args) > 0 {
				return nil, py.Errorf(py.TypeErrorType, "FastAPI.__init__() takes 1 positional argument but %d were given", len(args)+1)
			}
			app := &App{id: machineOf(t).NewID(), state: st}
			for _, k := range kw {
				switch {
				case k.Name == "dependencies":
					deps, err := dependencyList("FastAPI", k.Value)
					if err != nil {
						return nil, err
					}
					app.deps = deps
				case docOnly[k.Name]:
				default:
					return nil, py.Errorf(py.TypeErrorType, "the scenes' FastAPI() takes dependencies= (and docs-only arguments such as title=), not %s=", k.Name)
				}
			}
			return app, nil
		}),
		"Depends": py.NewBuiltin("Depends", func(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			a, err := parseArgs("Depends", args, kw, []string{"dependency", "use_cache"}, 0)
			if err != nil {
				return nil, err
			}
			d := &Depends{Dep: a[0], UseCache: true}
			if d.Dep == py.None {
				d.Dep = nil
			}
			if a[1] != nil {
				d.UseCache = py.Truth(a[1])
			}
			return d, nil
		}),
		"HTTPException": HTTPExceptionType,
		"Query":         newMarker("query"),
		"Header":        newMarker("header"),
		"Cookie":        newMarker("cookie"),
		"Path":          newMarker("path"),
	})
}

// Depends is the marker Depends(dependency, use_cache=True).
type Depends struct {
	Dep      py.Value
	UseCache bool
}

// Type returns DependsType.
func (*Depends) Type() *py.Type { return DependsType }

// Repr implements py.Reprer as fastapi.params.Depends does.
func (d *Depends) Repr(t *py.Thread) (string, error) {
	attr := "NoneType"
	if d.Dep != nil {
		attr = callableName(d.Dep)
	}
	cache := ""
	if !d.UseCache {
		cache = ", use_cache=False"
	}
	return "Depends(" + attr + cache + ")", nil
}

// App is a FastAPI application: its routes in the order they were added.
type App struct {
	id     int32
	state  *fastapiState
	routes []*route
	deps   []*Depends // FastAPI(dependencies=[...]): every route's first
}

type route struct {
	method string
	path   string
	parts  []string // the path split at "/", "{name}" for a parameter
	dep    *dependant
	status int // status_code=, 200 unless given
}

// docOnly are the keyword arguments of FastAPI() and of the route
// decorators that only feed the OpenAPI schema and the docs page: accepted,
// with no effect on a request.
var docOnly = map[string]bool{"title": true, "description": true, "version": true, "summary": true,
	"tags": true, "name": true, "deprecated": true, "include_in_schema": true,
	"response_description": true, "openapi_tags": true, "operation_id": true}

// dependencyList reads dependencies=[Depends(...), ...].
func dependencyList(where string, v py.Value) ([]*Depends, error) {
	var items []py.Value
	switch l := v.(type) {
	case *py.List:
		items = l.Elems
	case py.Tuple:
		items = l
	default:
		return nil, py.Errorf(py.TypeErrorType, "%s(dependencies=...) takes a list of Depends(...), not %s", where, v.Type().Name)
	}
	var out []*Depends
	for _, it := range items {
		d, ok := it.(*Depends)
		if !ok || d.Dep == nil {
			return nil, py.Errorf(py.TypeErrorType, "%s(dependencies=...) takes a list of Depends(callable), not %s", where, it.Type().Name)
		}
		out = append(out, d)
	}
	return out, nil
}

// Type returns FastAPIType.
func (*App) Type() *py.Type { return FastAPIType }

// Attr implements py.HasAttrs: the route decorators.
func (a *App) Attr(t *py.Thread, name string) (py.Value, error) {
	switch name {
	case "get", "post", "put", "delete", "patch":
		verb := strings.ToUpper(name)
		return method(a, "FastAPI."+name, func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			var path py.Value
			if len(args) > 0 {
				path = args[0]
			}
			status := 200
			var routeDeps []*Depends
			for _, k := range kw {
				switch {
				case k.Name == "path" && path == nil:
					path = k.Value
				case k.Name == "status_code":
					n, ok := k.Value.(py.Int)
					if !ok || n < 100 || n > 599 {
						return nil, py.Errorf(py.TypeErrorType, "@app.%s(status_code=...) takes an HTTP status code", name)
					}
					status = int(n)
				case k.Name == "dependencies":
					deps, err := dependencyList("@app."+name, k.Value)
					if err != nil {
						return nil, err
					}
					routeDeps = deps
				case docOnly[k.Name]:
				default:
					return nil, py.Errorf(py.TypeErrorType, "the scenes' FastAPI takes a path, status_code=, dependencies= (and docs-only arguments such as tags=) in @app.%s(...), not %s=", name, k.Name)
				}
			}
			if len(args) > 1 || path == nil {
				return nil, py.Errorf(py.TypeErrorType, "@app.%s() takes one path", name)
			}
			p, ok := path.(py.Str)
			if !ok {
				return nil, py.Errorf(py.TypeErrorType, "a route's path must be a str")
			}
			return py.NewBuiltin("decorator", func(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
				if len(args) != 1 || len(kw) > 0 {
					return nil, py.Errorf(py.TypeErrorType, "decorator() takes 1 positional argument")
				}
				parts := strings.Split(string(p), "/")
				var pathParams []string
				for _, s := range parts {
					if strings.HasPrefix(s, "{") && strings.HasSuffix(s, "}") {
						pathParams = append(pathParams, s[1:len(s)-1])
					}
				}
				d, err := analyze(args[0], pathParams)
				if err != nil {
					return nil, err
				}
				// The app's dependencies, then the route's, come before the
				// endpoint's own (APIRoute inserts them at the front).
				all := append(append([]*Depends{}, a.deps...), routeDeps...)
				var first []*dependant
				for _, dm := range all {
					sub, err := analyze(dm.Dep, pathParams)
					if err != nil {
						return nil, err
					}
					sub.cache, sub.parameterless = dm.UseCache, true
					first = append(first, sub)
				}
				d.deps = append(first, d.deps...)
				a.routes = append(a.routes, &route{method: verb, path: string(p), parts: parts, dep: d, status: status})
				return args[0], nil
			}), nil
		}), nil
	}
	return nil, nil
}

// dependant is fastapi.dependencies.models.Dependant: a callable's
// sub-dependencies and parameters, in signature order.
type dependant struct {
	call   py.Value
	name   string // the parameter it fills in its parent ("" at the top and for dependencies=[...])
	cache  bool
	deps   []*dependant
	path   []param
	query  []param
	header []param
	cookie []param
	kind   callKind
	qual   string
	isPath map[string]bool
	// parameterless: from a dependencies=[...] list (route or app): solved
	// and called, its value passed to nobody.
	parameterless bool
}

type param struct {
	name               string
	in                 string   // "path", "query", "header", "cookie"
	def                py.Value // nil: required
	conv               convKind
	alias              string
	convertUnderscores bool
	minLen, maxLen     int // -1: none
}

// convKind is the pydantic v1 validator of a query or path parameter,
// chosen by its annotation.
type convKind uint8

const (
	convAny convKind = iota // no annotation: the str as received
	convStr
	convInt
	convFloat
	convBool
)

// paramConv picks the validator for parameter name of qual (defined at
// line) by its annotation, refusing one this model does not convert
// (list[int], a pydantic model, a string annotation...) rather than passing
// a str. Optional[X] and X | None convert as X.
func paramConv(ann py.Value, name, where, qual string, line int) (convKind, error) {
	if ann == nil {
		return convAny, nil
	}
	switch scalarAnnotation(ann) {
	case py.StrType:
		return convStr, nil
	case py.IntType:
		return convInt, nil
	case py.FloatType:
		return convFloat, nil
	case py.BoolType:
		return convBool, nil
	}
	r := ann.Type().Name
	if rp, ok := ann.(py.Reprer); ok {
		r, _ = rp.Repr(nil)
	}
	if ty, ok := ann.(*py.Type); ok {
		r = ty.Name
	} else if sv, ok := ann.(py.Str); ok {
		r = "'" + string(sv) + "'"
	}
	return convAny, py.Errorf(py.TypeErrorType, "the scenes' FastAPI cannot convert %s parameter '%s' of %s, line %d: only int, float, bool or str (or no annotation, or Optional of one of them) are converted, not %s",
		where, name, qual, line, r)
}

// pydantic v1's bool_validator spellings, compared after str.lower().
var (
	boolTrue  = map[string]bool{"1": true, "on": true, "t": true, "true": true, "y": true, "yes": true}
	boolFalse = map[string]bool{"0": true, "off": true, "f": true, "false": true, "n": true, "no": true}
)

// maxStrInt is pydantic v1's max_str_int: a longer str is not an integer.
const maxStrInt = 4300

// convert validates the received str s as k does. A value that does not
// convert gives the 422 error entry (loc is "path" or "query"); err is for
// anything else.
func (k convKind) convert(t *py.Thread, loc, name, s string) (py.Value, map[string]any, error) {
	bad := func(msg, typ string) (py.Value, map[string]any, error) {
		return nil, map[string]any{"loc": []any{loc, name}, "msg": msg, "type": typ}, nil
	}
	switch k {
	case convInt, convFloat:
		typ, msg, code := py.IntType, "value is not a valid integer", "type_error.integer"
		if k == convFloat {
			typ, msg, code = py.FloatType, "value is not a valid float", "type_error.float"
		} else if len(s) > maxStrInt {
			return bad(msg, code)
		}
		v, err := t.Call(typ, []py.Value{py.Str(s)}, nil)
		if e, ok := err.(*py.Exception); ok && e.Class.IsSubtypeOf(py.ValueErrorType) {
			return bad(msg, code)
		}
		return v, nil, err
	case convBool:
		l := strings.ToLower(s)
		switch {
		case boolTrue[l]:
			return py.True, nil, nil
		case boolFalse[l]:
			return py.False, nil, nil
		}
		return bad("value could not be parsed to a boolean", "type_error.bool")
	}
	return py.Str(s), nil, nil
}

type callKind uint8

const (
	callSync callKind = iota
	callAsync
	callGen
	callAsyncGen
)

// analyze is get_dependant for a callable: its parameters in signature
// order, each a sub-dependency (a Depends default, or Annotated[T,
// Depends(...)]), a path parameter, or a query, header or cookie parameter.
func analyze(call py.Value, pathParams []string) (*dependant, error) {
	sig, err := signatureOf(call)
	if err != nil {
		return nil, err
	}
	d := &dependant{call: call, qual: sig.qual, kind: sig.kind, isPath: map[string]bool{}}
	for _, p := range pathParams {
		d.isPath[p] = true
	}
	fn := sig.fn
	if fn == nil {
		return d, nil // a class without __init__ of its own
	}
	c := fn.Code
	if c.VarArgs || c.VarKw {
		return nil, py.Errorf(py.TypeErrorType, "the scenes' FastAPI does not take *args or **kwargs in %s", fn.QualName)
	}
	firstDef := c.NumPos - len(fn.Defaults)
	for i := 0; i < c.NumPos+c.NumKwOnly; i++ {
		if i == 0 && sig.skipSelf {
			continue
		}
		name := c.Locals[i]
		var def py.Value
		if i < c.NumPos {
			if i >= firstDef {
				def = fn.Defaults[i-firstDef]
			}
		} else if v, ok := fn.KwDefs[name]; ok {
			def = v
		}
		var ann py.Value
		if fn.Annotations != nil {
			if a, ok := fn.Annotations.GetStr(name); ok {
				ann = a
			}
		}
		// Annotated[T, marker]: the marker as if it were the default (the
		// default, if any, stays the parameter's default).
		var marker py.Value
		if origin, meta, ok := annotated(ann); ok {
			ann = origin
			for _, m := range meta {
				switch m.(type) {
				case *Depends, *paramMarker:
					marker = m
				}
			}
		}
		if marker == nil {
			switch def.(type) {
			case *Depends, *paramMarker:
				marker, def = def, nil
			}
		}
		if dm, ok := marker.(*Depends); ok {
			dep := dm.Dep
			if dep == nil {
				// Depends(): the annotation is the dependency.
				dep = ann
			}
			if dep == nil {
				return nil, py.Errorf(py.TypeErrorType, "Depends() for parameter '%s' of %s has no dependency and no annotation to take it from", name, fn.QualName)
			}
			sub, err := analyze(dep, pathParams)
			if err != nil {
				return nil, err
			}
			sub.name = name
			sub.cache = dm.UseCache
			d.deps = append(d.deps, sub)
			continue
		}
		p := param{name: name, in: "query", def: def, minLen: -1, maxLen: -1}
		if pm, ok := marker.(*paramMarker); ok {
			p.in, p.alias, p.convertUnderscores, p.minLen, p.maxLen = pm.in, pm.alias, pm.convertUnderscores, pm.minLen, pm.maxLen
			if def == nil {
				p.def = pm.def
			}
		}
		if d.isPath[name] {
			p.in, p.def = "path", nil
		}
		conv, err := paramConv(ann, name, p.in, fn.QualName, c.FirstLine)
		if err != nil {
			return nil, err
		}
		p.conv = conv
		switch p.in {
		case "path":
			d.path = append(d.path, p)
		case "header":
			d.header = append(d.header, p)
		case "cookie":
			d.cookie = append(d.cookie, p)
		default:
			d.query = append(d.query, p)
		}
	}
	return d, nil
}

// match finds the route for method and path: the first whose path matches,
// and whether some route matched the path with another method (405).
func (a *App) match(method, path string) (*route, map[string]string, bool) {
	parts := strings.Split(path, "/")
	other := false
	for _, r := range a.routes {
		if len(r.parts) != len(parts) {
			continue
		}
		vals := map[string]string{}
		ok := true
		for i, p := range r.parts {
			if strings.HasPrefix(p, "{") && strings.HasSuffix(p, "}") && parts[i] != "" {
				vals[p[1:len(p)-1]] = parts[i]
			} else if p != parts[i] {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		if r.method != method {
			other = true
			continue
		}
		return r, vals, false
	}
	return nil, nil, other
}

// ---------------------------------------------------------------------------
// Native coroutines written in continuation-passing style.

// act is what a flow does next: await a coroutine and continue with then,
// yield once (a bare yield, anyio's checkpoint) and continue with then, or
// finish with ret / err.
type act struct {
	await py.Coroutine
	yield bool
	then  func(t *py.Thread, v py.Value, err error) act
	ret   py.Value
	err   error
}

func awaitThen(c py.Coroutine, then func(t *py.Thread, v py.Value, err error) act) act {
	return act{await: c, then: then}
}

func yieldThen(then func(t *py.Thread, v py.Value, err error) act) act {
	return act{yield: true, then: then}
}

func finish(v py.Value) act { return act{ret: v} }
func fail(err error) act    { return act{err: err} }

// flow is a native coroutine driven by acts.
type flow struct {
	coroBase
	start func(t *py.Thread) act
	cur   py.Coroutine
	then  func(t *py.Thread, v py.Value, err error) act
}

func newFlow(qual string, start func(t *py.Thread) act) *flow {
	return &flow{coroBase: coroBase{qual: qual}, start: start}
}

// Resume implements py.Coroutine.
func (f *flow) Resume(t *py.Thread, send py.Value, throw *py.Exception) (py.Value, py.CoroState, error) {
	if f.done {
		return raised(errReused)
	}
	var a act
	if !f.started {
		f.started = true
		if throw != nil {
			f.done = true
			return raised(throw)
		}
		a = f.start(t)
	} else if f.cur != nil {
		v, st, err := f.cur.Resume(t, send, throw)
		if st == py.CoroYielded && err == nil {
			return v, st, nil
		}
		a = f.cont(t, v, err)
	} else if throw != nil {
		a = f.cont(t, nil, throw)
	} else {
		a = f.cont(t, py.None, nil)
	}
	for {
		switch {
		case a.await != nil:
			f.cur, f.then = a.await, a.then
			v, st, err := f.cur.Resume(t, py.None, nil)
			if st == py.CoroYielded && err == nil {
				return v, st, nil
			}
			a = f.cont(t, v, err)
		case a.yield:
			f.cur, f.then = nil, a.then
			return py.None, py.CoroYielded, nil
		default:
			f.done = true
			f.cur, f.then = nil, nil
			if a.err != nil {
				return raised(a.err)
			}
			if a.ret == nil {
				return returned(py.None)
			}
			return returned(a.ret)
		}
	}
}

// cont continues with then; a run-stopping error ends the flow at once.
func (f *flow) cont(t *py.Thread, v py.Value, err error) act {
	if err != nil {
		if _, ok := err.(*py.Exception); !ok {
			return fail(err)
		}
		v = nil
	}
	then := f.then
	f.cur, f.then = nil, nil
	return then(t, v, err)
}

// awaitValue awaits v (a coroutine or an awaitable) and continues.
func awaitValue(t *py.Thread, v py.Value, then func(t *py.Thread, v py.Value, err error) act) act {
	c, err := toCoroutine(t, v)
	if err != nil {
		return fail(err)
	}
	return awaitThen(c, then)
}

// ---------------------------------------------------------------------------
// anyio's thread pool: to_thread.run_sync on the asyncio backend.

// anyioPool is the per-loop state of anyio's worker threads and the
// default CapacityLimiter (40 tokens).
type anyioPool struct {
	loop    *Loop
	idle    []*anyioWorker // idle_workers (a deque: append right, pop right)
	limiter *capacityLimiter
	root    *Task // _root_task
}

type capacityLimiter struct {
	total     int
	borrowers map[*Task]bool
	waiters   []*limiterWaiter
}

type limiterWaiter struct {
	task *Task
	fut  *Future
}

type anyioJob struct {
	fn   py.Value
	args []py.Value
	kw   []py.Kwarg
	wrap func(py.Value, error) (py.Value, error)
	fut  *Future
	id   int32
}

// anyioWorker is anyio's WorkerThread: a queue of jobs (None: stop).
type anyioWorker struct {
	pool      *anyioPool
	th        *Thread
	queue     []*anyioJob // nil entry: stop
	waiting   bool
	idleSince float64
	stopping  bool
	job       *anyioJob
	root      *Task // the task whose end stops the worker
}

// poolOf returns the loop's anyio pool, made on first use.
func (st *fastapiState) poolOf(m *Machine, l *Loop) *anyioPool {
	p := st.pools[l]
	if p == nil {
		p = &anyioPool{loop: l, limiter: &capacityLimiter{total: 40, borrowers: map[*Task]bool{}}}
		st.pools[l] = p
		m.AtExit(func(t *py.Thread) error {
			for _, th := range m.threads {
				if w, ok := th.body.(*anyioWorker); ok && w.pool == p && !th.Finished() {
					w.stop()
				}
			}
			return nil
		})
	}
	return p
}

// findRootTask is anyio's find_root_task: the task run_until_complete
// runs (asyncio.run's main task), else the current task.
func (p *anyioPool) findRootTask() *Task {
	if p.root != nil && !p.root.Done() {
		return p.root
	}
	for _, tk := range p.loop.tasks {
		if tk.Done() {
			continue
		}
		for _, cb := range tk.callbacks {
			if _, ok := cb.key.(*runUntilCompleteKey); ok {
				p.root = tk
				return tk
			}
		}
	}
	return p.loop.CurrentTask()
}

// runSync is anyio.to_thread.run_sync(fn, *args, limiter=lim) with the
// keyword arguments bound as functools.partial binds them; lim nil: the
// default limiter.
func runSync(t *py.Thread, st *fastapiState, fn py.Value, args []py.Value, kw []py.Kwarg, lim *capacityLimiter) py.Coroutine {
	return runSyncWrap(t, st, fn, args, kw, lim, nil)
}

// runSyncWrap is runSync where wrap, run in the worker thread, turns the
// call's outcome into the job's (the contextmanager.__enter__/__exit__
// around a generator's __next__ or throw).
func runSyncWrap(t *py.Thread, st *fastapiState, fn py.Value, args []py.Value, kw []py.Kwarg, lim *capacityLimiter, wrap func(v py.Value, err error) (py.Value, error)) py.Coroutine {
	return newFlow("run_sync", func(t *py.Thread) act {
		// await checkpoint()
		return yieldThen(func(t *py.Thread, _ py.Value, err error) act {
			if err != nil {
				return fail(err)
			}
			l := runningLoop(t)
			if l == nil {
				return fail(py.Errorf(py.RuntimeErrorType, "no running event loop"))
			}
			m := machineOf(t)
			pool := st.poolOf(m, l)
			if lim == nil {
				lim = pool.limiter
			}
			task := l.CurrentTask()
			if lim.borrowers[task] {
				return fail(py.Errorf(py.RuntimeErrorType, "this borrower is already holding one of this CapacityLimiter's tokens"))
			}
			acquired := func(t *py.Thread) act {
				return pool.submit(t, fn, args, kw, wrap, func(t *py.Thread, v py.Value, err error) act {
					lim.release(task)
					if err != nil {
						return fail(err)
					}
					return finish(v)
				})
			}
			if len(lim.borrowers) < lim.total {
				lim.borrowers[task] = true
				// cancel_shielded_checkpoint()
				return yieldThen(func(t *py.Thread, _ py.Value, err error) act {
					if err != nil {
						lim.release(task)
						return fail(err)
					}
					return acquired(t)
				})
			}
			w := &limiterWaiter{task: task, fut: l.NewFuture("CapacityLimiter.acquire", nil, trace.ConceptExecutor)}
			lim.waiters = append(lim.waiters, w)
			return awaitValue(t, w.fut, func(t *py.Thread, _ py.Value, err error) act {
				if err != nil {
					return fail(err)
				}
				lim.borrowers[task] = true
				return acquired(t)
			})
		})
	})
}

// release is CapacityLimiter.release_on_behalf_of: the first waiter's
// event is set when a token is free.
func (lim *capacityLimiter) release(task *Task) {
	delete(lim.borrowers, task)
	if len(lim.waiters) > 0 && len(lim.borrowers) < lim.total {
		w := lim.waiters[0]
		lim.waiters = lim.waiters[1:]
		if !w.fut.Done() {
			_ = w.fut.SetResult(py.True)
		}
	}
}

// submit hands the job to a worker and awaits its future.
func (p *anyioPool) submit(t *py.Thread, fn py.Value, args []py.Value, kw []py.Kwarg, wrap func(py.Value, error) (py.Value, error), then func(t *py.Thread, v py.Value, err error) act) act {
	m := machineOf(t)
	l := p.loop
	fut := l.NewFuture("run_sync", nil, trace.ConceptExecutor)
	var w *anyioWorker
	if len(p.idle) == 0 {
		root := p.findRootTask()
		w = &anyioWorker{pool: p, idleSince: m.Now(), root: root}
		w.th = m.SpawnBody("AnyIO worker thread", false, w)
		if root != nil {
			root.AddDoneCallbackKey("WorkerThread.stop", w, func(*Future) { w.stop() })
		}
	} else {
		w = p.idle[len(p.idle)-1]
		p.idle = p.idle[:len(p.idle)-1]
		now := m.Now()
		for len(p.idle) > 0 && now-p.idle[0].idleSince >= 10 {
			expired := p.idle[0]
			p.idle = p.idle[1:]
			if expired.root != nil {
				expired.root.RemoveDoneCallback(expired)
			}
			expired.stop()
		}
	}
	job := &anyioJob{fn: fn, args: args, kw: kw, wrap: wrap, fut: fut, id: m.NewID()}
	if m.Tracing() {
		m.Emit(trace.Event{Kind: trace.JobNew, Concept: trace.ConceptExecutor, ID: job.id, Ref: fut.ID(), Text: callableName(fn)})
	}
	w.put(m, job)
	return awaitValue(t, fut, then)
}

func (w *anyioWorker) put(m *Machine, job *anyioJob) {
	w.queue = append(w.queue, job)
	if w.waiting {
		m.Wake(w.th)
	}
}

// stop is WorkerThread.stop.
func (w *anyioWorker) stop() {
	w.stopping = true
	w.put(w.th.m, nil)
	p := w.pool
	for i, x := range p.idle {
		if x == w {
			p.idle = append(p.idle[:i:i], p.idle[i+1:]...)
			break
		}
	}
}

// Next implements ThreadBody: WorkerThread.run.
func (w *anyioWorker) Next(t *py.Thread, v py.Value, err error) Step {
	m := machineOf(t)
	if job := w.job; job != nil {
		w.job = nil
		if _, ok := err.(*py.Exception); err != nil && !ok {
			w.th.err = err
			return Step{}
		}
		if job.wrap != nil {
			v, err = job.wrap(v, err)
			if _, ok := err.(*py.Exception); err != nil && !ok {
				w.th.err = err
				return Step{}
			}
		}
		if err != nil {
			v = nil
		}
		if m.Tracing() {
			how := trace.OutcomeResult
			if err != nil {
				how = trace.OutcomeException
			}
			m.Emit(trace.Event{Kind: trace.JobDone, Concept: trace.ConceptExecutor, ID: job.id, Ref: w.th.ID, Outcome: how})
		}
		l := w.pool.loop
		if !l.IsClosed() {
			exc, _ := err.(*py.Exception)
			_, _ = l.CallSoonThreadsafeGo("WorkerThread._report_result", func() {
				w.idleSince = m.Now()
				if !w.stopping {
					w.pool.idle = append(w.pool.idle, w)
				}
				if !job.fut.Cancelled() {
					if exc != nil {
						_ = job.fut.SetException(exc)
					} else {
						_ = job.fut.SetResult(v)
					}
				}
			})
		}
	}
	if len(w.queue) == 0 {
		w.waiting = true
		return Step{Wait: &Wait{What: "queue.get()", Deadline: NoDeadline, Concept: trace.ConceptExecutor,
			Ready: func() bool { return len(w.queue) > 0 }}}
	}
	w.waiting = false
	job := w.queue[0]
	w.queue = w.queue[1:]
	if job == nil {
		return Step{}
	}
	if job.fut.Cancelled() {
		return w.Next(t, nil, nil)
	}
	if m.Tracing() {
		m.Emit(trace.Event{Kind: trace.JobStart, ID: job.id, Ref: w.th.ID, Concept: trace.ConceptExecutor, Text: callableName(job.fn)})
	}
	w.job = job
	return Step{Call: job.fn, Args: job.args, Kw: job.kw}
}

// ---------------------------------------------------------------------------
// One request through the app.

// exitEntry is one callback of the request's AsyncExitStack.
type exitEntry struct {
	dep     *dependant
	gen     py.Value // the generator object
	id, ref int32    // its node in the request's tree, and the node it feeds
}

// request is one request's state: the scope's AsyncExitStack and the
// dependency cache.
type request struct {
	app       *App
	method    string
	path      string
	query     []([2]string)
	headers   [][2]string
	cookies   map[string]string
	pathV     map[string]string
	body      py.Value
	stack     []exitEntry
	cache     map[py.Value]py.Value
	invalid   []any              // the RequestValidationError's errors (422)
	cacheNode map[py.Value]int32 // the node whose value the cache holds
	label     string
	id        int32
}

// response is what the app sent: the status and the body's JSON value.
type appResponse struct {
	status int
	body   any // the JSON tree (see jsonTree)
	text   string
}

// handle runs the app for one request: the coroutine awaited by
// ASGITransport.handle_async_request. Its result is an *appResponse.
func (a *App) handle(t *py.Thread, method, path string, query, headers [][2]string, cookies map[string]string, body py.Value) py.Coroutine {
	m := machineOf(t)
	rq := &request{app: a, method: method, path: path, query: query, headers: headers, cookies: cookies, body: body, cache: map[py.Value]py.Value{}, cacheNode: map[py.Value]int32{}, id: m.NewID()}
	rq.label = method + " " + path
	sep := "?"
	for _, kv := range query {
		rq.label += sep + kv[0] + "=" + kv[1]
		sep = "&"
	}
	return newFlow("ASGITransport.handle_async_request", func(t *py.Thread) act {
		rq.emit(t, trace.Request, trace.ConceptRequest, rq.label, "start")
		r, vals, other := a.match(method, path)
		if r == nil {
			code := 404
			if other {
				code = 405
			}
			return rq.respond(t, &appResponse{status: code, body: map[string]any{"detail": statusPhrase(code)}})
		}
		rq.pathV = vals
		// The endpoint is the root of the request's dependency tree.
		id := m.NewID()
		rq.node(t, r.dep, "solve", id, rq.id, 0)
		return rq.solve(t, r.dep, id, func(t *py.Thread, values []py.Kwarg, errs []any, err error) act {
			if err != nil {
				return rq.closeStack(t, err)
			}
			if len(errs) > 0 {
				// RequestValidationError, raised inside the exit stack: the
				// teardowns see it, then ExceptionMiddleware answers 422.
				rq.node(t, r.dep, "failed", id, rq.id, 0)
				rq.invalid = errs
				return rq.closeStack(t, py.NewException(RequestValidationErrorType))
			}
			return rq.call(t, r.dep, id, rq.id, values, func(t *py.Thread, v py.Value, err error) act {
				if err != nil {
					return rq.closeStack(t, err)
				}
				tree, err := jsonTree(t, v)
				if err != nil {
					return rq.closeStack(t, err)
				}
				return rq.closeStackThen(t, &appResponse{status: r.status, body: tree})
			})
		})
	})
}

// node emits a depends event about node id, this request's use of d,
// which feeds ref (its parent's node, or the request for the endpoint).
func (rq *request) node(t *py.Thread, d *dependant, label string, id, ref, cause int32) {
	if m := machineOf(t); m.Tracing() {
		m.Emit(trace.Event{Kind: trace.Depends, Concept: trace.ConceptDepends, ID: id, Ref: ref, Cause: cause, Text: d.qual, Label: label, Num: float64(depFlags[d.kind])})
	}
}

// depFlags is a depends event's num for each kind of callable: 1 runs in
// the thread pool, 2 has a yield.
var depFlags = [...]uint8{callSync: 1, callAsync: 0, callGen: 3, callAsyncGen: 2}

func (rq *request) emit(t *py.Thread, kind trace.Kind, c trace.Concept, text, label string) {
	m := machineOf(t)
	if m.Tracing() {
		m.Emit(trace.Event{Kind: kind, Concept: c, ID: rq.id, Text: text, Label: label})
	}
}

// send renders resp and sends it (the request's status event).
func (rq *request) send(t *py.Thread, resp *appResponse) error {
	text, err := jsonText(resp.body)
	if err != nil {
		return err
	}
	resp.text = text
	rq.emit(t, trace.Request, trace.ConceptRequest, rq.label, strconv.Itoa(resp.status))
	return nil
}

// respond finishes the request with resp.
func (rq *request) respond(t *py.Thread, resp *appResponse) act {
	if err := rq.send(t, resp); err != nil {
		return fail(err)
	}
	return finish(resp)
}

// closeStackThen sends the endpoint's response, then closes the exit
// stack: in FastAPI 0.92 the response goes out before the teardowns run.
// A teardown's exception still reaches the client; an HTTPException can no
// longer be answered (ExceptionMiddleware's "response already started").
func (rq *request) closeStackThen(t *py.Thread, resp *appResponse) act {
	if err := rq.send(t, resp); err != nil {
		return fail(err)
	}
	return rq.unwind(t, nil, func(t *py.Thread, err error) act {
		if e, ok := err.(*py.Exception); ok && e.Class.IsSubtypeOf(HTTPExceptionType) {
			err = py.Errorf(py.RuntimeErrorType, "Caught handled exception, but response already started.")
		}
		if err != nil {
			return rq.handleError(t, err)
		}
		return finish(resp)
	})
}

// closeStack closes the exit stack with the request's exception, which is
// then handled (HTTPException) or propagates (dependency_exception is
// re-raised even when a teardown swallowed it).
func (rq *request) closeStack(t *py.Thread, exc error) act {
	return rq.unwind(t, exc, func(t *py.Thread, err error) act {
		if err == nil {
			err = exc
		}
		return rq.handleError(t, err)
	})
}

// handleError is ExceptionMiddleware (HTTPException → its JSON response)
// and, for anything else, the exception propagating to the client.
func (rq *request) handleError(t *py.Thread, err error) act {
	e, ok := err.(*py.Exception)
	if ok && e.Class == RequestValidationErrorType && rq.invalid != nil {
		return rq.respond(t, &appResponse{status: 422, body: map[string]any{"detail": rq.invalid}})
	}
	if !ok || !e.Class.IsSubtypeOf(HTTPExceptionType) {
		if ok {
			rq.emit(t, trace.Request, trace.ConceptRequest, rq.label, "500")
		}
		return fail(err)
	}
	code := int(e.Attrs["status_code"].(py.Int))
	tree, terr := jsonTree(t, e.Attrs["detail"])
	if terr != nil {
		return fail(terr)
	}
	return rq.respond(t, &appResponse{status: code, body: map[string]any{"detail": tree}})
}

// unwind is AsyncExitStack.__aexit__: the entries in reverse order, each
// seeing the exception still pending (a teardown that raises replaces it;
// one that swallows it clears it).
func (rq *request) unwind(t *py.Thread, exc error, then func(t *py.Thread, err error) act) act {
	if len(rq.stack) == 0 {
		return then(t, exc)
	}
	e := rq.stack[len(rq.stack)-1]
	rq.stack = rq.stack[:len(rq.stack)-1]
	rq.node(t, e.dep, "teardown", e.id, e.ref, 0)
	pyExc, _ := exc.(*py.Exception)
	next := func(t *py.Thread, err error) act { return rq.unwind(t, err, then) }
	if e.dep.kind == callAsyncGen {
		// asynccontextmanager's __aexit__.
		g := e.gen.(*py.Generator)
		var step py.Value
		var err error
		if pyExc == nil {
			step, err = g.ANext(t)
		} else {
			athrow, aerr := py.GetAttr(t, g, "athrow")
			if aerr != nil {
				return fail(aerr)
			}
			step, err = t.Call(athrow, []py.Value{pyExc}, nil)
		}
		if err != nil {
			return fail(err)
		}
		return awaitValue(t, step, func(t *py.Thread, _ py.Value, err error) act {
			return next(t, cmExitOutcome(pyExc, err))
		})
	}
	// contextmanager_in_threadpool: cm.__exit__ in the pool, with its own
	// CapacityLimiter(1).
	lim := &capacityLimiter{total: 1, borrowers: map[*Task]bool{}}
	var fn py.Value
	var args []py.Value
	var gerr error
	if pyExc == nil {
		fn, gerr = py.GetAttr(t, e.gen, "__next__")
	} else {
		fn, gerr = py.GetAttr(t, e.gen, "throw")
		args = []py.Value{pyExc}
	}
	if gerr != nil {
		return fail(gerr)
	}
	exit := func(v py.Value, err error) (py.Value, error) { return cmExit(pyExc, v, err) }
	return awaitThen(runSyncWrap(t, rq.app.state, fn, args, nil, lim, exit), func(t *py.Thread, ok py.Value, err error) act {
		switch {
		case err != nil:
			return next(t, err)
		case pyExc != nil && !py.Truth(ok):
			return next(t, pyExc) // contextmanager_in_threadpool: if not ok: raise e
		}
		return next(t, nil)
	})
}

// cmExit is contextmanager.__exit__ around the generator's step (v, err):
// its result says whether the exception was swallowed.
func cmExit(exc *py.Exception, v py.Value, err error) (py.Value, error) {
	e, isExc := err.(*py.Exception)
	if exc == nil {
		switch {
		case err == nil:
			return nil, py.Errorf(py.RuntimeErrorType, "generator didn't stop")
		case isExc && e.Class.IsSubtypeOf(py.StopIterationType):
			return py.False, nil
		}
		return nil, err
	}
	switch {
	case err == nil:
		return nil, py.Errorf(py.RuntimeErrorType, "generator didn't stop after throw()")
	case isExc && e.Class.IsSubtypeOf(py.StopIterationType):
		return py.Bool(e != exc), nil
	case e == exc:
		return py.False, nil
	}
	return nil, err
}

// cmExitOutcome is what asynccontextmanager's __aexit__ makes of the
// generator's step: with no exception, the generator must end
// (StopIteration / StopAsyncIteration), else RuntimeError("generator didn't
// stop"); with one, the same exception coming back means "not handled"
// (propagate it), the generator ending means it was swallowed, anything
// else replaces it.
func cmExitOutcome(exc *py.Exception, err error) error {
	stopType := py.StopAsyncIterationType
	if exc == nil {
		if err == nil {
			return py.Errorf(py.RuntimeErrorType, "generator didn't stop")
		}
		if e, ok := err.(*py.Exception); ok && e.Class.IsSubtypeOf(stopType) {
			return nil
		}
		return err
	}
	if err == nil {
		return py.Errorf(py.RuntimeErrorType, "generator didn't stop after athrow()")
	}
	if e, ok := err.(*py.Exception); ok && e.Class.IsSubtypeOf(stopType) {
		return nil
	}
	return err
}

// solve is solve_dependencies for d (node id of the request's tree): its
// sub-dependencies in order, then its path and query parameters.
func (rq *request) solve(t *py.Thread, d *dependant, node int32, k func(t *py.Thread, values []py.Kwarg, errs []any, err error) act) act {
	var values []py.Kwarg
	var errs []any
	var step func(t *py.Thread, i int) act
	step = func(t *py.Thread, i int) act {
		if i == len(d.deps) {
			for _, p := range d.path {
				v, bad, err := p.conv.convert(t, "path", p.name, rq.pathV[p.name])
				if err != nil {
					return k(t, nil, nil, err)
				}
				if bad != nil {
					errs = append(errs, bad)
					continue
				}
				values = append(values, py.Kwarg{Name: p.name, Value: v})
			}
			for _, group := range [][]param{d.query, d.header, d.cookie} {
				for i := range group {
					p := &group[i]
					s, ok := rq.lookup(p)
					switch {
					case ok:
						v, bad, err := p.conv.convert(t, p.in, p.key(), s)
						if err != nil {
							return k(t, nil, nil, err)
						}
						if bad != nil {
							errs = append(errs, bad)
							continue
						}
						if lenErr := p.checkLength(v); lenErr != nil {
							errs = append(errs, lenErr)
							continue
						}
						values = append(values, py.Kwarg{Name: p.name, Value: v})
					case p.def != nil:
						values = append(values, py.Kwarg{Name: p.name, Value: p.def})
					default:
						errs = append(errs, map[string]any{"loc": []any{p.in, p.key()}, "msg": "field required", "type": "value_error.missing"})
					}
				}
			}
			return k(t, values, errs, nil)
		}
		sub := d.deps[i]
		id := machineOf(t).NewID()
		rq.node(t, sub, "solve", id, node, 0)
		return rq.solve(t, sub, id, func(t *py.Thread, subValues []py.Kwarg, subErrs []any, err error) act {
			if err != nil {
				return k(t, nil, nil, err)
			}
			if len(subErrs) > 0 {
				rq.node(t, sub, "failed", id, node, 0)
				errs = append(errs, subErrs...)
				return step(t, i+1)
			}
			store := func(t *py.Thread, v py.Value) act {
				if !sub.parameterless {
					values = append(values, py.Kwarg{Name: sub.name, Value: v})
				}
				if _, ok := rq.cache[sub.call]; !ok {
					rq.cache[sub.call] = v
					rq.cacheNode[sub.call] = id
				}
				return step(t, i+1)
			}
			if v, ok := rq.cache[sub.call]; ok && sub.cache {
				rq.node(t, sub, "cached", id, node, rq.cacheNode[sub.call])
				return store(t, v)
			}
			return rq.call(t, sub, id, node, subValues, func(t *py.Thread, v py.Value, err error) act {
				if err != nil {
					return k(t, nil, nil, err)
				}
				return store(t, v)
			})
		})
	}
	return step(t, 0)
}

// call runs a dependency or the endpoint (node id, feeding ref) with its
// solved values: solve_generator, `await call(**values)` or
// run_in_threadpool.
func (rq *request) call(t *py.Thread, d *dependant, id, ref int32, values []py.Kwarg, then func(t *py.Thread, v py.Value, err error) act) act {
	rq.node(t, d, "call", id, ref, 0)
	k := then
	then = func(t *py.Thread, v py.Value, err error) act {
		if err != nil {
			rq.node(t, d, "failed", id, ref, 0)
		} else {
			rq.node(t, d, "done", id, ref, 0)
		}
		return k(t, v, err)
	}
	switch d.kind {
	case callAsync:
		c, err := t.Call(d.call, nil, values)
		if err != nil {
			return then(t, nil, err)
		}
		return awaitValue(t, c, then)
	case callAsyncGen:
		g, err := t.Call(d.call, nil, values)
		if err != nil {
			return then(t, nil, err)
		}
		step, err := g.(*py.Generator).ANext(t)
		if err != nil {
			return then(t, nil, err)
		}
		return awaitValue(t, step, func(t *py.Thread, v py.Value, err error) act {
			if err != nil {
				if e, ok := err.(*py.Exception); ok && e.Class.IsSubtypeOf(py.StopAsyncIterationType) {
					err = py.Errorf(py.RuntimeErrorType, "generator didn't yield")
				}
				return then(t, nil, err)
			}
			rq.stack = append(rq.stack, exitEntry{dep: d, gen: g, id: id, ref: ref})
			return then(t, v, nil)
		})
	case callGen:
		g, err := t.Call(d.call, nil, values)
		if err != nil {
			return then(t, nil, err)
		}
		next, err := py.GetAttr(t, g, "__next__")
		if err != nil {
			return then(t, nil, err)
		}
		enter := func(v py.Value, err error) (py.Value, error) {
			// contextmanager.__enter__
			if e, ok := err.(*py.Exception); ok && e.Class.IsSubtypeOf(py.StopIterationType) {
				return nil, py.Errorf(py.RuntimeErrorType, "generator didn't yield")
			}
			return v, err
		}
		return awaitThen(runSyncWrap(t, rq.app.state, next, nil, nil, nil, enter), func(t *py.Thread, v py.Value, err error) act {
			if err != nil {
				return then(t, nil, err)
			}
			rq.stack = append(rq.stack, exitEntry{dep: d, gen: g, id: id, ref: ref})
			return then(t, v, nil)
		})
	}
	return awaitThen(runSync(t, rq.app.state, d.call, nil, values, nil), then)
}

func (rq *request) queryValue(name string) (string, bool) {
	// request.query_params is a multi-dict whose [] gives the last value.
	v, ok := "", false
	for _, kv := range rq.query {
		if kv[0] == name {
			v, ok = kv[1], true
		}
	}
	return v, ok
}

// ---------------------------------------------------------------------------
// JSON: jsonable_encoder, then json.dumps(separators=(",", ":"),
// ensure_ascii=False) as JSONResponse renders, and json.loads for r.json().

type jsonObject struct {
	keys []string
	vals []any
}

// jsonTree is jsonable_encoder(v) as a tree of nil, bool, int64, float64,
// string, []any and *jsonObject.
func jsonTree(t *py.Thread, v py.Value) (any, error) {
	switch x := v.(type) {
	case py.NoneType:
		return nil, nil
	case py.Bool:
		return bool(x), nil
	case py.Int:
		return int64(x), nil
	case py.Float:
		return float64(x), nil
	case py.Str:
		return string(x), nil
	case *py.List:
		return jsonSeq(t, x.Elems)
	case py.Tuple:
		return jsonSeq(t, x)
	case *py.Dict:
		o := &jsonObject{}
		for _, kv := range x.Items() {
			var key string
			switch k := kv[0].(type) {
			case py.Str:
				key = string(k)
			case py.Int, py.Bool, py.Float, py.NoneType:
				kt, _ := jsonTree(t, k)
				s, err := jsonText(kt)
				if err != nil {
					return nil, err
				}
				key = s
			default:
				return nil, py.Errorf(py.TypeErrorType, "keys must be str, int, float, bool or None, not %s", k.Type().Name)
			}
			ev, err := jsonTree(t, kv[1])
			if err != nil {
				return nil, err
			}
			o.keys = append(o.keys, key)
			o.vals = append(o.vals, ev)
		}
		return o, nil
	}
	return nil, py.Errorf(py.ValueErrorType, "the scenes' FastAPI returns JSON: dict, list, tuple, str, int, float, bool or None, not %s", v.Type().Name)
}

func jsonSeq(t *py.Thread, elems []py.Value) (any, error) {
	out := make([]any, len(elems))
	for i, e := range elems {
		v, err := jsonTree(t, e)
		if err != nil {
			return nil, err
		}
		out[i] = v
	}
	return out, nil
}

// jsonText renders a tree compactly.
func jsonText(v any) (string, error) {
	var b strings.Builder
	if err := writeJSON(&b, v); err != nil {
		return "", err
	}
	return b.String(), nil
}

func writeJSON(b *strings.Builder, v any) error {
	switch x := v.(type) {
	case nil:
		b.WriteString("null")
	case bool:
		if x {
			b.WriteString("true")
		} else {
			b.WriteString("false")
		}
	case int64:
		b.WriteString(strconv.FormatInt(x, 10))
	case float64:
		if math.IsInf(x, 0) || math.IsNaN(x) {
			return py.Errorf(py.ValueErrorType, "Out of range float values are not JSON compliant")
		}
		s, _ := py.Repr(nil, py.Float(x))
		b.WriteString(s)
	case string:
		writeJSONString(b, x)
	case []any:
		b.WriteByte('[')
		for i, e := range x {
			if i > 0 {
				b.WriteByte(',')
			}
			if err := writeJSON(b, e); err != nil {
				return err
			}
		}
		b.WriteByte(']')
	case *jsonObject:
		b.WriteByte('{')
		for i, k := range x.keys {
			if i > 0 {
				b.WriteByte(',')
			}
			writeJSONString(b, k)
			b.WriteByte(':')
			if err := writeJSON(b, x.vals[i]); err != nil {
				return err
			}
		}
		b.WriteByte('}')
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		o := &jsonObject{keys: keys}
		for _, k := range keys {
			o.vals = append(o.vals, x[k])
		}
		return writeJSON(b, o)
	default:
		return fmt.Errorf("fastapi: unexpected JSON value %T", v)
	}
	return nil
}

// writeJSONString is json.dumps of a str with ensure_ascii=False.
func writeJSONString(b *strings.Builder, s string) { pyjson.WriteString(b, s, false) }

// pyFromJSON is json.loads of a rendered tree.
func pyFromJSON(v any) py.Value {
	switch x := v.(type) {
	case nil:
		return py.None
	case bool:
		return py.Bool(x)
	case int64:
		return py.Int(x)
	case float64:
		return py.Float(x)
	case string:
		return py.Str(x)
	case []any:
		out := make([]py.Value, len(x))
		for i, e := range x {
			out[i] = pyFromJSON(e)
		}
		return py.NewList(out)
	case *jsonObject:
		d := py.NewDict()
		for i, k := range x.keys {
			d.SetStr(k, pyFromJSON(x.vals[i]))
		}
		return d
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		d := py.NewDict()
		for _, k := range keys {
			d.SetStr(k, pyFromJSON(x[k]))
		}
		return d
	}
	return py.None
}
