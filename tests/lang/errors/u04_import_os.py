# 不在 Loopscope 提供的模块之列
import asyncio
import os
