/// The methods of `str`, with CPython 3.11's results and messages.
///
/// Every method that can grow its result from program data (`join`, `replace`, padding, `zfill`,
/// `expandtabs`) computes the result's size first and reserves it, so `'x'.ljust(10**12)` fails with a
/// memory-limit outcome before allocating.
enum StrMethods {
    static let table: [String: BuiltinFunction] = {
        var t: [String: BuiltinFunction] = [:]
        func add(_ name: String, _ body: @escaping @Sendable (PyString, Arguments, ExecutionContext) throws(ExecutionError) -> Value) {
            t[name] = BuiltinFunction(name, owner: "str") { args, context throws(ExecutionError) in
                let receiver = try args.receiver("str.\(name)")
                guard case .str(let s) = receiver else { throw Value.descriptorError(name, "str", receiver) }
                return try body(s, args, context)
            }
        }
        func noArgs(_ name: String, _ body: @escaping @Sendable (PyString, ExecutionContext) throws(ExecutionError) -> Value) {
            add(name) { s, args, context throws(ExecutionError) in
                try args.expectNone(method: "str.\(name)")
                return try body(s, context)
            }
        }

        noArgs("upper") { s, c throws(ExecutionError) in .str(try mapCase(s, .upper, c)) }
        noArgs("lower") { s, c throws(ExecutionError) in .str(try mapCase(s, .lower, c)) }
        noArgs("casefold") { s, c throws(ExecutionError) in .str(try mapCase(s, .casefold, c)) }
        noArgs("swapcase") { s, c throws(ExecutionError) in .str(try mapCase(s, .swapcase, c)) }
        noArgs("capitalize") { s, c throws(ExecutionError) in .str(try mapCase(s, .capitalize, c)) }
        noArgs("title") { s, c throws(ExecutionError) in .str(try mapCase(s, .title, c)) }

        noArgs("isdigit") { s, _ in .bool(all(s, PyUnicode.isDigit)) }
        noArgs("isdecimal") { s, _ in .bool(all(s, PyUnicode.isDecimal)) }
        noArgs("isnumeric") { s, _ in .bool(all(s, PyUnicode.isNumeric)) }
        noArgs("isalpha") { s, _ in .bool(all(s, PyUnicode.isAlpha)) }
        noArgs("isalnum") { s, _ in .bool(all(s, PyUnicode.isAlnum)) }
        noArgs("isspace") { s, _ in .bool(all(s, PyUnicode.isSpace)) }
        noArgs("isascii") { s, _ in .bool(s.isASCII) }
        noArgs("isprintable") { s, _ in .bool(s.value.unicodeScalars.allSatisfy(PyUnicode.isPrintable)) }
        noArgs("islower") { s, _ in .bool(isLower(s)) }
        noArgs("isupper") { s, _ in .bool(isUpper(s)) }
        noArgs("istitle") { s, _ in .bool(isTitle(s)) }
        noArgs("isidentifier") { s, _ in .bool(isIdentifier(s)) }

        for name in ["strip", "lstrip", "rstrip"] {
            add(name) { s, args, _ throws(ExecutionError) in
                try args.expectPositional(name, qualifiedName: "str.\(name)", min: 0, max: 1)
                return .str(PyString(try strip(s, args.count > 1 ? args[1] : .none, name: name)))
            }
        }
        add("split") { s, args, context throws(ExecutionError) in
            let bound = try args.bind("split", ["sep", "maxsplit"])
            return try split(s, bound[0] ?? .none, bound[1], fromRight: false, context)
        }
        add("rsplit") { s, args, context throws(ExecutionError) in
            let bound = try args.bind("rsplit", ["sep", "maxsplit"])
            return try split(s, bound[0] ?? .none, bound[1], fromRight: true, context)
        }
        add("splitlines") { s, args, context throws(ExecutionError) in
            let bound = try args.bind("splitlines", ["keepends"])
            let keepEnds = try bound[0].map { v throws(ExecutionError) in try v.asIntArgument() != 0 } ?? false
            return try splitLines(s, keepEnds: keepEnds, context)
        }
        add("join") { s, args, context throws(ExecutionError) in
            try join(s, args.expectOne(method: "str.join"), context)
        }
        add("replace") { s, args, context throws(ExecutionError) in
            try args.expectPositional("replace", qualifiedName: "str.replace", min: 2, max: 3)
            let old = try strArgument(args[1], "replace() argument 1")
            let new = try strArgument(args[2], "replace() argument 2")
            let limit = args.count > 3 ? try args[3].asIntArgument() : -1
            return try replace(s, old, new, limit: limit, context)
        }
        for name in ["find", "rfind", "index", "rindex", "count"] {
            add(name) { s, args, _ throws(ExecutionError) in
                try args.expectTuple(name, min: 1, max: 3)
                guard case .str(let needle) = args[1] else {
                    throw .exception(.typeError("must be str, not \(args[1].typeName)"))
                }
                let (start, end) = try searchBounds(args, length: s.count)
                if name == "count" { return .int(count(needle, in: s, start: start, end: end)) }
                let fromRight = name.hasPrefix("r")
                let found = find(needle, in: s, start: start, end: end, fromRight: fromRight)
                if found < 0 && name.hasSuffix("index") { throw .exception(.valueError("substring not found")) }
                return .int(found)
            }
        }
        for name in ["startswith", "endswith"] {
            add(name) { s, args, _ throws(ExecutionError) in
                try args.expectTuple(name, min: 1, max: 3)
                let (start, end) = try searchBounds(args, length: s.count)
                let atEnd = name == "endswith"
                switch args[1] {
                case .str(let affix):
                    return .bool(tailMatch(s, affix, start: start, end: end, atEnd: atEnd))
                case .tuple(let t):
                    for item in t.items {
                        guard case .str(let affix) = item else {
                            throw .exception(.typeError("tuple for \(name) must only contain str, not \(item.typeName)"))
                        }
                        if tailMatch(s, affix, start: start, end: end, atEnd: atEnd) { return .bool(true) }
                    }
                    return .bool(false)
                default:
                    throw .exception(.typeError("\(name) first arg must be str or a tuple of str, not \(args[1].typeName)"))
                }
            }
        }
        for name in ["center", "ljust", "rjust"] {
            add(name) { s, args, context throws(ExecutionError) in
                try args.expectPositional(name, qualifiedName: "str.\(name)", min: 1, max: 2)
                let width = try args[1].asIntArgument()
                let fill = args.count > 2 ? try fillCharacter(args[2]) : " "
                return .str(try pad(s, width: width, fill: fill, align: name, context))
            }
        }
        add("zfill") { s, args, context throws(ExecutionError) in
            let width = try args.expectOne(method: "str.zfill").asIntArgument()
            return .str(try zfill(s, width: width, context))
        }
        add("expandtabs") { s, args, context throws(ExecutionError) in
            let bound = try args.bind("expandtabs", ["tabsize"])
            let size = try bound[0].map { v throws(ExecutionError) in try v.asIntArgument() } ?? 8
            return .str(PyString(try expandTabs(s, tabSize: size, context)))
        }
        add("partition") { s, args, _ throws(ExecutionError) in
            try partition(s, args.expectOne(method: "str.partition"), fromRight: false)
        }
        add("rpartition") { s, args, _ throws(ExecutionError) in
            try partition(s, args.expectOne(method: "str.rpartition"), fromRight: true)
        }
        add("removeprefix") { s, args, _ throws(ExecutionError) in
            let affix = try strArgument(args.expectOne(method: "str.removeprefix"), "removeprefix() argument")
            guard !affix.value.isEmpty, s.value.utf8.starts(with: affix.value.utf8) else { return .str(s) }
            return .str(PyString(s.substring(bytes: affix.value.utf8.count..<s.value.utf8.count)))
        }
        add("removesuffix") { s, args, _ throws(ExecutionError) in
            let affix = try strArgument(args.expectOne(method: "str.removesuffix"), "removesuffix() argument")
            let n = affix.value.utf8.count
            let total = s.value.utf8.count
            guard n > 0, n <= total, s.value.utf8.reversed().starts(with: affix.value.utf8.reversed()) else { return .str(s) }
            return .str(PyString(s.substring(bytes: 0..<(total - n))))
        }
        add("format") { s, args, context throws(ExecutionError) in
            .str(PyString(try Formatting.strFormat(s.value, args, startIndex: 1, context)))
        }
        add("format_map") { s, args, context throws(ExecutionError) in
            let mapping = try args.expectOne(method: "str.format_map")
            return .str(PyString(try formatMap(s, mapping, context)))
        }
        add("translate") { s, args, context throws(ExecutionError) in
            .str(PyString(try translate(s, args.expectOne(method: "str.translate"), context)))
        }
        add("encode") { _, _, _ throws(ExecutionError) in
            throw .exception(PyException(.notImplementedError, "str.encode() is not supported: sal has no bytes type"))
        }
        return t
    }()

    /// `str.maketrans(x[, y[, z]])`: a static method; `values[0]` is the class (or an instance).
    static let maketrans = BuiltinFunction("maketrans", owner: "str") { args, _ throws(ExecutionError) in
        try args.expectPositional("maketrans", qualifiedName: "str.maketrans", min: 1, max: 3)
        let result = PyDict()
        if args.count == 2 {
            guard case .dict(let d) = args[1] else {
                throw .exception(.typeError("if you give only one argument to maketrans it must be a dict"))
            }
            for (key, value) in d.storage {
                switch key.value {
                case .int, .bool: try result.set(key.value, value)
                case .str(let k):
                    guard k.count == 1 else {
                        throw .exception(.valueError("string keys in translate table must be of length 1"))
                    }
                    result.set(key: HashKey(value: .int(Int(k.value.unicodeScalars.first!.value)),
                                            hash: Int(k.value.unicodeScalars.first!.value)), value)
                default:
                    throw .exception(.typeError("keys in translate table must be strings or integers"))
                }
            }
            return .dict(result)
        }
        guard case .str(let x) = args[1] else {
            throw .exception(.typeError("maketrans() argument 1 must be str, not \(args[1].typeName)"))
        }
        guard case .str(let y) = args[2] else {
            throw .exception(.typeError("maketrans() argument 2 must be str, not \(args[2].typeName)"))
        }
        guard x.count == y.count else {
            throw .exception(.valueError("the first two maketrans arguments must have equal length"))
        }
        for (a, b) in zip(x.value.unicodeScalars, y.value.unicodeScalars) {
            try result.set(.int(Int(a.value)), .int(Int(b.value)))
        }
        if args.count == 4 {
            guard case .str(let z) = args[3] else {
                throw .exception(.typeError("maketrans() argument 3 must be str, not \(args[3].typeName)"))
            }
            for c in z.value.unicodeScalars { try result.set(.int(Int(c.value)), .none) }
        }
        return .dict(result)
    }

    // MARK: Arguments

    static func strArgument(_ value: Value, _ what: String) throws(ExecutionError) -> PyString {
        guard case .str(let s) = value else {
            throw .exception(.typeError("\(what) must be str, not \(value.typeName)"))
        }
        return s
    }

    static func fillCharacter(_ value: Value) throws(ExecutionError) -> String {
        guard case .str(let s) = value else {
            throw .exception(.typeError("The fill character must be a unicode character, not \(value.typeName)"))
        }
        guard s.count == 1 else { throw .exception(.typeError("The fill character must be exactly one character long")) }
        return s.value
    }

    /// `start`/`end` of find-like methods after CPython's ADJUST_INDICES (end clamped; start may exceed len).
    static func searchBounds(_ args: Arguments, length: Int) throws(ExecutionError) -> (Int, Int) {
        var start = 0
        var end = Int.max
        if args.count > 2, case let v = args[2], !isNone(v) { start = try PySlice.index(v) }
        if args.count > 3, case let v = args[3], !isNone(v) { end = try PySlice.index(v) }
        if end > length {
            end = length
        } else if end < 0 {
            end = max(end &+ length, 0)
        }
        if start < 0 { start = max(start &+ length, 0) }
        return (start, end)
    }

    @inline(__always)
    static func isNone(_ v: Value) -> Bool {
        if case .none = v { return true }
        return false
    }

    // MARK: Predicates

    static func all(_ s: PyString, _ test: (Unicode.Scalar) -> Bool) -> Bool {
        if s.value.isEmpty { return false }
        return s.value.unicodeScalars.allSatisfy(test)
    }

    static func isLower(_ s: PyString) -> Bool {
        var cased = false
        for c in s.value.unicodeScalars {
            if PyUnicode.isUpper(c) || PyUnicode.isTitlecase(c) { return false }
            if !cased && PyUnicode.isLower(c) { cased = true }
        }
        return cased
    }

    static func isUpper(_ s: PyString) -> Bool {
        var cased = false
        for c in s.value.unicodeScalars {
            if PyUnicode.isLower(c) || PyUnicode.isTitlecase(c) { return false }
            if !cased && PyUnicode.isUpper(c) { cased = true }
        }
        return cased
    }

    static func isTitle(_ s: PyString) -> Bool {
        var cased = false
        var previousCased = false
        for c in s.value.unicodeScalars {
            if PyUnicode.isUpper(c) || PyUnicode.isTitlecase(c) {
                if previousCased { return false }
                previousCased = true
                cased = true
            } else if PyUnicode.isLower(c) {
                if !previousCased { return false }
                previousCased = true
                cased = true
            } else {
                previousCased = false
            }
        }
        return cased
    }

    static func isIdentifier(_ s: PyString) -> Bool {
        var iterator = s.value.unicodeScalars.makeIterator()
        guard let first = iterator.next(), PyUnicode.isIdentifierStart(first) else { return false }
        while let c = iterator.next() {
            if !PyUnicode.isIdentifierContinue(c) { return false }
        }
        return true
    }

    // MARK: Case

    enum CaseMapping { case upper, lower, casefold, swapcase, capitalize, title }

    static func mapCase(_ s: PyString, _ mapping: CaseMapping, _ context: ExecutionContext) throws(ExecutionError) -> PyString {
        if s.value.isEmpty { return s }
        if s.isASCII {
            var bytes = [UInt8]()
            bytes.reserveCapacity(s.value.utf8.count)
            var previousCased = false
            for (i, b) in s.value.utf8.enumerated() {
                let isUpper = b >= 0x41 && b <= 0x5A
                let isLower = b >= 0x61 && b <= 0x7A
                let toUpper = isLower ? b - 32 : b
                let toLower = isUpper ? b + 32 : b
                switch mapping {
                case .upper: bytes.append(toUpper)
                case .lower, .casefold: bytes.append(toLower)
                case .swapcase: bytes.append(isUpper ? toLower : toUpper)
                case .capitalize: bytes.append(i == 0 ? toUpper : toLower)
                case .title:
                    bytes.append(previousCased ? toLower : toUpper)
                    previousCased = isUpper || isLower
                }
            }
            return PyString(String(decoding: bytes, as: UTF8.self))
        }
        let scalars = s.scalars
        try context.reserve(count: scalars.count, elementSize: 12)
        var out = String.UnicodeScalarView()
        var previousCased = false
        for (i, c) in scalars.enumerated() {
            switch mapping {
            case .upper: PyUnicode.appendUpper(c, to: &out)
            case .lower: appendLower(scalars, i, to: &out)
            case .casefold: PyUnicode.appendCasefold(c, to: &out)
            case .swapcase:
                if PyUnicode.isUpper(c) {
                    appendLower(scalars, i, to: &out)
                } else if PyUnicode.isLower(c) {
                    PyUnicode.appendUpper(c, to: &out)
                } else {
                    out.append(c)
                }
            case .capitalize:
                if i == 0 { PyUnicode.appendTitle(c, to: &out) } else { appendLower(scalars, i, to: &out) }
            case .title:
                if previousCased { appendLower(scalars, i, to: &out) } else { PyUnicode.appendTitle(c, to: &out) }
                previousCased = PyUnicode.isCased(c)
            }
        }
        return PyString(String(out))
    }

    /// Lowercases `scalars[i]`, giving capital sigma its final form at the end of a word (as CPython does).
    static func appendLower(_ scalars: [Unicode.Scalar], _ i: Int, to out: inout String.UnicodeScalarView) {
        let c = scalars[i]
        guard c.value == 0x3A3 else {
            PyUnicode.appendLower(c, to: &out)
            return
        }
        var j = i - 1
        while j >= 0 && PyUnicode.isCaseIgnorable(scalars[j]) { j -= 1 }
        var finalSigma = j >= 0 && PyUnicode.isCased(scalars[j])
        if finalSigma && i + 1 < scalars.count {
            var k = i + 1
            while k < scalars.count && PyUnicode.isCaseIgnorable(scalars[k]) { k += 1 }
            finalSigma = k == scalars.count || !PyUnicode.isCased(scalars[k])
        }
        out.append(Unicode.Scalar(finalSigma ? 0x3C2 : 0x3C3)!)
    }

    // MARK: Strip, split, join

    static func strip(_ s: PyString, _ chars: Value, name: String) throws(ExecutionError) -> String {
        let left = name != "rstrip"
        let right = name != "lstrip"
        let test: (Unicode.Scalar) -> Bool
        switch chars {
        case .none: test = PyUnicode.isSpace
        case .str(let set):
            let members = Set(set.value.unicodeScalars)
            test = { members.contains($0) }
        default:
            throw .exception(.typeError("\(name) arg must be None or str"))
        }
        let scalars = s.value.unicodeScalars
        var lower = scalars.startIndex
        var upper = scalars.endIndex
        if left { while lower < upper && test(scalars[lower]) { lower = scalars.index(after: lower) } }
        if right {
            while upper > lower {
                let before = scalars.index(before: upper)
                if !test(scalars[before]) { break }
                upper = before
            }
        }
        if lower == scalars.startIndex && upper == scalars.endIndex { return s.value }
        return String(scalars[lower..<upper])
    }

    static func split(_ s: PyString, _ separator: Value, _ maxSplit: Value?, fromRight: Bool,
                      _ context: ExecutionContext) throws(ExecutionError) -> Value {
        var limit = try maxSplit.map { v throws(ExecutionError) in try v.asIntArgument() } ?? -1
        if limit < 0 { limit = Int.max }
        let parts: [String]
        switch separator {
        case .none:
            parts = fromRight ? rsplitWhitespace(s, limit) : splitWhitespace(s, limit)
        case .str(let sep):
            if sep.value.isEmpty { throw .exception(.valueError("empty separator")) }
            parts = splitOn(s, sep, limit, fromRight: fromRight)
        default:
            throw .exception(.typeError("must be str or None, not \(separator.typeName)"))
        }
        try context.reserve(count: parts.count, elementSize: Iteration.elementBytes + 48)
        return .list(PyList(parts.map { .str(PyString($0)) }))
    }

    static func splitWhitespace(_ s: PyString, _ limit: Int) -> [String] {
        if s.isASCII { return s.bytes { splitWhitespace(bytes: $0, limit) } }
        let scalars = s.scalars
        let n = scalars.count
        var parts: [String] = []
        var i = 0
        var remaining = limit
        while remaining > 0 {
            while i < n && PyUnicode.isSpace(scalars[i]) { i += 1 }
            if i == n { break }
            let j = i
            i += 1
            while i < n && !PyUnicode.isSpace(scalars[i]) { i += 1 }
            parts.append(s.substring(j..<i))
            remaining -= 1
        }
        if i < n {
            while i < n && PyUnicode.isSpace(scalars[i]) { i += 1 }
            if i != n { parts.append(s.substring(i..<n)) }
        }
        return parts
    }

    /// `split()` of ASCII text, scanning the bytes directly.
    static func splitWhitespace(bytes: UnsafeBufferPointer<UInt8>, _ limit: Int) -> [String] {
        @inline(__always) func isSpace(_ b: UInt8) -> Bool { (b >= 0x09 && b <= 0x0D) || (b >= 0x1C && b <= 0x20) }
        func text(_ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }
        let n = bytes.count
        var parts: [String] = []
        var i = 0
        var remaining = limit
        while remaining > 0 {
            while i < n && isSpace(bytes[i]) { i += 1 }
            if i == n { break }
            let j = i
            i += 1
            while i < n && !isSpace(bytes[i]) { i += 1 }
            parts.append(text(j..<i))
            remaining -= 1
        }
        if i < n {
            while i < n && isSpace(bytes[i]) { i += 1 }
            if i != n { parts.append(text(i..<n)) }
        }
        return parts
    }

    static func rsplitWhitespace(_ s: PyString, _ limit: Int) -> [String] {
        let scalars = s.scalarsForScan
        var parts: [String] = []
        var i = scalars.count - 1
        var remaining = limit
        while remaining > 0 {
            while i >= 0 && PyUnicode.isSpace(scalars[i]) { i -= 1 }
            if i < 0 { break }
            let j = i
            i -= 1
            while i >= 0 && !PyUnicode.isSpace(scalars[i]) { i -= 1 }
            parts.append(s.substring((i + 1)..<(j + 1)))
            remaining -= 1
        }
        if i >= 0 {
            while i >= 0 && PyUnicode.isSpace(scalars[i]) { i -= 1 }
            if i >= 0 { parts.append(s.substring(0..<(i + 1))) }
        }
        return parts.reversed()
    }

    static func splitOn(_ s: PyString, _ sep: PyString, _ limit: Int, fromRight: Bool) -> [String] {
        let total = s.value.utf8.count
        let width = sep.value.utf8.count
        var parts: [String] = []
        if fromRight {
            let found = StrSearch.occurrencesFromRight(sep, in: s, limit: limit)
            var end = total
            for at in found {
                parts.append(s.substring(bytes: (at + width)..<end))
                end = at
            }
            parts.append(s.substring(bytes: 0..<end))
            return parts.reversed()
        }
        let found = StrSearch.occurrences(sep, in: s, limit: limit)
        var start = 0
        for at in found {
            parts.append(s.substring(bytes: start..<at))
            start = at + width
        }
        parts.append(s.substring(bytes: start..<total))
        return parts
    }

    static func splitLines(_ s: PyString, keepEnds: Bool, _ context: ExecutionContext) throws(ExecutionError) -> Value {
        let scalars = s.scalarsForScan
        let n = scalars.count
        var parts: [Value] = []
        var i = 0
        var j = 0
        while i < n {
            while i < n && !PyUnicode.isLineBreak(scalars[i].value) { i += 1 }
            var end = i
            if i < n {
                if scalars[i].value == 0x0D && i + 1 < n && scalars[i + 1].value == 0x0A { i += 2 } else { i += 1 }
                if keepEnds { end = i }
            }
            parts.append(.str(PyString(s.substring(j..<end))))
            j = i
        }
        try context.reserve(count: parts.count, elementSize: Iteration.elementBytes + 48)
        return .list(PyList(parts))
    }

    static func join(_ separator: PyString, _ iterable: Value, _ context: ExecutionContext) throws(ExecutionError) -> Value {
        let items: [Value]
        switch iterable {
        case .list(let l): items = l.items
        case .tuple(let t): items = t.items
        default:
            guard iterable.isNativelyIterable else { throw .exception(.typeError("can only join an iterable")) }
            items = try Iteration.collect(iterable, context)
        }
        if items.isEmpty { return .str(PyString("")) }
        try context.tick(items.count)
        var total = separator.value.utf8.count * (items.count - 1)
        for (i, item) in items.enumerated() {
            guard case .str(let part) = item else {
                throw .exception(.typeError("sequence item \(i): expected str instance, \(item.typeName) found"))
            }
            let (sum, overflow) = total.addingReportingOverflow(part.value.utf8.count)
            if overflow { throw overflowLimit(context) }
            total = sum
        }
        if items.count == 1 { return items[0] }
        try context.reserve(bytes: total)
        var out = ""
        out.reserveCapacity(total)
        for (i, item) in items.enumerated() {
            if i > 0 { out += separator.value }
            if case .str(let part) = item { out += part.value }
        }
        return .str(PyString(out))
    }

    static func overflowLimit(_ context: ExecutionContext) -> ExecutionError {
        .limit(LimitBreach(.memory, "memory limit of \(context.limits.maxMemoryBytes) bytes exceeded (a string of more than \(Int.max) bytes was requested)"))
    }

    // MARK: Search

    static func find(_ needle: PyString, in s: PyString, start: Int, end: Int, fromRight: Bool) -> Int {
        if end - start < needle.count { return -1 }
        if needle.value.isEmpty { return fromRight ? end : start }
        let found = fromRight ? StrSearch.rfind(needle, in: s, from: start, to: end)
                              : StrSearch.find(needle, in: s, from: start, to: end)
        return found ?? -1
    }

    static func count(_ needle: PyString, in s: PyString, start: Int, end: Int) -> Int {
        if end - start < needle.count { return 0 }
        if needle.value.isEmpty { return end - start + 1 }
        let from = s.utf8Offset(ofCodePoint: start)
        let to = s.utf8Offset(ofCodePoint: end)
        return StrSearch.occurrences(needle, in: s, byteFrom: from, byteTo: to).count
    }

    static func tailMatch(_ s: PyString, _ affix: PyString, start: Int, end: Int, atEnd: Bool) -> Bool {
        let n = affix.count
        if end - n < start { return false }
        if n == 0 { return true }
        let position = atEnd ? end - n : start
        let from = s.utf8Offset(ofCodePoint: position)
        return s.bytes { h in
            affix.bytes { a in
                guard from + a.count <= h.count else { return false }
                for k in 0..<a.count where h[from + k] != a[k] { return false }
                return true
            }
        }
    }

    static func partition(_ s: PyString, _ separator: Value, fromRight: Bool) throws(ExecutionError) -> Value {
        guard case .str(let sep) = separator else {
            throw .exception(.typeError("must be str, not \(separator.typeName)"))
        }
        if sep.value.isEmpty { throw .exception(.valueError("empty separator")) }
        let found = fromRight ? StrSearch.occurrencesFromRight(sep, in: s, limit: 1)
                              : StrSearch.occurrences(sep, in: s, limit: 1)
        let empty = Value.str(PyString(""))
        guard let at = found.first else {
            return .tuple(PyTuple(fromRight ? [empty, empty, .str(s)] : [.str(s), empty, empty]))
        }
        let total = s.value.utf8.count
        let width = sep.value.utf8.count
        return .tuple(PyTuple([.str(PyString(s.substring(bytes: 0..<at))), .str(sep),
                               .str(PyString(s.substring(bytes: (at + width)..<total)))]))
    }

    // MARK: Building

    static func replace(_ s: PyString, _ old: PyString, _ new: PyString, limit: Int,
                        _ context: ExecutionContext) throws(ExecutionError) -> Value {
        let maxCount = limit < 0 ? Int.max : limit
        if maxCount == 0 { return .str(s) }
        let oldBytes = old.value.utf8.count
        let newBytes = new.value.utf8.count
        if oldBytes == 0 {
            let insertions = min(s.count + 1, maxCount)
            let (grow, o1) = insertions.multipliedReportingOverflow(by: newBytes)
            let (total, o2) = grow.addingReportingOverflow(s.value.utf8.count)
            if o1 || o2 { throw overflowLimit(context) }
            if newBytes == 0 { return .str(s) }
            try context.reserve(bytes: total)
            var out = ""
            out.reserveCapacity(total)
            var done = 0
            for c in s.value.unicodeScalars {
                if done < insertions {
                    out += new.value
                    done += 1
                }
                out.unicodeScalars.append(c)
            }
            if done < insertions { out += new.value }
            return .str(PyString(out))
        }
        let found = StrSearch.occurrences(old, in: s, limit: maxCount)
        if found.isEmpty { return .str(s) }
        let (grow, o1) = found.count.multipliedReportingOverflow(by: newBytes - oldBytes)
        let (total, o2) = s.value.utf8.count.addingReportingOverflow(grow)
        if o1 || o2 { throw overflowLimit(context) }
        try context.reserve(bytes: total)
        var out = ""
        out.reserveCapacity(total)
        var start = 0
        s.bytes { h in
            for at in found {
                out += String(decoding: UnsafeBufferPointer(rebasing: h[start..<at]), as: UTF8.self)
                out += new.value
                start = at + oldBytes
            }
            out += String(decoding: UnsafeBufferPointer(rebasing: h[start..<h.count]), as: UTF8.self)
        }
        return .str(PyString(out))
    }

    static func pad(_ s: PyString, width: Int, fill: String, align: String,
                    _ context: ExecutionContext) throws(ExecutionError) -> PyString {
        let length = s.count
        if width <= length { return s }
        let margin = width - length
        let (padBytes, overflow) = margin.multipliedReportingOverflow(by: fill.utf8.count)
        if overflow { throw overflowLimit(context) }
        try context.reserve(bytes: padBytes + s.value.utf8.count)
        let left: Int
        switch align {
        case "ljust": left = 0
        case "rjust": left = margin
        default: left = margin / 2 + (margin & width & 1)
        }
        var out = String(repeating: fill, count: left)
        out.reserveCapacity(padBytes + s.value.utf8.count)
        out += s.value
        out += String(repeating: fill, count: margin - left)
        return PyString(out)
    }

    static func zfill(_ s: PyString, width: Int, _ context: ExecutionContext) throws(ExecutionError) -> PyString {
        let length = s.count
        if width <= length { return s }
        let fill = width - length
        try context.reserve(bytes: fill + s.value.utf8.count)
        let text = s.value
        if let first = text.utf8.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            return PyString(String(UnicodeScalar(first)) + String(repeating: "0", count: fill) + text.dropFirst())
        }
        return PyString(String(repeating: "0", count: fill) + text)
    }

    static func expandTabs(_ s: PyString, tabSize: Int, _ context: ExecutionContext) throws(ExecutionError) -> String {
        if !s.value.utf8.contains(UInt8(ascii: "\t")) { return s.value }
        // First pass: the output size, as CPython computes it, with its overflow check.
        var total = 0
        var column = 0
        for c in s.value.unicodeScalars {
            if c == "\t" {
                if tabSize > 0 {
                    let increment = tabSize - column % tabSize
                    if column > Int.max - increment { throw .exception(.overflowError("new string is too long")) }
                    column += increment
                }
            } else {
                if column > Int.max - 1 { throw .exception(.overflowError("new string is too long")) }
                column += 1
                if c == "\n" || c == "\r" {
                    if total > Int.max - column { throw .exception(.overflowError("new string is too long")) }
                    total += column
                    column = 0
                }
            }
        }
        if total > Int.max - column { throw .exception(.overflowError("new string is too long")) }
        try context.reserve(bytes: total + column + s.value.utf8.count)
        var out = String.UnicodeScalarView()
        column = 0
        for c in s.value.unicodeScalars {
            if c == "\t" {
                if tabSize > 0 {
                    let increment = tabSize - column % tabSize
                    column += increment
                    out.append(contentsOf: repeatElement(" " as Unicode.Scalar, count: increment))
                }
            } else {
                column += 1
                out.append(c)
                if c == "\n" || c == "\r" { column = 0 }
            }
        }
        return String(out)
    }

    static func formatMap(_ s: PyString, _ mapping: Value, _ context: ExecutionContext) throws(ExecutionError) -> String {
        guard case .dict(let d) = mapping else {
            throw .exception(.typeError("'\(mapping.typeName)' object is not subscriptable"))
        }
        var values: [Value] = [.str(s)]
        var names: [String] = []
        for (key, value) in d.storage {
            if case .str(let k) = key.value {
                names.append(k.value)
                values.append(value)
            }
        }
        return try Arguments.with(values, keywordNames: names) { (arguments) throws(ExecutionError) in
            try Formatting.strFormat(s.value, arguments, startIndex: 1, context)
        }
    }

    /// `str.translate(table)`: each character looked up by code point; missing ones are kept.
    static func translate(_ s: PyString, _ table: Value, _ context: ExecutionContext) throws(ExecutionError) -> String {
        try context.tick(s.count)
        var out = String.UnicodeScalarView()
        var cache: [UInt32: String?] = [:]
        var produced = 0
        var charged = 0
        for c in s.value.unicodeScalars {
            let text: String?
            if let known = cache[c.value] {
                text = known
            } else {
                text = try translation(of: c, in: table, context)
                cache[c.value] = .some(text)
            }
            guard let text else { continue }
            out.append(contentsOf: text.unicodeScalars)
            produced += text.utf8.count
            if produced - charged >= 1 << 20 {
                try context.reserve(bytes: produced - charged)
                charged = produced
            }
        }
        return String(out)
    }

    /// What `table` maps one character to: text, nil to delete it, or the character itself when absent.
    static func translation(of c: Unicode.Scalar, in table: Value, _ context: ExecutionContext) throws(ExecutionError) -> String? {
        let mapped: Value
        do throws(ExecutionError) {
            mapped = try Containers.getItem(table, .int(Int(c.value)), context)
        } catch .exception(let e) where e.type.isSubtype(of: .lookupError) {
            return String(c)
        }
        switch mapped {
        case .none: return nil
        case .str(let r): return r.value
        case .int(let code):
            guard code >= 0 && code < 0x110000, let scalar = Unicode.Scalar(UInt32(code)) else {
                throw .exception(.valueError("character mapping must be in range(0x110000)"))
            }
            return String(scalar)
        default:
            throw .exception(.typeError("character mapping must return integer, None or str"))
        }
    }
}

extension PyString {
    /// Code points for scans that look at neighbours: the cached array for non-ASCII text, and for
    /// ASCII text the bytes widened to scalars (cheap, and it keeps `substring(_:)` offsets exact).
    var scalarsForScan: [Unicode.Scalar] {
        if isASCII { return value.utf8.map { Unicode.Scalar($0) } }
        return scalars
    }
}
