# want: 5:1: setattr() is not supported in scenes
import asyncio

task = None
setattr(asyncio, "foo", 1)
