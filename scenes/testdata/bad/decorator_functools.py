# want: 5:1: decorators are not supported in scenes, except FastAPI routes such as @app.get("/items")
import asyncio
import functools

@functools.lru_cache
def slow(x):
    return x
