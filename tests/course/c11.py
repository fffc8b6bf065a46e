import asyncio
import aiohttp
import time
import json

async def demonstrate_async_http():
    """演示异步HTTP操作"""
    print("=== 异步HTTP操作演示 ===")

    # 测试URL列表
    test_urls = [
        "https://httpbin.org/delay/1",
        "https://httpbin.org/delay/2",
        "https://httpbin.org/json",
        "https://httpbin.org/headers",
        "https://httpbin.org/ip"
    ]

    async def fetch_url(session, url):
        """获取单个URL"""
        try:
            print(f"开始请求: {url}")
            async with session.get(url, timeout=aiohttp.ClientTimeout(total=10)) as response:
                data = await response.text()
                print(f"完成请求: {url} (状态: {response.status})")
                return {
                    'url': url,
                    'status': response.status,
                    'data_length': len(data)
                }
        except asyncio.TimeoutError:
            print(f"请求超时: {url}")
            return {'url': url, 'error': 'timeout'}
        except Exception as e:
            print(f"请求失败: {url} - {e}")
            return {'url': url, 'error': str(e)}

    # 1. 并发HTTP请求
    print("1. 并发HTTP请求:")
    start_time = time.time()

    async with aiohttp.ClientSession() as session:
        tasks = [fetch_url(session, url) for url in test_urls]
        results = await asyncio.gather(*tasks, return_exceptions=True)

    parallel_time = time.time() - start_time
    print(f"   并发请求耗时: {parallel_time:.2f}秒")
    print(f"   成功请求数: {len([r for r in results if isinstance(r, dict) and 'error' not in r])}")

    # 2. 带限制的并发请求
    print("\n2. 带并发限制的HTTP请求:")

    async def fetch_with_semaphore(session, url, semaphore):
        """使用信号量限制并发数"""
        async with semaphore:
            return await fetch_url(session, url)

    # 限制最大并发数为2
    semaphore = asyncio.Semaphore(2)
    start_time = time.time()

    async with aiohttp.ClientSession() as session:
        tasks = [fetch_with_semaphore(session, url, semaphore) for url in test_urls]
        results = await asyncio.gather(*tasks)

    limited_time = time.time() - start_time
    print(f"   限制并发耗时: {limited_time:.2f}秒")

async def demonstrate_async_server():
    """演示异步HTTP服务器"""
    print("\n=== 异步HTTP服务器演示 ===")

    async def handle_request(request):
        """处理HTTP请求"""
        path = request.path
        method = request.method

        if path == '/':
            return aiohttp.web.Response(text="Hello, Async World!")
        elif path == '/slow':
            # 模拟慢响应
            await asyncio.sleep(2)
            return aiohttp.web.Response(text="Slow response completed")
        elif path == '/json':
            data = {
                'message': 'Hello JSON',
                'timestamp': time.time(),
                'method': method
            }
            return aiohttp.web.json_response(data)
        else:
            return aiohttp.web.Response(text="Not Found", status=404)

    # 创建应用和路由
    app = aiohttp.web.Application()
    app.router.add_route('*', '/{path:.*}', handle_request)

    print("启动异步HTTP服务器 (http://localhost:8080)")
    print("可用端点:")
    print("  GET  / - 基础响应")
    print("  GET  /slow - 慢响应(2秒)")
    print("  GET  /json - JSON响应")

    # 注意：这里只是演示服务器创建，实际运行需要在独立环境中
    # aiohttp.web.run_app(app, host='localhost', port=8080)

async def websocket_example():
    """WebSocket异步通信示例"""
    print("\n=== WebSocket异步通信示例 ===")

    # 模拟WebSocket服务器端处理
    class MockWebSocketServer:
        def __init__(self):
            self.clients = set()
            self.message_queue = asyncio.Queue()

        async def handle_client(self, client_id):
            """处理单个客户端连接"""
            print(f"客户端 {client_id} 连接")
            self.clients.add(client_id)

            try:
                # 模拟接收和处理消息
                for i in range(5):
                    await asyncio.sleep(1)
                    message = f"消息 {i+1} 来自客户端 {client_id}"
                    await self.message_queue.put((client_id, message))
                    print(f"收到: {message}")

            finally:
                self.clients.discard(client_id)
                print(f"客户端 {client_id} 断开连接")

        async def broadcast_messages(self):
            """广播消息给所有客户端"""
            while True:
                try:
                    # 等待新消息
                    client_id, message = await asyncio.wait_for(
                        self.message_queue.get(), timeout=1.0
                    )

                    # 广播给其他客户端
                    for other_client in self.clients:
                        if other_client != client_id:
                            print(f"广播给客户端 {other_client}: {message}")

                except asyncio.TimeoutError:
                    # 没有新消息，继续等待
                    if not self.clients:
                        break

    # 模拟多客户端连接
    server = MockWebSocketServer()

    # 启动服务器和客户端任务
    tasks = [
        asyncio.create_task(server.handle_client(f"Client-{i+1}"))
        for i in range(3)
    ]
    tasks.append(asyncio.create_task(server.broadcast_messages()))

    # 运行所有任务
    await asyncio.gather(*tasks, return_exceptions=True)

if __name__ == '__main__':
    # 注意：需要安装 aiohttp 和 aiofiles
    # pip install aiohttp aiofiles

    try:
        asyncio.run(demonstrate_async_http())
    except ImportError:
        print("需要安装 aiohttp: pip install aiohttp")

    asyncio.run(demonstrate_async_server())
    asyncio.run(websocket_example())
