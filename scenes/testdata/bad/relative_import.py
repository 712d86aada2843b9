# want: 2:6: relative imports are not supported in scenes: a scene is one file, so define what you import in it
from . import helpers
