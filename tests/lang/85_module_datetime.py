import asyncio
import datetime
from datetime import datetime as DT, timedelta, date, timezone

async def display_date():
    loop = asyncio.get_running_loop()
    end_time = loop.time() + 5.0
    while True:
        print(datetime.datetime.now())
        if (loop.time() + 1.0) >= end_time:
            break
        await asyncio.sleep(1)

async def main():
    await display_date()
    now = DT.now()
    print(now, repr(now))
    print(now.strftime('%Y-%m-%d %H:%M:%S.%f'), now.isoformat(), now.timestamp())
    print(now.year, now.month, now.day, now.hour, now.minute, now.second, now.microsecond)
    d = timedelta(seconds=3.25, minutes=2)
    print(d, repr(d), d.total_seconds(), now + d, (now + d) - now)
    print(DT.utcnow() if False else '', DT.fromtimestamp(1e9), DT(2024, 1, 31, 12, 30))
    print(date.today(), date(2024, 2, 29).isoformat(), date(2024, 2, 29).weekday())
    print(DT.now(timezone.utc))
    print(timedelta(days=1, hours=-1), timedelta(microseconds=1500), -timedelta(seconds=1))
    print(DT(2024, 1, 1) < DT(2024, 1, 2), DT(2024,1,1) == DT(2024,1,1,0,0))
    print(f"{now:%H:%M}", str(now.time()), now.date())
    print(DT(2024, 3, 1) - DT(2024, 2, 1))
    print(DT.fromisoformat('2024-05-06T07:08:09'))

asyncio.run(main())
