# Literals whose values TestLiteralsMatchCPython compares with CPython's.
a = "tab\there\nnew\\back\'q\"dq"
b = 'octal \101\0\7 hex \x41\x7f unicode \u00e9\U0001F600 bell\a\b\f\v\r'
c = r"raw \n \d {x}" + R'\'' + rb"\x00" + Rb'\\'
d = b"\x00\xff\n\t\\" + B'abc' + br'\n'
e = """multi
line \
joined"""
f = '''it's
"quoted"'''
g = "unknown \q \d escapes" "" 'joined'
h = 0, 7, 1_000_000, 0x_ff, 0XDEAD_beef, 0o17, 0O7_7, 0b1010, 0B1_1, 00, 0_0
i = 123456789012345678901234567890, 2**64, 18446744073709551616
j = 1.5, .5, 5., 1e3, 1E-3, 1_0.2_5e+1_0, 0.1, 1e308, 1e-320, 3.141592653589793, 1e400
k = True, False, None, ...
m = f"x={1}" f'{2!r}' F"{3:>5}" rf"\d{4!s:{5}}" fr'{"q"}\n' f"{{{6}}}" f"a\tb{7}\n"
n = f"{8=}" f"{9 = }" f"{10=!s}" f"{11=:>4}" f"{12!a}" f"{'{'}" f"{'}'}"
o = f"""line1
{13}
line3""" f"{14:%Y-%m-%d %H}" f"{15:{16}.{17}}" f"{18:}"
p = "é" "日本" "😀" 'ünï'
q = f"{'a' 'b'}" f"{b'x'}"
