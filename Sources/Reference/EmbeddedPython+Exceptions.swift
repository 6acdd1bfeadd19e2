import CPython
import ProgramOutcome

/// A Python exception taken out of CPython's error indicator, located in the program.
struct RaisedException {
    var typeName: String
    /// `str(e)`; for a SyntaxError met while compiling, `e.msg`.
    var message: String
    var isSyntaxError: Bool
    /// 1-based, in "<program>" only.
    var line: Int?
    /// 1-based, in characters (code points) of the program line.
    var column: Int?
}

extension EmbeddedPython {
    /// The outcome of an exception raised while running: status `error`.
    func exceptionOutcome(programSource: String) -> Outcome {
        let raised = fetchRaisedException(programSource: programSource, compiling: false)
        return Outcome(status: .error, error: ErrorInfo(
            type: raised.typeName, message: raised.message, line: raised.line, column: raised.column))
    }

    /// The outcome of a failed `compile`: status `syntax` for SyntaxError and its subclasses
    /// (IndentationError, TabError), `error` for anything else (a NUL byte raises ValueError).
    /// `programSource` is nil when the preamble failed, whose locations are not the program's.
    func compileFailure(programSource: String?) -> Outcome {
        let raised = fetchRaisedException(programSource: programSource, compiling: true)
        let error = ErrorInfo(type: raised.typeName, message: raised.message, line: raised.line, column: raised.column)
        return Outcome(status: raised.isSyntaxError ? .syntax : .error, error: error)
    }

    /// Takes the pending exception (which must be set) out of CPython and describes it.
    ///
    /// Runtime errors are located at the innermost traceback frame whose file is "<program>";
    /// compile errors by SyntaxError's own `lineno` and `offset`. Formatting the exception may run
    /// its `__str__`, which may raise in turn; that is cleared and stands in as a fixed text.
    func fetchRaisedException(programSource: String?, compiling: Bool) -> RaisedException {
        var type: PythonObject?
        var value: PythonObject?
        var traceback: PythonObject?
        PyErr_Fetch(&type, &value, &traceback)
        PyErr_NormalizeException(&type, &value, &traceback)
        defer {
            Py_DecRef(type)
            Py_DecRef(value)
            Py_DecRef(traceback)
        }
        guard let type, let value else {
            return RaisedException(typeName: "SystemError", message: "no exception was set", isSyntaxError: false)
        }
        let isSyntaxError = PyErr_GivenExceptionMatches(type, sal_exc_syntax_error()) != 0
        var raised = RaisedException(
            typeName: (try? typeName(of: value)) ?? "BaseException",
            message: (try? strText(value)) ?? "<exception str() failed>",
            isSyntaxError: isSyntaxError)
        PyErr_Clear()
        guard let programSource else { return raised }
        if compiling && isSyntaxError {
            if let message = attributeText(value, "msg") { raised.message = message }
            raised.line = positiveIntAttribute(value, "lineno")
            raised.column = positiveIntAttribute(value, "offset")
        } else if let traceback {
            locate(&raised, traceback: traceback, programSource: programSource)
        }
        PyErr_Clear()
        return raised
    }

    /// Sets line and column from the innermost traceback entry in "<program>".
    private func locate(_ raised: inout RaisedException, traceback: PythonObject, programSource: String) {
        var entry: PythonObject? = traceback
        Py_IncRef(traceback)
        while let current = entry {
            defer { Py_DecRef(current) }
            if let code = codeObject(ofTracebackEntry: current) {
                defer { Py_DecRef(code) }
                if attributeText(code, "co_filename") == Self.programFilename,
                   let line = positiveIntAttribute(current, "tb_lineno") {
                    raised.line = line
                    raised.column = nil
                    if let offset = intAttribute(current, "tb_lasti") {
                        raised.column = column(in: code, instructionOffset: offset, line: line, source: programSource)
                    }
                }
            }
            entry = PyObject_GetAttrString(current, "tb_next")
            if let next = entry, sal_is_none(next) != 0 {
                Py_DecRef(next)
                entry = nil
            }
        }
        PyErr_Clear()
    }

    /// The code object (owned) of a traceback entry's frame.
    private func codeObject(ofTracebackEntry entry: PythonObject) -> PythonObject? {
        guard let frame = PyObject_GetAttrString(entry, "tb_frame") else { return nil }
        defer { Py_DecRef(frame) }
        return PyObject_GetAttrString(frame, "f_code")
    }

    /// The 1-based character column where the failing instruction's expression starts, when it
    /// starts on `line`. CPython records columns as UTF-8 byte offsets; the trap is to report those.
    private func column(in code: PythonObject, instructionOffset: Int, line: Int, source: String) -> Int? {
        var startLine: Int32 = 0, startColumn: Int32 = 0, endLine: Int32 = 0, endColumn: Int32 = 0
        let codeObject = UnsafeMutableRawPointer(code).assumingMemoryBound(to: PyCodeObject.self)
        guard PyCode_Addr2Location(codeObject, Int32(clamping: instructionOffset),
                                   &startLine, &startColumn, &endLine, &endColumn) != 0,
              startLine == line, startColumn >= 0 else { return nil }
        return Self.characterColumn(source: source, line: line, utf8Offset: Int(startColumn))
    }

    /// Converts a 0-based UTF-8 offset within `line` of `source` to a 1-based code-point column.
    /// Lines end at "\n", "\r\n" or "\r", as CPython's tokenizer reads them.
    static func characterColumn(source: String, line: Int, utf8Offset: Int) -> Int? {
        let bytes = Array(source.utf8)
        var lineStart = 0
        var currentLine = 1
        var index = 0
        while currentLine < line {
            guard index < bytes.count else { return nil }
            if bytes[index] == UInt8(ascii: "\n") {
                currentLine += 1
                lineStart = index + 1
            } else if bytes[index] == UInt8(ascii: "\r") {
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") { index += 1 }
                currentLine += 1
                lineStart = index + 1
            }
            index += 1
        }
        guard lineStart + utf8Offset <= bytes.count else { return nil }
        let prefix = bytes[lineStart..<(lineStart + utf8Offset)]
        return String(decoding: prefix, as: UTF8.self).unicodeScalars.count + 1
    }

    private func attributeText(_ object: PythonObject, _ name: String) -> String? {
        guard let attribute = PyObject_GetAttrString(object, name) else {
            PyErr_Clear()
            return nil
        }
        defer { Py_DecRef(attribute) }
        guard sal_is_str(attribute) != 0, let text = try? swiftString(attribute) else {
            PyErr_Clear()
            return nil
        }
        return text
    }

    private func intAttribute(_ object: PythonObject, _ name: String) -> Int? {
        guard let attribute = PyObject_GetAttrString(object, name) else {
            PyErr_Clear()
            return nil
        }
        defer { Py_DecRef(attribute) }
        guard sal_is_int(attribute) != 0 else { return nil }
        let number = PyLong_AsSsize_t(attribute)
        if number == -1, PyErr_Occurred() != nil {
            PyErr_Clear()
            return nil
        }
        return number
    }

    private func positiveIntAttribute(_ object: PythonObject, _ name: String) -> Int? {
        intAttribute(object, name).flatMap { $0 > 0 ? $0 : nil }
    }
}
