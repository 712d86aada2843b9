# want: 2:6: relative imports are not supported in scenes
from . import helpers
