# 综合：银行账户类、自定义异常、转账回滚、交易记录格式化、按余额排序
class BankError(Exception):
    pass

class InsufficientFunds(BankError):
    def __init__(self, account, need):
        super().__init__(f"{account.owner} 余额 {account.balance:.2f} 不足以支付 {need:.2f}")
        self.need = need

class Account:
    next_id = 1
    def __init__(self, owner, balance=0):
        self.id = Account.next_id
        Account.next_id += 1
        self.owner = owner
        self.balance = balance
        self.log = []
    def deposit(self, amount):
        if amount <= 0:
            raise BankError(f"无效金额: {amount}")
        self.balance += amount
        self.log.append(("存", amount))
    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(self, amount)
        self.balance -= amount
        self.log.append(("取", amount))
    def __repr__(self):
        return f"Account#{self.id}({self.owner!r}, {self.balance:.2f})"
    def __lt__(self, other):
        return self.balance < other.balance

def transfer(src, dst, amount):
    src.withdraw(amount)
    try:
        if dst.owner == "冻结户":
            raise BankError("目标账户已冻结")
        dst.deposit(amount)
    except BankError:
        src.deposit(amount)
        raise

a = Account("张三", 100)
b = Account("李四", 50.5)
c = Account("冻结户")
a.deposit(20)
transfer(a, b, 70.25)
print(a, b, c)
for args in [(b, a, 500), (a, c, 10), (a, b, -5), (a, b, 0.1 + 0.2)]:
    try:
        transfer(*args)
        print("转账成功:", args[0], "->", args[1])
    except InsufficientFunds as e:
        print("余额不足:", e, "| need =", e.need)
    except BankError as e:
        print("银行错误:", e, "| 类型:", type(e).__name__)
print("排序:", sorted([a, b, c]), "最富:", max([a, b, c]).owner)
for acct in (a, b):
    print(f"{acct.owner} 的流水:")
    running = 0
    for kind, amt in acct.log:
        running += amt if kind == "存" else -amt
        print(f"  {kind} {amt:>8.2f}  累计 {running:>8.2f}")
print("余额合计:", sum(x.balance for x in (a, b, c)), round(sum(x.balance for x in (a, b, c)), 2))
