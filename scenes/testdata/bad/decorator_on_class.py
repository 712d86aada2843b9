# want: 7:1: class definitions are not supported in scenes
from fastapi import FastAPI

app = FastAPI()

@app.get("/")
class Root:
    pass
