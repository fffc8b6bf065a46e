# 传统同步I/O（阻塞式）
def sync_request():
    data1 = database_query()      # 阻塞100ms
    data2 = api_call()           # 阻塞200ms
    data3 = file_read()          # 阻塞50ms
    # 总时间：350ms，CPU大部分时间空闲

# 协程异步I/O（非阻塞式）
async def async_request():
    data1, data2, data3 = await asyncio.gather(
        async_database_query(),   # 100ms
        async_api_call(),        # 200ms
        async_file_read()        # 50ms
    )
    # 总时间：200ms（最长的操作），CPU利用率高
