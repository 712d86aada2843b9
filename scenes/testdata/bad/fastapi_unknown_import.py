# want: 2:30: fastapi.Request is not supported in scenes
from fastapi import FastAPI, Request

app = FastAPI()
