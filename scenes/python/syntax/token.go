package syntax

// A Token is a lexical token of scene Python.
type Token int8

// The tokens. Keywords are the keywords of Python 3.11; the soft keywords
// match and case are scanned as IDENT.
const (
	ILLEGAL Token = iota
	EOF

	NEWLINE
	INDENT
	OUTDENT

	// Tokens with values
	IDENT   // x
	INT     // 123, 0x1f, 1_000
	FLOAT   // 1.5, 1e3
	STRING  // "foo", 'foo', """foo""", r"foo"
	BYTES   // b"foo"
	FSTRING // f"x={x}"

	// Punctuation
	PLUS          // +
	MINUS         // -
	STAR          // *
	SLASH         // /
	SLASHSLASH    // //
	PERCENT       // %
	STARSTAR      // **
	AT            // @
	AMP           // &
	PIPE          // |
	CIRCUMFLEX    // ^
	TILDE         // ~
	LTLT          // <<
	GTGT          // >>
	LT            // <
	GT            // >
	LE            // <=
	GE            // >=
	EQL           // ==
	NEQ           // !=
	LPAREN        // (
	RPAREN        // )
	LBRACK        // [
	RBRACK        // ]
	LBRACE        // {
	RBRACE        // }
	COMMA         // ,
	COLON         // :
	DOT           // .
	SEMI          // ;
	EQ            // =
	ARROW         // ->
	COLONEQ       // :=
	ELLIPSIS      // ...
	PLUS_EQ       // +=
	MINUS_EQ      // -=
	STAR_EQ       // *=
	SLASH_EQ      // /=
	SLASHSLASH_EQ // //=
	PERCENT_EQ    // %=
	STARSTAR_EQ   // **=
	AT_EQ         // @=
	AMP_EQ        // &=
	PIPE_EQ       // |=
	CIRCUMFLEX_EQ // ^=
	LTLT_EQ       // <<=
	GTGT_EQ       // >>=

	// Keywords
	FALSE
	NONE
	TRUE
	AND
	AS
	ASSERT
	ASYNC
	AWAIT
	BREAK
	CLASS
	CONTINUE
	DEF
	DEL
	ELIF
	ELSE
	EXCEPT
	FINALLY
	FOR
	FROM
	GLOBAL
	IF
	IMPORT
	IN
	IS
	LAMBDA
	NONLOCAL
	NOT
	OR
	PASS
	RAISE
	RETURN
	TRY
	WHILE
	WITH
	YIELD

	// Two-word comparison operators, made by the parser.
	NOT_IN // not in
	IS_NOT // is not
)

var tokenNames = [...]string{
	ILLEGAL:       "illegal token",
	EOF:           "end of file",
	NEWLINE:       "newline",
	INDENT:        "indent",
	OUTDENT:       "outdent",
	IDENT:         "identifier",
	INT:           "int literal",
	FLOAT:         "float literal",
	STRING:        "string literal",
	BYTES:         "bytes literal",
	FSTRING:       "f-string",
	PLUS:          "+",
	MINUS:         "-",
	STAR:          "*",
	SLASH:         "/",
	SLASHSLASH:    "//",
	PERCENT:       "%",
	STARSTAR:      "**",
	AT:            "@",
	AMP:           "&",
	PIPE:          "|",
	CIRCUMFLEX:    "^",
	TILDE:         "~",
	LTLT:          "<<",
	GTGT:          ">>",
	LT:            "<",
	GT:            ">",
	LE:            "<=",
	GE:            ">=",
	EQL:           "==",
	NEQ:           "!=",
	LPAREN:        "(",
	RPAREN:        ")",
	LBRACK:        "[",
	RBRACK:        "]",
	LBRACE:        "{",
	RBRACE:        "}",
	COMMA:         ",",
	COLON:         ":",
	DOT:           ".",
	SEMI:          ";",
	EQ:            "=",
	ARROW:         "->",
	COLONEQ:       ":=",
	ELLIPSIS:      "...",
	PLUS_EQ:       "+=",
	MINUS_EQ:      "-=",
	STAR_EQ:       "*=",
	SLASH_EQ:      "/=",
	SLASHSLASH_EQ: "//=",
	PERCENT_EQ:    "%=",
	STARSTAR_EQ:   "**=",
	AT_EQ:         "@=",
	AMP_EQ:        "&=",
	PIPE_EQ:       "|=",
	CIRCUMFLEX_EQ: "^=",
	LTLT_EQ:       "<<=",
	GTGT_EQ:       ">>=",
	FALSE:         "False",
	NONE:          "None",
	TRUE:          "True",
	AND:           "and",
	AS:            "as",
	ASSERT:        "assert",
	ASYNC:         "async",
	AWAIT:         "await",
	BREAK:         "break",
	CLASS:         "class",
	CONTINUE:      "continue",
	DEF:           "def",
	DEL:           "del",
	ELIF:          "elif",
	ELSE:          "else",
	EXCEPT:        "except",
	FINALLY:       "finally",
	FOR:           "for",
	FROM:          "from",
	GLOBAL:        "global",
	IF:            "if",
	IMPORT:        "import",
	IN:            "in",
	IS:            "is",
	LAMBDA:        "lambda",
	NONLOCAL:      "nonlocal",
	NOT:           "not",
	OR:            "or",
	PASS:          "pass",
	RAISE:         "raise",
	RETURN:        "return",
	TRY:           "try",
	WHILE:         "while",
	WITH:          "with",
	YIELD:         "yield",
	NOT_IN:        "not in",
	IS_NOT:        "is not",
}

// String returns the token's source form (for punctuation and keywords) or
// a description (for the others).
func (tok Token) String() string {
	if tok >= 0 && int(tok) < len(tokenNames) {
		return tokenNames[tok]
	}
	return "illegal token"
}

// GoString is like String but quotes punctuation and keywords, as error
// messages show them: '(' or 'def'.
func (tok Token) GoString() string {
	if tok >= PLUS && tok <= IS_NOT {
		return "'" + tokenNames[tok] + "'"
	}
	return tokenNames[tok]
}

// keywords maps each keyword's spelling to its token.
var keywords = func() map[string]Token {
	m := make(map[string]Token)
	for t := FALSE; t <= YIELD; t++ {
		m[tokenNames[t]] = t
	}
	return m
}()

// Lone surrogates (U+D800 to U+DFFF, which "\ud800" and chr(0xd800) make in
// CPython) cannot be held in the UTF-8 a Str is: a Str holds each as a
// stand-in rune in the last 2,048 code points of Unicode's private use
// plane 16 (U+10F800 to U+10FFFF), so it still counts as one character.
// Printing or encoding one raises UnicodeEncodeError, as in CPython; repr,
// ord and json show the surrogate. Known differences: a scene that writes
// those private use characters themselves sees them as surrogates, and a
// surrogate orders after every other character (CPython: between U+D7FF
// and U+E000).
const (
	surrogateFirst = 0xD800
	surrogateLast  = 0xDFFF
	surrogateBase  = 0x10F800
)

// SurrogateRune is the rune a Str holds for code point r: r itself, or the
// stand-in of a lone surrogate.
func SurrogateRune(r rune) rune {
	if r >= surrogateFirst && r <= surrogateLast {
		return r - surrogateFirst + surrogateBase
	}
	return r
}

// CodePoint is the code point a Str's rune r stands for: the surrogate of a
// stand-in, else r.
func CodePoint(r rune) rune {
	if r >= surrogateBase {
		return r - surrogateBase + surrogateFirst
	}
	return r
}

// IsSurrogate reports whether the Str rune r stands for a lone surrogate.
func IsSurrogate(r rune) bool { return r >= surrogateBase }
