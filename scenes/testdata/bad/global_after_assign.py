# want: 6:5: name 'total' is assigned to before global declaration
total = 0

def add(x):
    total = x
    global total
