# want: 5:7: eval() is not available in scenes: scenes run only their own code. Write the expression itself
import asyncio

expr = "1 + 2"
print(eval(expr))
