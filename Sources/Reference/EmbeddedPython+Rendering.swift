import CPython
import ProgramOutcome

extension EmbeddedPython {
    /// Containers nested deeper than this render as `.string(repr(value))`; the top value is level 1.
    static let renderingDepthLimit = 100

    /// The JSON rendering of an answer value, by the rule sal's runtime shares exactly:
    /// None → null; bool → bool; int → int, or bigInteger (decimal) outside Int64; float → double,
    /// or "inf"/"-inf"/"nan"; str → string; list, tuple → array; dict → object in iteration order,
    /// keys as `str(key)` for a str and `repr(key)` otherwise; set, frozenset → array in iteration
    /// order; anything else → `repr(value)`. Subclasses count as their base (bool before int).
    ///
    /// The trap: items are rendered from snapshots (`items()`, iteration) and held while rendered,
    /// since a `__repr__` in the program may mutate the container being walked.
    func render(_ value: PythonObject, depth: Int = 1) throws(PythonErrorIsSet) -> JSONValue {
        if depth > Self.renderingDepthLimit {
            return .string(try reprText(value))
        }
        if sal_is_none(value) != 0 { return .null }
        if sal_is_bool(value) != 0 { return .bool(PyObject_IsTrue(value) == 1) }
        if sal_is_int(value) != 0 { return try renderInteger(value) }
        if sal_is_float(value) != 0 {
            let number = PyFloat_AsDouble(value)
            if number == -1, PyErr_Occurred() != nil { throw PythonErrorIsSet() }
            if number.isFinite { return .double(number) }
            return .string(number.isNaN ? "nan" : (number < 0 ? "-inf" : "inf"))
        }
        if sal_is_str(value) != 0 { return .string(try swiftString(value)) }
        if sal_is_list(value) != 0 || sal_is_tuple(value) != 0 || sal_is_set_or_frozenset(value) != 0 {
            return .array(try renderItems(of: value, depth: depth))
        }
        if sal_is_dict(value) != 0 { return .object(try renderEntries(of: value, depth: depth)) }
        return .string(try reprText(value))
    }

    private func renderInteger(_ value: PythonObject) throws(PythonErrorIsSet) -> JSONValue {
        var overflow: Int32 = 0
        let number = PyLong_AsLongLongAndOverflow(value, &overflow)
        if overflow == 0 {
            if number == -1, PyErr_Occurred() != nil { throw PythonErrorIsSet() }
            return .int(Int(number))
        }
        let decimal = try checked(PyNumber_ToBase(value, 10))
        defer { Py_DecRef(decimal) }
        return .bigInteger(try swiftString(decimal))
    }

    /// Items in iteration order. A list is read by index (its storage, as for tuples), so that a list
    /// subclass renders its elements, not whatever its `__iter__` yields.
    private func renderItems(of container: PythonObject, depth: Int) throws(PythonErrorIsSet) -> [JSONValue] {
        var items: [JSONValue] = []
        if sal_is_list(container) != 0 || sal_is_tuple(container) != 0 {
            let isList = sal_is_list(container) != 0
            var index = 0
            while index < (isList ? PyList_Size(container) : PyTuple_Size(container)) {
                let item = try checked(isList ? PyList_GetItem(container, index) : PyTuple_GetItem(container, index))
                Py_IncRef(item)
                defer { Py_DecRef(item) }
                items.append(try render(item, depth: depth + 1))
                index += 1
            }
            return items
        }
        let iterator = try checked(PyObject_GetIter(container))
        defer { Py_DecRef(iterator) }
        while let item = PyIter_Next(iterator) {
            defer { Py_DecRef(item) }
            items.append(try render(item, depth: depth + 1))
        }
        if PyErr_Occurred() != nil { throw PythonErrorIsSet() }
        return items
    }

    private func renderEntries(of dict: PythonObject, depth: Int) throws(PythonErrorIsSet) -> [(String, JSONValue)] {
        let pairs = try checked(PyMapping_Items(dict))
        defer { Py_DecRef(pairs) }
        var entries: [(String, JSONValue)] = []
        for index in 0..<PyList_Size(pairs) {
            let pair = try checked(PyList_GetItem(pairs, index))
            guard sal_is_tuple(pair) != 0, PyTuple_Size(pair) == 2 else {
                PyErr_SetString(sal_exc_type_error(), "items() must yield (key, value) pairs")
                throw PythonErrorIsSet()
            }
            let key = try checked(PyTuple_GetItem(pair, 0))
            let keyText = sal_is_str(key) != 0 ? try strText(key) : try reprText(key)
            entries.append((keyText, try render(try checked(PyTuple_GetItem(pair, 1)), depth: depth + 1)))
        }
        return entries
    }
}
