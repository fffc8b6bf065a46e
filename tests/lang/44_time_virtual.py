# time：虚拟时钟从 0.0 开始，time.sleep 推进时钟，time()/monotonic()/perf_counter() 读同一个时钟
import time

print("开始:", time.time(), time.monotonic(), time.perf_counter())
time.sleep(0.5)
print("sleep(0.5) 后:", time.time())
start = time.monotonic()
for i in range(3):
    time.sleep(0.1)
    print(f"  第 {i} 次 sleep(0.1): {time.monotonic()}")
elapsed = time.monotonic() - start
print("累计:", elapsed, f"{elapsed:.2f}", round(elapsed, 6))
time.sleep(0)
print("sleep(0) 不变:", time.time())
time.sleep(1)
time.sleep(2.25)
print("整数与浮点:", time.time(), type(time.time()).__name__)
t0 = time.perf_counter()
total = 0
for i in range(100000):
    total += i
t1 = time.perf_counter()
print("纯计算不推进虚拟时钟:", total, t1 - t0)
try:
    time.sleep(-1)
except ValueError as e:
    print("ValueError:", e)
def timed(fn):
    def wrapper(*a):
        s = time.time()
        r = fn(*a)
        print(f"  {fn.__name__} 耗时 {time.time() - s:.3f}s")
        return r
    return wrapper
@timed
def slow_job(n):
    for _ in range(n):
        time.sleep(0.2)
    return n
print("装饰器计时:", slow_job(3))
deadline = time.time() + 1.0
ticks = 0
while time.time() < deadline:
    time.sleep(0.3)
    ticks += 1
print("截止循环:", ticks, time.time(), time.time() >= deadline)
for _ in range(10):
    time.sleep(0.1)
print("十次 0.1:", time.time())
