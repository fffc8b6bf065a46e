import asyncio
from dataclasses import dataclass, field, asdict, astuple, replace, fields, is_dataclass, FrozenInstanceError
from typing import List, Optional

@dataclass
class Job:
    name: str
    duration: float = 1.0
    tags: List[str] = field(default_factory=list)
    result: Optional[int] = field(default=None, repr=False)

@dataclass(order=True, frozen=True)
class Prio:
    priority: int
    name: str = field(compare=False)

@dataclass
class Sub(Job):
    extra: int = 0

    def __post_init__(self):
        self.extra += 1

async def run(job: Job):
    await asyncio.sleep(job.duration)
    job.result = len(job.name)
    return job

async def main():
    jobs = [Job("a", 0.5), Job("bb", 0.2, ["x"])]
    done = await asyncio.gather(*(run(j) for j in jobs))
    print(done)
    print(asdict(done[0]), astuple(done[1]))
    print(Job("x") == Job("x"), Job("x") == Job("y"), replace(jobs[0], name="z"))
    print([f.name for f in fields(Job)], is_dataclass(Job), is_dataclass(jobs[0]))
    p = sorted([Prio(3, "c"), Prio(1, "a"), Prio(2, "b")])
    print(p, Prio(1, "x") == Prio(1, "y"), hash(Prio(1, 'a')) == hash(Prio(1, 'b')))
    try:
        p[0].priority = 5
    except FrozenInstanceError as e:
        print(type(e).__name__, e)
    s = Sub("s", extra=4)
    print(s, s.extra)
    try:
        Job()
    except TypeError as e:
        print(e)
    print(Job.__init__.__qualname__, repr(Job.__doc__))
    q = asyncio.PriorityQueue()
    for x in p:
        await q.put(x)
    while not q.empty():
        print(await q.get())

asyncio.run(main())
