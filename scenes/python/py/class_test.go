package py

import (
	"regexp"
	"testing"
)

// TestClassReprs checks the reprs that hold addresses, which corpus scenes
// cannot print: CPython's forms, with the same address for one object on
// every run of the scene.
func TestClassReprs(t *testing.T) {
	src := `class Foo:
    pass
def make():
    class Local:
        def m(self):
            pass
    return Local
f = Foo()
L = make()
print(repr(f))
print(repr(f) == str(f), repr(f) == repr(f))
print(Foo, L, L.__qualname__, L().m)
print("__qualname__" in Foo.__dict__, Foo.__dict__["__module__"])
print(hex(id(f)) == repr(f)[-15:-1])
`
	want := regexp.MustCompile(`^<__main__\.Foo object at 0x[0-9a-f]{12}>
True True
<class '__main__\.Foo'> <class '__main__\.make\.<locals>\.Local'> make\.<locals>\.Local <bound method make\.<locals>\.Local\.m of <__main__\.make\.<locals>\.Local object at 0x[0-9a-f]{12}>>
False __main__
True
$`)
	var outs []string
	for i := 0; i < 2; i++ {
		out, err := runSource(t, src)
		if err != nil {
			t.Fatal(err)
		}
		if !want.MatchString(out) {
			t.Fatalf("got:\n%s", out)
		}
		outs = append(outs, out)
	}
	if outs[0] != outs[1] {
		t.Errorf("two runs print different addresses:\n%s\n%s", outs[0], outs[1])
	}
}
