# want: 5:7: eval() is not supported in scenes
import asyncio

expr = "1 + 2"
print(eval(expr))
