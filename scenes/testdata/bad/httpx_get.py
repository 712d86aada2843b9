# want: 4:11: httpx.get is not supported in scenes
import httpx

r = httpx.get("http://example.com")
