# 只能导入 asyncio、time、random
import asyncio
import os
