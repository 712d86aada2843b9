package asyncio

// This file is the `httpx` module of scenes (httpx 0.23): AsyncClient with
// an ASGITransport over a FastAPI app, its get/post, and Response. httpx
// itself never suspends on this path: AsyncClient.get awaits the
// transport, which awaits the app and collects what it sends; the client
// gets the response once the app has returned (after the dependencies'
// teardowns).

import (
	"net/url"
	"strings"

	"loopscope/scenes/python/modules"
	"loopscope/scenes/python/py"
)

func init() {
	registerModule(&modules.Spec{
		Name: "httpx",
		Doc: "httpx 0.23's AsyncClient, sending requests to a FastAPI app of the scene through " +
			"ASGITransport (there is no network).",
		Members: []modules.Member{
			{Name: "ASGITransport", Doc: "ASGITransport(app=app): sends the client's requests to the app."},
			{Name: "AsyncClient", Doc: "AsyncClient(transport=..., base_url=...): get() and post() return a Response."},
			{Name: "Response", Doc: "A response: status_code, json(), text."},
		},
	}, newHTTPXModule)
}

// The httpx types.
var (
	AsyncClientType   = &py.Type{Name: "AsyncClient", Module: "httpx", Base: py.ObjectType}
	ASGITransportType = &py.Type{Name: "ASGITransport", Module: "httpx", Base: py.ObjectType}
	ResponseType      = &py.Type{Name: "Response", Module: "httpx", Base: py.ObjectType}
)

func newHTTPXModule(m *Machine) py.Value {
	return py.NewModule("httpx", map[string]py.Value{
		"ASGITransport": py.NewBuiltin("ASGITransport", func(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			a, err := parseArgs("ASGITransport", args, kw, []string{"app"}, 1)
			if err != nil {
				return nil, err
			}
			app, ok := a[0].(*App)
			if !ok {
				return nil, py.Errorf(py.TypeErrorType, "ASGITransport(app=...) needs a FastAPI app, not %s", a[0].Type().Name)
			}
			return &ASGITransport{app: app}, nil
		}),
		"AsyncClient": py.NewBuiltin("AsyncClient", func(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			if len(args) > 0 {
				return nil, py.Errorf(py.TypeErrorType, "AsyncClient.__init__() takes 1 positional argument but %d were given", len(args)+1)
			}
			c := &AsyncClient{}
			for _, k := range kw {
				switch k.Name {
				case "transport":
					tr, ok := k.Value.(*ASGITransport)
					if !ok {
						return nil, py.Errorf(py.TypeErrorType, "the scenes' AsyncClient needs transport=ASGITransport(app=app)")
					}
					c.transport = tr
				case "base_url":
					s, ok := k.Value.(py.Str)
					if !ok {
						return nil, py.Errorf(py.TypeErrorType, "base_url must be a str")
					}
					c.baseURL = string(s)
				case "headers", "cookies":
					pairs, err := strPairs(t, k.Name, k.Value)
					if err != nil {
						return nil, err
					}
					if k.Name == "headers" {
						c.headers = pairs
					} else {
						c.cookies = pairs
					}
				default:
					return nil, py.Errorf(py.TypeErrorType, "the scenes' AsyncClient takes transport=, base_url=, headers= and cookies=, not %s=", k.Name)
				}
			}
			if c.transport == nil {
				return nil, py.Errorf(py.TypeErrorType, "the scenes' AsyncClient needs transport=ASGITransport(app=app): there is no network to send to")
			}
			return c, nil
		}),
		"Response": ResponseType,
	})
}

// ASGITransport is httpx.ASGITransport(app=app).
type ASGITransport struct{ app *App }

// Type returns ASGITransportType.
func (*ASGITransport) Type() *py.Type { return ASGITransportType }

// AsyncClient is httpx.AsyncClient.
type AsyncClient struct {
	transport *ASGITransport
	baseURL   string
	headers   [][2]string // sent with every request
	cookies   [][2]string
	state     int // 0 unopened, 1 opened, 2 closed
}

// strPairs reads a dict of str to str (headers=, cookies=).
func strPairs(t *py.Thread, what string, v py.Value) ([][2]string, error) {
	if v == nil || v == py.None {
		return nil, nil
	}
	d, ok := v.(*py.Dict)
	if !ok {
		return nil, py.Errorf(py.TypeErrorType, "the scenes' AsyncClient takes %s= as a dict of str, not %s", what, v.Type().Name)
	}
	var out [][2]string
	for _, kv := range d.Items() {
		k, kok := kv[0].(py.Str)
		val, vok := kv[1].(py.Str)
		if !kok || !vok {
			return nil, py.Errorf(py.TypeErrorType, "the scenes' AsyncClient takes %s= as a dict of str to str", what)
		}
		out = append(out, [2]string{string(k), string(val)})
	}
	return out, nil
}

// Type returns AsyncClientType.
func (*AsyncClient) Type() *py.Type { return AsyncClientType }

// AEnter implements py.AsyncContextManager.
func (c *AsyncClient) AEnter(t *py.Thread) (py.Value, error) {
	return immediate("AsyncClient.__aenter__", func(t *py.Thread) (py.Value, error) {
		switch c.state {
		case 1:
			return nil, py.Errorf(py.RuntimeErrorType, "Cannot open a client instance more than once.")
		case 2:
			return nil, py.Errorf(py.RuntimeErrorType, "Cannot reopen a client instance, once it has been closed.")
		}
		c.state = 1
		return c, nil
	}), nil
}

// AExit implements py.AsyncContextManager.
func (c *AsyncClient) AExit(t *py.Thread, exc *py.Exception) (py.Value, error) {
	return immediate("AsyncClient.__aexit__", func(t *py.Thread) (py.Value, error) {
		c.state = 2
		return py.None, nil
	}), nil
}

// Attr implements py.HasAttrs.
func (c *AsyncClient) Attr(t *py.Thread, name string) (py.Value, error) {
	switch name {
	case "get", "post", "put", "delete", "patch":
		verb := strings.ToUpper(name)
		return method(c, "AsyncClient."+name, func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			names := []string{"url", "params", "headers", "cookies"}
			if verb != "GET" && verb != "DELETE" {
				names = []string{"url", "json", "params", "headers", "cookies"}
			}
			a, err := parseArgs(name, args, kw, names, 1)
			if err != nil {
				return nil, err
			}
			n := len(a)
			headers, err := strPairs(t, "headers", a[n-2])
			if err != nil {
				return nil, err
			}
			cookies, err := strPairs(t, "cookies", a[n-1])
			if err != nil {
				return nil, err
			}
			return c.request(t, verb, a[0], a[n-3], a[1:n-3], headers, cookies)
		}), nil
	case "__aenter__":
		return method(c, name, func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) { return c.AEnter(t) }), nil
	case "__aexit__":
		return method(c, name, func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) { return c.AExit(t, nil) }), nil
	}
	return nil, nil
}

// request is AsyncClient.request: the coroutine of one request through
// the transport.
func (c *AsyncClient) request(t *py.Thread, verb string, u, params py.Value, body []py.Value, headers, cookies [][2]string) (py.Value, error) {
	s, ok := u.(py.Str)
	if !ok {
		return nil, py.Errorf(py.TypeErrorType, "the scenes' AsyncClient takes a str URL, not %s", u.Type().Name)
	}
	full := string(s)
	if !strings.Contains(full, "://") {
		full = strings.TrimRight(c.baseURL, "/") + "/" + strings.TrimLeft(full, "/")
	}
	pu, err := url.Parse(full)
	if err != nil {
		return nil, py.Errorf(py.ValueErrorType, "invalid URL %s", full)
	}
	var query [][2]string
	if pu.RawQuery != "" {
		for _, part := range strings.Split(pu.RawQuery, "&") {
			if part == "" {
				continue
			}
			k, v, _ := strings.Cut(part, "=")
			k, _ = url.QueryUnescape(k)
			v, _ = url.QueryUnescape(v)
			query = append(query, [2]string{k, v})
		}
	}
	if d, ok := params.(*py.Dict); ok {
		for _, kv := range d.Items() {
			k, err := py.ToStr(t, kv[0])
			if err != nil {
				return nil, err
			}
			v, err := py.ToStr(t, kv[1])
			if err != nil {
				return nil, err
			}
			query = append(query, [2]string{k, v})
		}
	}
	var payload py.Value
	if len(body) > 0 && body[0] != nil {
		payload = body[0]
	}
	path := pu.EscapedPath()
	if path == "" {
		path = "/"
	}
	if c.state == 2 {
		return nil, py.Errorf(py.RuntimeErrorType, "Cannot send a request, as the client has been closed.")
	}
	app := c.transport.app
	var h py.Coroutine
	return newFlow("AsyncClient."+strings.ToLower(verb), func(t *py.Thread) act {
		// The request's headers override the client's by name; its cookies
		// join the client's (httpx merges both).
		var hs [][2]string
		for _, kv := range c.headers {
			overridden := false
			for _, o := range headers {
				overridden = overridden || strings.EqualFold(o[0], kv[0])
			}
			if !overridden {
				hs = append(hs, kv)
			}
		}
		hs = append(hs, headers...)
		jar := map[string]string{}
		for _, kv := range append(append([][2]string{}, c.cookies...), cookies...) {
			jar[kv[0]] = kv[1]
		}
		h = app.handle(t, verb, path, query, hs, jar, payload)
		return awaitThen(h, func(t *py.Thread, v py.Value, err error) act {
			if err != nil {
				return fail(err)
			}
			return finish(v)
		})
	}), nil
}

// Type returns ResponseType: what the app sent is the client's Response.
func (*appResponse) Type() *py.Type { return ResponseType }

// Repr implements py.Reprer: <Response [200 OK]>.
func (r *appResponse) Repr(t *py.Thread) (string, error) {
	return "<Response [" + itoa(r.status) + " " + statusPhrase(r.status) + "]>", nil
}

// Attr implements py.HasAttrs.
func (r *appResponse) Attr(t *py.Thread, name string) (py.Value, error) {
	switch name {
	case "status_code":
		return py.Int(r.status), nil
	case "text":
		return py.Str(r.text), nil
	case "reason_phrase":
		return py.Str(statusPhrase(r.status)), nil
	case "is_success":
		return py.Bool(r.status >= 200 && r.status < 300), nil
	case "json":
		return method(r, "Response.json", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := noArgs("json", args, kw); err != nil {
				return nil, err
			}
			return pyFromJSON(r.body), nil
		}), nil
	}
	return nil, nil
}
