import asyncio
print("bom")
