# want: 4:5: invalid syntax
config = {
    "delay": 1,
    return "x"
}
