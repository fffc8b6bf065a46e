# 协议类：@runtime_checkable 的 isinstance() 按成员检查，其余报 TypeError
from typing import Protocol, runtime_checkable


class SupportsClose(Protocol):
    def close(self) -> None: ...


@runtime_checkable
class Named(Protocol):
    name: str

    def greet(self) -> str: ...


class A:
    name = 'a'

    def greet(self):
        return 'hi'


class B:
    def greet(self):
        return 'yo'


print(isinstance(A(), Named), isinstance(B(), Named), isinstance(1, Named))
try:
    isinstance(A(), SupportsClose)
except TypeError as e:
    print(e)
try:
    runtime_checkable(A)
except TypeError as e:
    print(e)


class Impl(SupportsClose):
    def close(self):
        print('closed')


Impl().close()
print(isinstance(Impl(), SupportsClose))
