# Class attributes shared by all instances, instance attributes shadowing
# them, classmethods as alternative constructors (also on subclasses), and
# staticmethods.
class User:
    created = 0
    role = "user"

    def __init__(self, name, email):
        self.name = name
        self.email = email
        User.created += 1
        self.number = User.created

    @classmethod
    def from_string(cls, s):
        name, email = s.split(",")
        return cls(name.strip(), email.strip())

    @staticmethod
    def valid_email(email):
        return "@" in email

    def __repr__(self):
        return f"{type(self).__name__}({self.name!r}, #{self.number}, {self.role})"


class Admin(User):
    role = "admin"


a = User("ann", "ann@example.com")
b = User.from_string("bob, bob@example.com")
c = Admin.from_string("cy, cy@example.com")
print(a, b, c, User.created, Admin.created)
print(User.valid_email("x@y"), c.valid_email("nope"), type(c) is Admin, isinstance(c, User))
a.role = "guest"
print(a.role, b.role, User.role, Admin.role)
del a.role
print(a.role)
User.role = "member"
print(a.role, b.role, c.role)
print(sorted(vars(a)))
