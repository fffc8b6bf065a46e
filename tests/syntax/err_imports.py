import
# ---
from asyncio import sleep,
# ---
from asyncio import (sleep, gather
# ---
import asyncio as
# ---
from asyncio import sleep as 1
