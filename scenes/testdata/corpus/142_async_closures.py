# Closures in async code: callbacks and coroutines that remember their
# surroundings, nonlocal counters shared by tasks.
import asyncio


def make_scoreboard():
    scores = {}

    def add(player, points):
        scores[player] = scores.get(player, 0) + points

    def table():
        return sorted(scores.items(), key=lambda kv: -kv[1])

    return add, table


async def play(player, rounds, add):
    for r in range(rounds):
        await asyncio.sleep(0.1 * (r + 1))
        add(player, (len(player) * (r + 2)) % 7)


async def main():
    add, table = make_scoreboard()
    calls = 0

    def counted_add(player, points):
        nonlocal calls
        calls += 1
        add(player, points)

    await asyncio.gather(play("ana", 3, counted_add), play("benjamin", 2, counted_add), play("cy", 4, counted_add))
    for player, score in table():
        print(f"{player:<9}{score:>3}")
    print("points recorded", calls, "times")


asyncio.run(main())
