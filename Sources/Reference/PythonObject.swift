import CPython

/// An owned or borrowed `PyObject *`; each use site says which, and owned ones are released with `Py_DecRef`.
typealias PythonObject = UnsafeMutablePointer<PyObject>

/// Thrown when a C API call failed and left a Python exception set on the interpreter thread.
///
/// The exception stays in CPython's error indicator; whoever catches this fetches it
/// (`EmbeddedPython.fetchRaisedException`) or clears it.
struct PythonErrorIsSet: Error {}

/// Returns `object`, or throws when a C API call returned NULL with an exception set.
@inline(__always)
func checked(_ object: PythonObject?) throws(PythonErrorIsSet) -> PythonObject {
    guard let object else { throw PythonErrorIsSet() }
    return object
}

/// The text of a Python `str`.
///
/// The trap: a `str` may hold lone surrogates, which have no UTF-8 form; they are written as
/// backslash escapes (`\ud800`) rather than failing the whole rendering.
func swiftString(_ object: PythonObject) throws(PythonErrorIsSet) -> String {
    var size = 0
    if let utf8 = PyUnicode_AsUTF8AndSize(object, &size) {
        return String(decoding: UnsafeRawBufferPointer(start: utf8, count: size), as: UTF8.self)
    }
    guard PyErr_ExceptionMatches(sal_exc_unicode_encode_error()) != 0 else { throw PythonErrorIsSet() }
    PyErr_Clear()
    let bytes = try checked(PyUnicode_AsEncodedString(object, "utf-8", "backslashreplace"))
    defer { Py_DecRef(bytes) }
    guard let start = PyBytes_AsString(bytes) else { throw PythonErrorIsSet() }
    return String(decoding: UnsafeRawBufferPointer(start: start, count: PyBytes_Size(bytes)), as: UTF8.self)
}

/// A new Python `str` holding `text` exactly, interior NUL characters included.
func pythonString(_ text: String) throws(PythonErrorIsSet) -> PythonObject {
    var text = text
    let object = text.withUTF8 { buffer in
        buffer.withMemoryRebound(to: CChar.self) { PyUnicode_FromStringAndSize($0.baseAddress, $0.count) }
    }
    return try checked(object)
}

/// `callable(*arguments)`; the arguments are borrowed.
func call(_ callable: PythonObject, _ arguments: [PythonObject]) throws(PythonErrorIsSet) -> PythonObject {
    let tuple = try checked(PyTuple_New(arguments.count))
    defer { Py_DecRef(tuple) }
    for (index, argument) in arguments.enumerated() {
        Py_IncRef(argument)
        PyTuple_SetItem(tuple, index, argument)
    }
    return try checked(PyObject_CallObject(callable, tuple))
}

/// `repr(object)` as Swift text.
func reprText(_ object: PythonObject) throws(PythonErrorIsSet) -> String {
    let repr = try checked(PyObject_Repr(object))
    defer { Py_DecRef(repr) }
    return try swiftString(repr)
}

/// `str(object)` as Swift text.
func strText(_ object: PythonObject) throws(PythonErrorIsSet) -> String {
    let text = try checked(PyObject_Str(object))
    defer { Py_DecRef(text) }
    return try swiftString(text)
}

/// `type(object).__name__`.
func typeName(of object: PythonObject) throws(PythonErrorIsSet) -> String {
    let name = try checked(PyType_GetName(sal_type_of(object)))
    defer { Py_DecRef(name) }
    return try swiftString(name)
}

/// `object.name()`.
func callMethod(_ object: PythonObject, _ name: String) throws(PythonErrorIsSet) -> PythonObject {
    let method = try checked(PyObject_GetAttrString(object, name))
    defer { Py_DecRef(method) }
    return try checked(PyObject_CallNoArgs(method))
}
