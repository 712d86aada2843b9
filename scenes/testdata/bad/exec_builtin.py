# want: 3:1: exec() is not available in scenes: scenes run only their own code. Write the statements themselves
code = "print(1)"
exec(code)
