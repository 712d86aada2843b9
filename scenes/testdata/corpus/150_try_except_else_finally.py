# try / except / else / finally: which blocks run in which case.
def parse_age(text):
    try:
        age = int(text)
    except ValueError as e:
        print(f"  except: {e}")
        return None
    else:
        print(f"  else: parsed {age}")
        return age
    finally:
        print(f"  finally for {text!r}")


for text in ["42", "forty", "7"]:
    print("parse_age ->", parse_age(text))


def risky(kind):
    try:
        if kind == "zero":
            return 1 / 0
        if kind == "key":
            return {}["missing"]
        if kind == "runtime":
            raise RuntimeError("engine stalled")
        return "fine"
    except (ZeroDivisionError, KeyError) as e:
        return f"handled {type(e).__name__}"
    except Exception as e:
        return f"generic handler: {e}"


for kind in ["zero", "key", "runtime", "ok"]:
    print(kind, "->", risky(kind))
