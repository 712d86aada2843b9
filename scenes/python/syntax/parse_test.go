package syntax

import (
	"strings"
	"testing"
	"time"
)

func TestExprParseTrees(t *testing.T) {
	for _, test := range []struct{ src, want string }{
		{`1 + 2 * 3`, `(BinaryExpr X=1 Op=+ Y=(BinaryExpr X=2 Op=* Y=3))`},
		{`-x ** 2`, `(UnaryExpr Op=- X=(BinaryExpr X=x Op=** Y=2))`},
		{`a < b <= c`, `(CompareExpr X=a Ops=[(CompareOp Op=<) (CompareOp Op=<=)] Ys=[b c])`},
		{`x not in y`, `(CompareExpr X=x Ops=[(CompareOp Op=not in)] Ys=[y])`},
		{`x is not None`, `(CompareExpr X=x Ops=[(CompareOp Op=is not)] Ys=[None])`},
		{`a or b and not c`, `(BoolOpExpr X=a Op=or Y=(BoolOpExpr X=b Op=and Y=(UnaryExpr Op=not X=c)))`},
		{`f(x, *a, k=1, **kw)`, `(CallExpr Fn=f Args=[x (StarredExpr Op=* X=a) (KeywordArg Name=k Value=1) (StarredExpr Op=** X=kw)])`},
		{`sum(x for x in xs)`, `(CallExpr Fn=sum Args=[(Comprehension Kind=generator Body=x Clauses=[(ForClause Vars=x X=xs)])])`},
		{`[x*2 for x in range(3) if x]`, `(Comprehension Kind=list Body=(BinaryExpr X=x Op=* Y=2) Clauses=[(ForClause Vars=x X=(CallExpr Fn=range Args=[3])) (IfClause Cond=x)])`},
		{`{k: v for k, v in d.items()}`, `(Comprehension Kind=dict Body=(DictEntry Key=k Value=v) Clauses=[(ForClause Vars=(TupleExpr List=[k v]) X=(CallExpr Fn=(DotExpr X=d Name=items)))])`},
		{`{x for x in s}`, `(Comprehension Kind=set Body=x Clauses=[(ForClause Vars=x X=s)])`},
		{`[x async for x in agen()]`, `(Comprehension Kind=list Body=x Clauses=[(ForClause Async=true Vars=x X=(CallExpr Fn=agen))])`},
		{`{}`, `(DictExpr)`},
		{`{1, *s}`, `(SetExpr List=[1 (StarredExpr Op=* X=s)])`},
		{`{"a": 1, **m}`, `(DictExpr List=[(DictEntry Key="a" Value=1) (StarredExpr Op=** X=m)])`},
		{`()`, `(TupleExpr)`},
		{`(1,)`, `(TupleExpr List=[1])`},
		{`(x)`, `(ParenExpr X=x)`},
		{`a[1:2]`, `(SliceExpr X=a Lo=1 Hi=2)`},
		{`a[::-1]`, `(SliceExpr X=a Step=(UnaryExpr Op=- X=1))`},
		{`a[i]`, `(IndexExpr X=a Y=i)`},
		{`a[i, j]`, `(IndexExpr X=a Y=(TupleExpr List=[i j]))`},
		{`a if c else b`, `(CondExpr True=a Cond=c False=b)`},
		{`lambda x, y=2: x + y`, `(LambdaExpr Params=[(Param Kind=param Name=x) (Param Kind=param Name=y Default=2)] Body=(BinaryExpr X=x Op=+ Y=y))`},
		{`lambda: 0`, `(LambdaExpr Body=0)`},
		{`await asyncio.sleep(1)`, `(AwaitExpr X=(CallExpr Fn=(DotExpr X=asyncio Name=sleep) Args=[1]))`},
		{`0x_ff + 0o17 + 0b101 + 1_000`, `(BinaryExpr X=(BinaryExpr X=(BinaryExpr X=255 Op=+ Y=15) Op=+ Y=5) Op=+ Y=1000)`},
		{`123456789012345678901234567890`, `123456789012345678901234567890`},
		{`1.5e3 + .5 + 1.`, `(BinaryExpr X=(BinaryExpr X=1500 Op=+ Y=0.5) Op=+ Y=1)`},
		{`"a" 'b' """c"""`, `"abc"`},
		{`r"\n" "\n" '\x41\u00e9\101'`, `"\\n\nAéA"`},
		{`b"\x00ab" b'c'`, `b"\x00abc"`},
		{`True, False, None, ...`, `(TupleExpr List=[True False None ...])`},
		{`f"x={x}"`, `(FString Parts=[(FStringPart Lit="x=") (FStringPart Field=(FStringField X=x))])`},
		{`f"{x!r:>{w}} {{ok}}"`, `(FString Parts=[(FStringPart Field=(FStringField X=x Conversion=r Spec=(FString Parts=[(FStringPart Lit=">") (FStringPart Field=(FStringField X=w))]))) (FStringPart Lit=" {ok}")])`},
		{`f"{x:.2f}" "!"`, `(FString Parts=[(FStringPart Field=(FStringField X=x Spec=(FString Parts=[(FStringPart Lit=".2f")]))) (FStringPart Lit="!")])`},
		{`f"{x = }"`, `(FString Parts=[(FStringPart Field=(FStringField X=x Debug="x = "))])`},
		{`f"{a['k']}{b!s}"`, `(FString Parts=[(FStringPart Field=(FStringField X=(IndexExpr X=a Y="k"))) (FStringPart Field=(FStringField X=b Conversion=s))])`},
		{`f"{x, y}"`, `(FString Parts=[(FStringPart Field=(FStringField X=(TupleExpr List=[x y])))])`},
		{`f"{a == b}{c != d}"`, `(FString Parts=[(FStringPart Field=(FStringField X=(CompareExpr X=a Ops=[(CompareOp Op===)] Ys=[b]))) (FStringPart Field=(FStringField X=(CompareExpr X=c Ops=[(CompareOp Op=!=)] Ys=[d])))])`},
		{`f'{f"{x}"}'`, `(FString Parts=[(FStringPart Field=(FStringField X=(FString Parts=[(FStringPart Field=(FStringField X=x))])))])`},
		{`rf"\d{x}"`, `(FString Parts=[(FStringPart Lit="\\d") (FStringPart Field=(FStringField X=x))])`},
		{`f"a\tb{x}\n"`, `(FString Parts=[(FStringPart Lit="a\tb") (FStringPart Field=(FStringField X=x)) (FStringPart Lit="\n")])`},
		{`x.y.z(1)(2)[3]`, `(IndexExpr X=(CallExpr Fn=(CallExpr Fn=(DotExpr X=(DotExpr X=x Name=y) Name=z) Args=[1]) Args=[2]) Y=3)`},
		{`a | b ^ c & d << 1 + 2`, `(BinaryExpr X=a Op=| Y=(BinaryExpr X=b Op=^ Y=(BinaryExpr X=c Op=& Y=(BinaryExpr X=d Op=<< Y=(BinaryExpr X=1 Op=+ Y=2)))))`},
		{`not -x`, `(UnaryExpr Op=not X=(UnaryExpr Op=- X=x))`},
		{`x // 2 % 3`, `(BinaryExpr X=(BinaryExpr X=x Op=// Y=2) Op=% Y=3)`},
		{`(yield)`, `(ParenExpr X=(YieldExpr))`},
		{`(yield from xs)`, `(ParenExpr X=(YieldExpr Value=xs))`},
		{`(n := len(xs))`, `(ParenExpr X=(NamedExpr Target=n Value=(CallExpr Fn=len Args=[xs])))`},
		{`f(x := 1, y)`, `(CallExpr Fn=f Args=[(NamedExpr Target=x Value=1) y])`},
		{`[*a, *b]`, `(ListExpr List=[(StarredExpr Op=* X=a) (StarredExpr Op=* X=b)])`},
	} {
		x, err := ParseExpr("t.py", []byte(test.src))
		if err != nil {
			t.Errorf("parse %s: %v", test.src, err)
			continue
		}
		if got := treeString(x); got != test.want {
			t.Errorf("parse %s\n got %s\nwant %s", test.src, got, test.want)
		}
	}
}

func TestStmtParseTrees(t *testing.T) {
	for _, test := range []struct{ src, want string }{
		{"x = 1", `(AssignStmt Targets=[x] Value=1)`},
		{"a = b = f()", `(AssignStmt Targets=[a b] Value=(CallExpr Fn=f))`},
		{"a, *b = xs", `(AssignStmt Targets=[(TupleExpr List=[a (StarredExpr Op=* X=b)])] Value=xs)`},
		{"x: int = 3", `(AnnAssignStmt Target=x Annotation=int Value=3)`},
		{"n += 1", `(AugAssignStmt Target=n Op=+= Value=1)`},
		{"d[k] //= 2", `(AugAssignStmt Target=(IndexExpr X=d Y=k) Op=//= Value=2)`},
		{"pass; break; continue", `(PassStmt) (BreakStmt) (ContinueStmt)`},
		{"import asyncio, concurrent.futures as cf", `(ImportStmt Names=[(ImportName Path=[asyncio]) (ImportName Path=[concurrent futures] AsName=cf)])`},
		{"from asyncio import (sleep as s, gather,)", `(FromImportStmt Module=[asyncio] Names=[(ImportName Path=[sleep] AsName=s) (ImportName Path=[gather])])`},
		{"async def f(a, b=1, *args, c, d=2, **kw) -> int:\n    return a", `(DefStmt Async=true Name=f Params=[(Param Kind=param Name=a) (Param Kind=param Name=b Default=1) (Param Kind=*args Name=args) (Param Kind=kwonly Name=c) (Param Kind=kwonly Name=d Default=2) (Param Kind=**kwargs Name=kw)] Returns=int Body=[(ReturnStmt Result=a)])`},
		{"def f(a, /, b, *, c): pass", `(DefStmt Name=f Params=[(Param Kind=posonly Name=a) (Param Kind=param Name=b) (Param Kind=*args) (Param Kind=kwonly Name=c)] Body=[(PassStmt)])`},
		{"def f(x: int = 3) -> str:\n    pass", `(DefStmt Name=f Params=[(Param Kind=param Name=x Annotation=int Default=3)] Returns=str Body=[(PassStmt)])`},
		{"@app.get(\"/items\")\nasync def items(db=Depends(get_db)):\n    return db", `(DefStmt Decorators=[(Decorator X=(CallExpr Fn=(DotExpr X=app Name=get) Args=["/items"]))] Async=true Name=items Params=[(Param Kind=param Name=db Default=(CallExpr Fn=Depends Args=[get_db]))] Body=[(ReturnStmt Result=db)])`},
		{"class A:\n    x = 1", `(ClassStmt Name=A Body=[(AssignStmt Targets=[x] Value=1)])`},
		{"@reg\nclass B(A, Mixin, metaclass=M):\n    def f(self): pass", `(ClassStmt Decorators=[(Decorator X=reg)] Name=B Bases=[A Mixin (KeywordArg Name=metaclass Value=M)] Body=[(DefStmt Name=f Params=[(Param Kind=param Name=self)] Body=[(PassStmt)])])`},
		{"@deco\n@deco2(1)\ndef f(): pass", `(DefStmt Decorators=[(Decorator X=deco) (Decorator X=(CallExpr Fn=deco2 Args=[1]))] Name=f Body=[(PassStmt)])`},
		{"def gen():\n    x = yield 1\n    yield", `(DefStmt Name=gen Body=[(AssignStmt Targets=[x] Value=(YieldExpr Value=1)) (ExprStmt X=(YieldExpr))])`},
		{"if a:\n    x\nelif b:\n    y\nelse:\n    z", `(IfStmt Cond=a True=[(ExprStmt X=x)] False=[(IfStmt Cond=b True=[(ExprStmt X=y)] False=[(ExprStmt X=z)])])`},
		{"while x:\n    x -= 1\nelse:\n    pass", `(WhileStmt Cond=x Body=[(AugAssignStmt Target=x Op=-= Value=1)] Else=[(PassStmt)])`},
		{"for i, (a, b) in enumerate(xs):\n    continue\nelse:\n    pass", `(ForStmt Vars=(TupleExpr List=[i (TupleExpr List=[a b])]) X=(CallExpr Fn=enumerate Args=[xs]) Body=[(ContinueStmt)] Else=[(PassStmt)])`},
		{"async def f():\n    async for x in g():\n        pass", `(DefStmt Async=true Name=f Body=[(ForStmt Async=true Vars=x X=(CallExpr Fn=g) Body=[(PassStmt)])])`},
		{"try:\n    pass\nexcept (A, B) as e:\n    raise X from e\nexcept:\n    raise\nelse:\n    pass\nfinally:\n    pass", `(TryStmt Body=[(PassStmt)] Handlers=[(ExceptClause Type=(TupleExpr List=[A B]) Name=e Body=[(RaiseStmt X=X Cause=e)]) (ExceptClause Body=[(RaiseStmt)])] Else=[(PassStmt)] Finally=[(PassStmt)])`},
		{"async def f():\n    async with a as x, b:\n        pass", `(DefStmt Async=true Name=f Body=[(WithStmt Async=true Items=[(WithItem X=a Target=x) (WithItem X=b)] Body=[(PassStmt)])])`},
		{"with (open_a() as a, open_b() as b):\n    pass", `(WithStmt Items=[(WithItem X=(CallExpr Fn=open_a) Target=a) (WithItem X=(CallExpr Fn=open_b) Target=b)] Body=[(PassStmt)])`},
		{"with (a, b):\n    pass", `(WithStmt Items=[(WithItem X=(TupleExpr List=[a b]))] Body=[(PassStmt)])`},
		{"def f():\n    global g\n    nonlocal h\n    del a, b[0]\n    assert x, 'msg'", `(DefStmt Name=f Body=[(GlobalStmt Names=[g]) (NonlocalStmt Names=[h]) (DelStmt Targets=[a (IndexExpr X=b Y=0)]) (AssertStmt Cond=x Msg="msg")])`},
		{"x = (1 +\n     2)\ny = 3 \\\n  + 4", `(AssignStmt Targets=[x] Value=(ParenExpr X=(BinaryExpr X=1 Op=+ Y=2))) (AssignStmt Targets=[y] Value=(BinaryExpr X=3 Op=+ Y=4))`},
		{"if x:\n\n    # comment\n    a\n  # odd comment\n    b\nc", `(IfStmt Cond=x True=[(ExprStmt X=a) (ExprStmt X=b)]) (ExprStmt X=c)`},
		{"s = '''a\nb'''", `(AssignStmt Targets=[s] Value="a\nb")`},
		{"if x: a; b", `(IfStmt Cond=x True=[(ExprStmt X=a) (ExprStmt X=b)])`},
		{"match = 1\nmatch(x)\ncase = 2", `(AssignStmt Targets=[match] Value=1) (ExprStmt X=(CallExpr Fn=match Args=[x])) (AssignStmt Targets=[case] Value=2)`},
		{"print(*a, sep='')", `(ExprStmt X=(CallExpr Fn=print Args=[(StarredExpr Op=* X=a) (KeywordArg Name=sep Value="")]))`},
		{"x = yield", `(AssignStmt Targets=[x] Value=(YieldExpr))`},
		{"return 1, 2", `(ReturnStmt Result=(TupleExpr List=[1 2]))`},
	} {
		f, err := Parse("t.py", []byte(test.src))
		if err != nil {
			t.Errorf("parse %q: %v", test.src, err)
			continue
		}
		var got []string
		for _, s := range f.Stmts {
			got = append(got, treeString(s))
		}
		if g := strings.Join(got, " "); g != test.want {
			t.Errorf("parse %q\n got %s\nwant %s", test.src, g, test.want)
		}
	}
}

// TestLookaheadStaysLinear guards the parser's look-ahead for CPython's
// error hints (tryExpr, speculate) against nesting: juxtaposed expressions
// and stray keywords in 40 nested unclosed calls must not take time
// exponential in the nesting (it once doubled with every level).
func TestLookaheadStaysLinear(t *testing.T) {
	var b strings.Builder
	b.WriteString("x = ")
	for i := 0; i < 40; i++ {
		b.WriteString("f(a, async b(")
	}
	b.WriteString("\ny = 1\n")
	start := time.Now()
	_, err := Parse("deep.py", []byte(b.String()))
	if err == nil {
		t.Errorf("no error for %q", b.String())
	}
	if d := time.Since(start); d > 20*time.Second {
		t.Errorf("parse took %v: look-ahead is not linear", d)
	}
}
