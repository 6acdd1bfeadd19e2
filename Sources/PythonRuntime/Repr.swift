import BigInt

/// `repr()` and `str()` of every value, as CPython 3.11 prints them.
///
/// Containers are walked with an explicit work stack, so a list nested 100000 deep cannot overflow
/// the host stack: past the nesting limit (998 levels for `repr`/`print`, CPython's figure at module
/// level with the default recursion limit) it raises CPython's RecursionError. Objects CPython prints
/// with an address print without one in sal (`<function f>`, `<list_iterator object>`).
public enum Repr {
    public static func repr(_ value: Value) throws(ExecutionError) -> String {
        switch value {
        case .int(let i): return String(i)
        case .str(let s): return quoted(s.value)
        default:
            var writer = ReprWriter(nestingLimit: Limits.default.maxRecursionDepth - 2, context: nil)
            return try writer.render(value)
        }
    }

    public static func str(_ value: Value) throws(ExecutionError) -> String {
        switch value {
        case .str(let s): return s.value
        case .int(let i): return String(i)
        case .exception(let e): return try exceptionMessage(e, nil)
        default: return try repr(value)
        }
    }

    /// `repr(value)` charging the result's size to `context`'s memory budget as it grows.
    /// `nestingLimit` defaults to what `repr()`, `print` and f-strings allow in CPython at module level.
    public static func repr(_ value: Value, _ context: ExecutionContext, nestingLimit: Int? = nil) throws(ExecutionError) -> String {
        switch value {
        case .int(let i): return String(i)
        case .str(let s):
            try context.reserve(bytes: s.value.utf8.count + 2)
            return quoted(s.value)
        default:
            let limit = nestingLimit ?? context.limits.maxRecursionDepth - 2
            var writer = ReprWriter(nestingLimit: limit, context: context)
            return try writer.render(value)
        }
    }

    /// `str(value)` charging the result's size to `context`'s memory budget.
    public static func str(_ value: Value, _ context: ExecutionContext, nestingLimit: Int? = nil) throws(ExecutionError) -> String {
        switch value {
        case .str(let s): return s.value
        case .int(let i): return String(i)
        case .exception(let e): return try exceptionMessage(e, context)
        default: return try repr(value, context, nestingLimit: nestingLimit)
        }
    }

    /// `ascii(value)`: `repr` with every non-ASCII character escaped.
    public static func ascii(_ value: Value, _ context: ExecutionContext) throws(ExecutionError) -> String {
        let text = try repr(value, context)
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for s in text.unicodeScalars {
            if s.value < 0x80 { out.unicodeScalars.append(s) } else { appendEscape(s.value, to: &out) }
        }
        return out
    }

    /// `str(e)`: empty for no args, `str(arg)` for one (its repr for KeyError), the args tuple otherwise.
    static func exceptionMessage(_ e: PyException, _ context: ExecutionContext?) throws(ExecutionError) -> String {
        switch e.args.count {
        case 0: return ""
        case 1:
            let arg = e.args[0]
            let useRepr = e.type.isSubtype(of: .keyError)
            if let context { return useRepr ? try repr(arg, context) : try str(arg, context) }
            return useRepr ? try repr(arg) : try str(arg)
        default:
            let args = Value.tuple(PyTuple(e.args))
            if let context { return try repr(args, context) }
            return try repr(args)
        }
    }

    /// A str literal as `repr` writes it: single quotes unless the text has `'` and no `"`; `\\`,
    /// the quote, `\t \n \r` escaped; other control and non-printable characters as `\x..`, `\u....`
    /// or `\U........`; printable non-ASCII characters kept.
    public static func quoted(_ text: String) -> String {
        var hasSingle = false
        var hasDouble = false
        var plain = true
        var scanned = text
        scanned.withUTF8 { bytes in
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "'"): hasSingle = true
                case UInt8(ascii: "\""): hasDouble = true
                case UInt8(ascii: "\\"), 0..<0x20, 0x7F...: plain = false
                default: break
                }
            }
        }
        let quote: Character = hasSingle && !hasDouble ? "\"" : "'"
        if plain && !(quote == "'" && hasSingle) {
            return "\(quote)\(text)\(quote)"
        }
        // Built as UTF-8 bytes straight from the text's bytes: appending scalar by scalar to a String
        // costs about ten times more, which matters for the megabyte-sized reprs of strings that
        // programs grow by nesting reprs.
        let quoteByte = UInt8(ascii: quote == "'" ? "'" : "\"")
        var copy = text
        return copy.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + bytes.count / 8 + 2)
            out.append(quoteByte)
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                if byte < 0x80 {
                    i += 1
                    switch byte {
                    case UInt8(ascii: "\\"): out.append(byte); out.append(byte)
                    case UInt8(ascii: "\t"): out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "t"))
                    case UInt8(ascii: "\n"): out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "n"))
                    case UInt8(ascii: "\r"): out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "r"))
                    case UInt8(ascii: "'") where quoteByte == UInt8(ascii: "'"):
                        out.append(UInt8(ascii: "\\")); out.append(byte)
                    case 0..<0x20, 0x7F: appendEscape(UInt32(byte), to: &out)
                    default: out.append(byte)
                    }
                    continue
                }
                // A multi-byte sequence of valid UTF-8: its length comes from the lead byte.
                let length = byte >= 0xF0 ? 4 : (byte >= 0xE0 ? 3 : 2)
                var value = UInt32(byte) & (length == 2 ? 0x1F : (length == 3 ? 0x0F : 0x07))
                for k in 1..<length { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
                if let scalar = Unicode.Scalar(value), PyUnicode.isPrintable(scalar) {
                    out.append(contentsOf: bytes[i..<(i + length)])
                } else {
                    appendEscape(value, to: &out)
                }
                i += length
            }
            out.append(quoteByte)
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// `\xhh`, `\uhhhh` or `\Uhhhhhhhh` into a UTF-8 buffer.
    static func appendEscape(_ v: UInt32, to out: inout [UInt8]) {
        var text = ""
        appendEscape(v, to: &text)
        out.append(contentsOf: text.utf8)
    }

    /// `\xhh`, `\uhhhh` or `\Uhhhhhhhh` (lowercase hex), by the code point's size.
    static func appendEscape(_ v: UInt32, to out: inout String) {
        let (prefix, width) = v <= 0xFF ? ("\\x", 2) : v <= 0xFFFF ? ("\\u", 4) : ("\\U", 8)
        let digits = String(v, radix: 16)
        out += prefix
        out += String(repeating: "0", count: width - digits.count)
        out += digits
    }

    /// The text of a scalar value (not a container); nil for containers.
    static func scalarRepr(_ value: Value) throws(ExecutionError) -> String? {
        switch value {
        case .none: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .bigInt(let b): return try IntFormatting.decimalString(b.value)
        case .float(let d): return FloatRepr.repr(d)
        case .str(let s): return quoted(s.value)
        case .ellipsis: return "Ellipsis"
        case .range(let r):
            return r.step == 1 ? "range(\(r.start), \(r.stop))" : "range(\(r.start), \(r.stop), \(r.step))"
        case .function(let f): return "<function \(f.name)>"
        case .builtin(let f):
            if let owner = f.ownerName {
                return f.isClassMethod ? "<built-in method \(f.name) of type object>" : "<method '\(f.name)' of '\(owner)' objects>"
            }
            return "<built-in function \(f.name)>"
        case .method(let m):
            let owner = m.function.isClassMethod ? "type" : m.receiver.typeName
            return "<built-in method \(m.function.name) of \(owner) object>"
        case .type(let t): return "<class '\(t.name)'>"
        case .module(let m): return "<module '\(m.name)' (built-in)>"
        case .host(let h): return "<built-in function \(h.name)>"
        case .unavailable(let u): throw .exception(u.error)
        case .iterator(let it):
            if it is PyDictView { return nil }
            return "<\(it.typeName) object>"
        case .unbound: return "<unbound>"
        case .list, .tuple, .dict, .set, .slice, .exception: return nil
        }
    }
}

extension BuiltinFunction {
    /// True for the natives that act as class or static methods (`dict.fromkeys`, `str.maketrans`).
    var isClassMethod: Bool { (ownerName == "dict" && name == "fromkeys") || (ownerName == "str" && name == "maketrans") }
}

/// Renders nested values with an explicit stack, tracking containers in progress (`[...]`).
struct ReprWriter {
    enum Work {
        case value(Value, depth: Int)
        case text(String)
        /// Elements `next...` of `items`, separated by ", " (or alternating ": " and ", " for dict pairs).
        case elements([Value], next: Int, depth: Int, pairs: Bool)
        case leave(ObjectIdentifier)
    }

    let nestingLimit: Int
    let context: ExecutionContext?
    var out = ""
    var charged = 0
    var active: Set<ObjectIdentifier> = []
    var work: [Work] = []

    init(nestingLimit: Int, context: ExecutionContext?) {
        self.nestingLimit = nestingLimit
        self.context = context
    }

    /// Output size checked against the memory budget every time it grows by this much.
    static let chargeStep = 1 << 16

    mutating func render(_ value: Value) throws(ExecutionError) -> String {
        work.append(.value(value, depth: 1))
        while let item = work.popLast() {
            switch item {
            case .text(let t): out += t
            case .leave(let id): active.remove(id)
            case .value(let v, let depth): try emit(v, depth: depth)
            case .elements(let items, let next, let depth, let pairs):
                guard next < items.count else { continue }
                if next > 0 { out += pairs && next % 2 == 1 ? ": " : ", " }
                work.append(.elements(items, next: next + 1, depth: depth, pairs: pairs))
                work.append(.value(items[next], depth: depth))
            }
            // Each check covers the whole text so far: the budget applies to single allocations.
            if let context, out.utf8.count - charged >= ReprWriter.chargeStep {
                try context.reserve(bytes: out.utf8.count)
                charged = out.utf8.count
            }
        }
        if let context, out.utf8.count > charged { try context.reserve(bytes: out.utf8.count) }
        return out
    }

    private mutating func open(_ object: AnyObject, _ text: String, placeholder: String) -> Bool {
        let id = ObjectIdentifier(object)
        if active.contains(id) {
            out += placeholder
            return false
        }
        active.insert(id)
        out += text
        work.append(.leave(id))
        return true
    }

    private mutating func emit(_ value: Value, depth: Int) throws(ExecutionError) {
        if depth > nestingLimit {
            throw .exception(PyException(.recursionError, "maximum recursion depth exceeded while getting the repr of an object"))
        }
        if let text = try Repr.scalarRepr(value) {
            out += text
            return
        }
        switch value {
        case .list(let l):
            if l.items.isEmpty { out += "[]"; return }
            guard open(l, "[", placeholder: "[...]") else { return }
            work.append(.text("]"))
            work.append(.elements(l.items, next: 0, depth: depth + 1, pairs: false))
        case .tuple(let t):
            if t.items.isEmpty { out += "()"; return }
            guard open(t, "(", placeholder: "(...)") else { return }
            work.append(.text(t.items.count == 1 ? ",)" : ")"))
            work.append(.elements(t.items, next: 0, depth: depth + 1, pairs: false))
        case .dict(let d):
            if d.count == 0 { out += "{}"; return }
            guard open(d, "{", placeholder: "{...}") else { return }
            var flat: [Value] = []
            flat.reserveCapacity(d.count * 2)
            for (key, v) in d.storage {
                flat.append(key.value)
                flat.append(v)
            }
            work.append(.text("}"))
            work.append(.elements(flat, next: 0, depth: depth + 1, pairs: true))
        case .set(let s):
            let name = s.isFrozen ? "frozenset" : "set"
            if s.count == 0 { out += "\(name)()"; return }
            guard open(s, s.isFrozen ? "frozenset({" : "{", placeholder: "\(name)(...)") else { return }
            work.append(.text(s.isFrozen ? "})" : "}"))
            work.append(.elements(s.elements, next: 0, depth: depth + 1, pairs: false))
        case .slice(let s):
            out += "slice("
            work.append(.text(")"))
            work.append(.elements([s.start, s.stop, s.step], next: 0, depth: depth + 1, pairs: false))
        case .exception(let e):
            out += e.type.name
            if e.args.count == 1 {
                out += "("
                work.append(.text(")"))
                work.append(.value(e.args[0], depth: depth + 1))
            } else {
                work.append(.value(.tuple(PyTuple(e.args)), depth: depth + 1))
            }
        case .iterator(let it):
            guard let view = it as? PyDictView else { return }
            guard open(view, "\(view.typeName)([", placeholder: "...") else { return }
            work.append(.text("])"))
            work.append(.elements(view.snapshot(), next: 0, depth: depth + 1, pairs: false))
        default:
            out += "<\(value.typeName)>"
        }
    }
}
