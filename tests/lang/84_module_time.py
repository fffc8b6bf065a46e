import asyncio
import time

async def main():
    print(time.strftime('%X'))
    print(f"started at {time.strftime('%X')}")
    t0 = time.monotonic()
    await asyncio.sleep(1.5)
    print(time.strftime('%H:%M:%S'), round(time.monotonic() - t0, 3))
    print(time.strftime('%Y-%m-%d %H:%M:%S %a %A %b %B %j %p %y %%'))
    print(time.localtime())
    print(time.gmtime(86400 * 365.25 * 30))
    print(time.asctime(), time.ctime(1e9))
    print(time.time(), time.perf_counter(), time.time_ns())
    lt = time.localtime()
    print(lt.tm_year, lt.tm_mon, lt.tm_mday, lt.tm_hour, lt.tm_min, lt.tm_sec, lt.tm_wday, lt.tm_yday, lt.tm_isdst)
    print(lt[0], len(lt), tuple(lt)[:3])
    print(time.mktime(time.localtime(12345)))
    print(time.strftime('%c | %x | %X', time.gmtime(1700000000)))
    print(time.strftime('%I:%M %p', time.gmtime(1700000000)))

asyncio.run(main())
