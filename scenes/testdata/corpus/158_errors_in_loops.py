# try inside loops with continue, break and finally.
records = ["10", "x", "30", "", "50", "stop", "70"]
total = 0
for r in records:
    try:
        if r == "stop":
            print("stop record, leaving the loop")
            break
        if not r:
            print("empty record skipped")
            continue
        total += int(r)
    except ValueError:
        print(f"bad record {r!r}")
    finally:
        print(f"  processed {r!r}, total {total}")
print("total:", total)
