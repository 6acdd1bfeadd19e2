extension Builtins {
    /// `print`, `len`, `repr`, `ascii`, `isinstance`, `issubclass`, `id`, `hash`, `callable`, `chr`,
    /// `ord`, `format`, `input`, `getattr`, `hasattr`.
    static let coreFunctions: [BuiltinFunction] = [
        BuiltinFunction("print") { args, context throws(ExecutionError) in
            try args.checkKeywords(["sep", "end", "file", "flush"], function: "print")
            let sep = try printSeparator(args.keyword("sep"), "sep", default: " ")
            let end = try printSeparator(args.keyword("end"), "end", default: "\n")
            if let file = args.keyword("file"), !StrMethods.isNone(file) {
                throw .exception(.noAttribute(file, "write"))
            }
            // CPython writes piece by piece: if an argument's str() fails, what came before is printed.
            var line = ""
            for i in 0..<args.count {
                if i > 0 { line += sep }
                switch args[i] {
                case .str(let s): line += s.value
                case .int(let n): line += String(n)
                default:
                    do throws(ExecutionError) {
                        line += try Repr.str(args[i], context)
                    } catch {
                        if case .exception = error { try context.write(line) }
                        throw error
                    }
                }
            }
            line += end
            try context.write(line)
            return .none
        },
        BuiltinFunction("len") { args, _ throws(ExecutionError) in
            .int(try Containers.length(single(args, "len")))
        },
        BuiltinFunction("repr") { args, context throws(ExecutionError) in
            .string(try Repr.repr(single(args, "repr"), context))
        },
        BuiltinFunction("ascii") { args, context throws(ExecutionError) in
            .string(try Repr.ascii(single(args, "ascii"), context))
        },
        BuiltinFunction("isinstance") { args, _ throws(ExecutionError) in
            try args.expectPositional("isinstance", min: 2, max: 2, offset: 0)
            let type = try typeOf(args[0])
            return .bool(try matches(type, args[1], "isinstance() arg 2 must be a type, a tuple of types, or a union"))
        },
        BuiltinFunction("issubclass") { args, _ throws(ExecutionError) in
            try args.expectPositional("issubclass", min: 2, max: 2, offset: 0)
            guard case .type(let type) = args[0] else {
                throw .exception(.typeError("issubclass() arg 1 must be a class"))
            }
            return .bool(try matches(type, args[1], "issubclass() arg 2 must be a class, a tuple of classes, or a union"))
        },
        BuiltinFunction("id") { args, _ throws(ExecutionError) in
            .int(identity(try single(args, "id")))
        },
        BuiltinFunction("hash") { args, _ throws(ExecutionError) in
            .int(try single(args, "hash").pythonHash())
        },
        BuiltinFunction("callable") { args, _ throws(ExecutionError) in
            switch try single(args, "callable") {
            case .function, .builtin, .method, .type, .host: return .bool(true)
            case .unavailable(let u): throw .exception(u.error)
            default: return .bool(false)
            }
        },
        BuiltinFunction("chr") { args, _ throws(ExecutionError) in
            let v = try single(args, "chr")
            let code: Int
            switch v {
            case .int(let i): code = i
            case .bool(let b): code = b ? 1 : 0
            case .bigInt: throw .exception(.overflowError("Python int too large to convert to C int"))
            default: throw .exception(.typeError("'\(v.typeName)' object cannot be interpreted as an integer"))
            }
            guard Int32(exactly: code) != nil else {
                throw .exception(.overflowError("Python int too large to convert to C int"))
            }
            guard code >= 0 && code < 0x110000 else {
                throw .exception(.valueError("chr() arg not in range(0x110000)"))
            }
            guard let scalar = Unicode.Scalar(UInt32(code)) else {
                throw .exception(.valueError("chr() arg is a surrogate code point, which sal's str cannot hold"))
            }
            return .string(String(scalar))
        },
        BuiltinFunction("ord") { args, _ throws(ExecutionError) in
            let v = try single(args, "ord")
            guard case .str(let s) = v else {
                throw .exception(.typeError("ord() expected string of length 1, but \(v.typeName) found"))
            }
            guard s.count == 1, let scalar = s.value.unicodeScalars.first else {
                throw .exception(.typeError("ord() expected a character, but string of length \(s.count) found"))
            }
            return .int(Int(scalar.value))
        },
        BuiltinFunction("format") { args, context throws(ExecutionError) in
            try args.expectPositional("format", min: 1, max: 2, offset: 0)
            var spec = ""
            if args.count == 2 {
                guard case .str(let s) = args[1] else {
                    throw .exception(.typeError("format() argument 2 must be str, not \(args[1].typeName)"))
                }
                spec = s.value
            }
            return .string(try Formatting.format(args[0], spec: spec, context))
        },
        BuiltinFunction("input") { args, context throws(ExecutionError) in
            try args.expectPositional("input", min: 0, max: 1, offset: 0)
            if args.count == 1 { try context.write(try Repr.str(args[0], context)) }
            throw .exception(PyException(.eofError, "EOF when reading a line"))
        },
        BuiltinFunction("getattr") { args, _ throws(ExecutionError) in
            try args.expectPositional("getattr", min: 2, max: 3, offset: 0)
            let name = try attributeName(args[1])
            do throws(ExecutionError) {
                return try attribute(args[0], name)
            } catch .exception(let e) where args.count == 3 && e.type.isSubtype(of: .attributeError) {
                return args[2]
            }
        },
        BuiltinFunction("hasattr") { args, _ throws(ExecutionError) in
            try args.expectPositional("hasattr", min: 2, max: 2, offset: 0)
            let name = try attributeName(args[1])
            do throws(ExecutionError) {
                _ = try attribute(args[0], name)
                return .bool(true)
            } catch .exception(let e) where e.type.isSubtype(of: .attributeError) {
                return .bool(false)
            }
        },
    ]

    static func printSeparator(_ value: Value?, _ name: String, default fallback: String) throws(ExecutionError) -> String {
        switch value {
        case nil, .none?: return fallback
        case .str(let s)?: return s.value
        case let other?: throw .exception(.typeError("\(name) must be None or a string, not \(other.typeName)"))
        }
    }

    /// `isinstance`/`issubclass` against a class or a (nested) tuple of classes.
    static func matches(_ type: PyType, _ classInfo: Value, _ message: String) throws(ExecutionError) -> Bool {
        switch classInfo {
        case .type(let t):
            return t === PyType.object || type.isSubtype(of: t)
        case .tuple(let options):
            for option in options.items where try matches(type, option, message) { return true }
            return false
        case .unavailable(let u):
            throw .exception(u.error)
        default:
            throw .exception(.typeError(message))
        }
    }

    /// `id(x)`: the object's address for heap objects; for immediates (and strings, which sal compares
    /// by content for `is`), a number derived from the value so that `x is y` implies `id(x) == id(y)`.
    static func identity(_ value: Value) -> Int {
        func address(_ object: AnyObject) -> Int { Int(bitPattern: UInt(bitPattern: ObjectIdentifier(object))) }
        switch value {
        case .none: return 0x1000
        case .ellipsis: return 0x1010
        case .bool(let b): return b ? 0x1030 : 0x1020
        case .int(let i): return 0x10_0000 &+ i &* 32
        case .float(let d): return Int(bitPattern: UInt(d.bitPattern)) | 1
        case .str(let s): return PythonHash.string(s) | 3
        case .tuple(let t): return t.items.isEmpty ? 0x1040 : address(t)
        case .bigInt(let b): return address(b)
        case .list(let l): return address(l)
        case .dict(let d): return address(d)
        case .set(let s): return address(s)
        case .range(let r): return address(r)
        case .slice(let s): return address(s)
        case .function(let f): return address(f)
        case .builtin(let f): return address(f)
        case .method(let m): return address(m)
        case .type(let t): return address(t)
        case .exception(let e): return address(e)
        case .iterator(let it): return address(it)
        case .module(let m): return address(m)
        case .host(let h): return address(h)
        case .unavailable(let u): return address(u)
        case .unbound: return 0
        }
    }

    static func attributeName(_ value: Value) throws(ExecutionError) -> String {
        guard case .str(let s) = value else {
            throw .exception(.typeError("attribute name must be string, not '\(value.typeName)'"))
        }
        return s.value
    }

    /// `getattr(x, name)`: sal never exposes `_` names.
    static func attribute(_ object: Value, _ name: String) throws(ExecutionError) -> Value {
        if name.hasPrefix("_") {
            if case .type(let t) = object {
                throw .exception(.attributeError("type object '\(t.name)' has no attribute '\(name)'"))
            }
            throw .exception(.noAttribute(object, name))
        }
        return try Attributes.get(object, name)
    }
}
