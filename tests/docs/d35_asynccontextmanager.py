import asyncio
from contextlib import asynccontextmanager

async def acquire_db_connection():
    await asyncio.sleep(0.1)
    return "conn"

async def release_db_connection(conn):
    await asyncio.sleep(0.1)
    print("released", conn)

@asynccontextmanager
async def get_connection():
    conn = await acquire_db_connection()
    try:
        yield conn
    finally:
        await release_db_connection(conn)

async def get_all_users():
    async with get_connection() as conn:
        return f"users via {conn}"

print(asyncio.run(get_all_users()))
