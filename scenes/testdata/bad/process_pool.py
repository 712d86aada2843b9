# want: 7:25: concurrent.futures.ProcessPoolExecutor is not supported in scenes
import concurrent.futures

def square(x):
    return x * x

with concurrent.futures.ProcessPoolExecutor() as pool:
    print(list(pool.map(square, range(3))))
