import asyncio
from asyncio import create_task, as_completed

async def open_connection(host, port):
    await asyncio.sleep(0.2 if host == "::1" else 0.1)
    return (host, port)

async def main():
    ipv4_connect = create_task(open_connection("127.0.0.1", 80))
    ipv6_connect = create_task(open_connection("::1", 80))
    tasks = [ipv4_connect, ipv6_connect]

    for next_connect in as_completed(tasks):
        # next_connect is not one of the original task objects. It must be
        # awaited to obtain the result value or raise the exception of the
        # awaitable that finishes next.
        reader, writer = await next_connect
        print(reader, writer)

asyncio.run(main())
