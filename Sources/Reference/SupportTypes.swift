import CPython

/// Python classes the reference installs around a program: its stdout and stderr, and the
/// exceptions that end a run at a limit.
///
/// Written in Python and loaded once into a private module that is not in `sys.modules`.
/// The limit exceptions derive from BaseException so that `except Exception:` does not catch them;
/// a bare `except:` still can, which is why breaches are also recorded outside Python.
struct SupportTypes {
    let timeLimit: PythonObject
    let cappedOutput: PythonObject
    let discard: PythonObject
    let stringIO: PythonObject

    static let source = #"""
    import io


    class TimeLimit(BaseException):
        """Raised into a program that ran past its time limit."""


    class OutputLimit(BaseException):
        """Raised by a write that would take stdout past its cap."""


    class CappedOutput(io.StringIO):
        """A program's stdout: keeps what it prints, up to `room` UTF-8 bytes."""

        def __init__(self, room):
            super().__init__()
            self.room = room
            self.overflowed = False

        def write(self, text):
            if not isinstance(text, str):
                return super().write(text)
            size = len(text) if text.isascii() else len(text.encode("utf-8", "surrogatepass"))
            if self.overflowed or size > self.room:
                self.overflowed = True
                raise OutputLimit("output limit reached")
            self.room -= size
            return super().write(text)


    class Discard:
        """A program's stderr: accepts every write and keeps nothing."""

        def write(self, text):
            return len(text)

        def flush(self):
            pass

    StringIO = io.StringIO
    """#

    /// Runs `source` in a fresh private module; a failure here is a defect of sal, hence fatal.
    static func load(builtins: PythonObject, compile: PythonObject) -> SupportTypes {
        do {
            let module = try checked(PyModule_New("_sal_reference_support"))
            let namespace = try checked(PyModule_GetDict(module))
            PyDict_SetItemString(namespace, "__builtins__", builtins)
            let text = try pythonString(source)
            defer { Py_DecRef(text) }
            let filename = try pythonString("<reference-support>")
            defer { Py_DecRef(filename) }
            let mode = try pythonString("exec")
            defer { Py_DecRef(mode) }
            let code = try call(compile, [text, filename, mode])
            defer { Py_DecRef(code) }
            Py_DecRef(try checked(PyEval_EvalCode(code, namespace, namespace)))
            func member(_ name: String) -> PythonObject {
                let object = PyDict_GetItemString(namespace, name).unsafelyUnwrapped
                Py_IncRef(object)
                return object
            }
            return SupportTypes(timeLimit: member("TimeLimit"), cappedOutput: member("CappedOutput"),
                                discard: member("Discard"), stringIO: member("StringIO"))
        } catch {
            PyErr_Print()
            fatalError("the reference's support module failed to load")
        }
    }
}
