#!/usr/bin/env python3
"""Write random stream scenes for differential testing against vclock.

    python3 gen/gen.py SEED COUNT  # writes rand_SEED_N.py in random/ (or in $OUT)

Each scene: one or two servers whose handlers echo lines (with random
sleeps, sleep(0)s and prints), several clients that send lines, read the
replies in random patterns and close, and a ticker task that prints every
loop iteration for a while, so that any difference in the order of
callbacks within an instant shows in the output. Then:

    python3 tools/vclock/vclock.py --update scenes/asyncio/testdata/streams/random
    go test ./scenes/asyncio -run TestStreams
"""
import os
import random
import sys


def scene(rng):
    nserv = rng.randint(1, 2)
    out = ["import asyncio", "", ""]
    out.append("def now():\n    return f\"{asyncio.get_running_loop().time():.2f}\"\n\n")
    for s in range(nserv):
        out.append(f"async def handle{s}(reader, writer):")
        out.append(f"    me = asyncio.current_task().get_name()")
        out.append(f"    print(now(), 'server{s}', me, 'starts')")
        out.append("    while True:")
        kind = rng.choice(["readline", "readuntil", "read"])
        if kind == "readline":
            out.append("        line = await reader.readline()")
        elif kind == "readuntil":
            out.append("        try:")
            out.append("            line = await reader.readuntil(b'\\n')")
            out.append("        except asyncio.IncompleteReadError as e:")
            out.append("            line = e.partial")
        else:
            out.append("        line = await reader.read(64)")
        out.append("        if not line:")
        out.append("            break")
        out.append(f"        print(now(), 'server{s}', me, 'got', line)")
        if rng.random() < 0.25:
            # Hang up early: later bytes from the client meet a closed
            # socket (EOF or a reset, depending on timing).
            out.append("        if b'm1' in line:")
            out.append("            break")
        d = rng.choice(["0", "0", "0.1", "0.25", None])
        if d is not None:
            out.append(f"        await asyncio.sleep({d})")
        out.append("        writer.write(line.upper())")
        if rng.random() < 0.5:
            out.append("        await writer.drain()")
        out.append(f"    print(now(), 'server{s}', me, 'eof', reader.at_eof())")
        if rng.random() < 0.7:
            out.append("    writer.close()")
            if rng.random() < 0.5:
                out.append("    await writer.wait_closed()")
                out.append(f"    print(now(), 'server{s}', me, 'closed')")
        out.append("\n")
    ncli = rng.randint(1, 4)
    for c in range(ncli):
        s = rng.randrange(nserv)
        lines = rng.randint(1, 3)
        out.append(f"async def client{c}():")
        if rng.random() < 0.5:
            out.append(f"    await asyncio.sleep({rng.choice(['0', '0.05', '0.1'])})")
        out.append(f"    reader, writer = await asyncio.open_connection('127.0.0.1', {9100 + s})")
        out.append(f"    print(now(), 'client{c} connected', asyncio.current_task().get_name())")
        pattern = rng.choice(["lockstep", "burst"])
        for i in range(lines):
            msg = f"c{c} m{i}"
            if rng.random() < 0.3:
                out.append(f"    writer.writelines([b'{msg[:2]}', b'{msg[2:]}\\n'])")
            else:
                out.append(f"    writer.write(b'{msg}\\n')")
            if rng.random() < 0.5:
                out.append("    await writer.drain()")
            if pattern == "lockstep":
                out.append("    try:")
                out.append(f"        print(now(), 'client{c} reply', await reader.readline())")
                out.append("    except OSError as e:")
                out.append(f"        print(now(), 'client{c}', type(e).__name__, e)")
            elif rng.random() < 0.4:
                out.append(f"    await asyncio.sleep({rng.choice(['0', '0.1'])})")
        if pattern == "burst":
            for i in range(lines):
                out.append("    try:")
                out.append(f"        print(now(), 'client{c} reply', await reader.readline())")
                out.append("    except OSError as e:")
                out.append(f"        print(now(), 'client{c}', type(e).__name__, e)")
        if rng.random() < 0.5:
            out.append("    try:")
            out.append("        writer.write_eof()")
            out.append(f"        print(now(), 'client{c} rest', await reader.read())")
            out.append("    except OSError as e:")
            out.append(f"        print(now(), 'client{c}', type(e).__name__, e)")
        out.append("    writer.close()")
        if rng.random() < 0.7:
            out.append("    try:")
            out.append("        await writer.wait_closed()")
            out.append("    except OSError as e:")
            out.append(f"        print(now(), 'client{c} wait_closed', type(e).__name__, e)")
        out.append(f"    print(now(), 'client{c} done')")
        out.append("\n")
    ticks = rng.randint(0, 25)
    out.append("async def ticker():")
    out.append(f"    for i in range({ticks}):")
    out.append("        print(now(), 'tick', i)")
    out.append("        await asyncio.sleep(0)")
    out.append("\n")
    out.append("async def main():")
    out.append("    t = asyncio.create_task(ticker())")
    for s in range(nserv):
        out.append(f"    s{s} = await asyncio.start_server(handle{s}, '127.0.0.1', {9100 + s})")
    out.append("    print(now(), 'servers up')")
    clients = ", ".join(f"client{c}()" for c in range(ncli))
    out.append(f"    await asyncio.gather({clients})")
    out.append("    await t")
    out.append("    await asyncio.sleep(0.5)")
    for s in range(nserv):
        out.append(f"    s{s}.close()")
        out.append(f"    await s{s}.wait_closed()")
    out.append("    print(now(), 'end', sorted(x.get_name() for x in asyncio.all_tasks()))")
    out.append("\n")
    out.append("asyncio.run(main())")
    return "\n".join(out) + "\n"


def main(argv):
    seed, count = int(argv[0]), int(argv[1])
    here = os.environ.get("OUT", os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    for n in range(count):
        rng = random.Random(seed * 1000 + n)
        with open(os.path.join(here, f"rand_{seed}_{n:02d}.py"), "w") as f:
            f.write(scene(rng))


if __name__ == "__main__":
    main(sys.argv[1:])
