# A class that coordinates tasks: a traffic light whose async method
# cycles states and sets an asyncio.Event, cars (instances of another
# class) waiting on it, a property reporting state, and __repr__ in the
# printed list.
import asyncio


class Light:
    cycle = {"red": ("green", 1.0), "green": ("yellow", 0.5), "yellow": ("red", 0.5)}

    def __init__(self):
        self._state = "red"
        self.green = asyncio.Event()
        self.changes = 0

    @property
    def state(self):
        return self._state

    async def run(self, rounds):
        for _ in range(rounds):
            nxt, wait = self.cycle[self._state]
            await asyncio.sleep(wait)
            self._state = nxt
            self.changes += 1
            if nxt == "green":
                self.green.set()
            else:
                self.green.clear()


class Car:
    def __init__(self, name, light):
        self.name = name
        self.light = light
        self.passed_at = None

    async def drive(self, loop, t0):
        await self.light.green.wait()
        self.passed_at = round(loop.time() - t0, 1)

    def __repr__(self):
        return f"<Car {self.name} passed at {self.passed_at}>"


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    light = Light()
    cars = [Car(n, light) for n in ("a", "b")]
    await asyncio.gather(light.run(4), *(c.drive(loop, t0) for c in cars))
    print(light.state, light.changes, cars)


asyncio.run(main())
