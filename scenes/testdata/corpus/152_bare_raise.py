# A bare `raise` inside except re-raises the exception being handled.
def withdraw(balance, amount):
    if amount > balance:
        raise ValueError(f"cannot withdraw {amount} from {balance}")
    return balance - amount


def audited_withdraw(balance, amount, log):
    try:
        return withdraw(balance, amount)
    except ValueError:
        log.append(f"refused {amount}")
        raise


log = []
print(audited_withdraw(100, 30, log))
try:
    audited_withdraw(100, 300, log)
except ValueError as e:
    print("caller saw:", e)
print("audit log:", log)
