# 模块顶层的 await
import asyncio
await asyncio.sleep(1)
