# want: 5:5: name 'limit' is parameter and global
limit = 3

def set_limit(limit):
    global limit
    limit = 5
