# Nested try statements: inner handlers, propagation outward, exceptions raised in handlers.
def risky(kind):
    if kind == "key":
        return {}["missing"]
    if kind == "index":
        return [][0]
    if kind == "zero":
        return 1 // 0
    return "fine"
results = []
for kind in ["key", "index", "zero", "ok"]:
    try:
        try:
            results.append(risky(kind))
        except KeyError as e:
            results.append(f"inner caught KeyError {e}")
        finally:
            results.append("inner finally")
    except IndexError:
        results.append("outer caught IndexError")
    except ArithmeticError as e:
        results.append(f"outer caught {type(e)}")
for r in results:
    print(r)
try:
    try:
        int("x")
    except ValueError:
        raise TypeError("converted")
except TypeError as e:
    print("outer got", e)
answer = results

# expect status: ok
# expect answer: ["inner caught KeyError 'missing'", 'inner finally', 'inner finally', 'outer caught IndexError', 'inner finally', "outer caught <class 'ZeroDivisionError'>", 'fine', 'inner finally']
# expect type: list
# expect stdout: "inner caught KeyError 'missing'\ninner finally\ninner finally\nouter caught IndexError\ninner finally\nouter caught <class 'ZeroDivisionError'>\nfine\ninner finally\nouter got converted\n"
