import asyncio

def hello_printer():
    print(
        "Hi, I am a lowly, simple printer, though I have all I "
        "need in life -- \nfresh paper and a loving octopus-wife."
    )

async def special_fella(magic_number: int):
    print(
        "I am a super special function. Far cooler than that printer. "
        f"By the way, my lucky number is: {magic_number}."
    )

async def main():
    hello_printer()
    print(special_fella(magic_number=3))
    special_task = asyncio.create_task(coro=special_fella(magic_number=5))
    await special_task

asyncio.run(main())
