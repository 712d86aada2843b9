# want: 3:1: exec() is not supported in scenes
code = "print(1)"
exec(code)
