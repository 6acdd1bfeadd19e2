extension JSONValue {
    /// Compact JSON text with keys in order (one line; suitable for JSONL).
    public var serialized: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(64)
        write(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the compact JSON text to `out`.
    public func write(to out: inout String) {
        out += serialized
    }

    /// Appends the compact JSON text as UTF-8 bytes: the form output files are built in.
    ///
    /// Strings are copied in runs of bytes that need no escape (every byte of a multi-byte UTF-8
    /// sequence is ≥ 0x80, so a byte-level scan escapes exactly the characters a per-scalar one would).
    public func write(to out: inout [UInt8]) {
        switch self {
        case .null: Self.append("null", to: &out)
        case .bool(let b): Self.append(b ? "true" : "false", to: &out)
        case .int(let i): Self.append(String(i), to: &out)
        case .bigInteger(let digits): Self.append(digits, to: &out)
        case .double(let d):
            if d.isFinite {
                if d == d.rounded(), abs(d) < 1e16 {
                    Self.append(String(Int(d)), to: &out)
                    out.append(UInt8(ascii: "."))
                    out.append(UInt8(ascii: "0"))
                } else {
                    Self.append(d.description, to: &out)
                }
            } else {
                Self.append("null", to: &out)
            }
        case .string(let s): Self.writeString(s, to: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")); out.append(UInt8(ascii: " ")) }
                item.write(to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let pairs):
            out.append(UInt8(ascii: "{"))
            for (i, (key, value)) in pairs.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")); out.append(UInt8(ascii: " ")) }
                Self.writeString(key, to: &out)
                out.append(UInt8(ascii: ":"))
                out.append(UInt8(ascii: " "))
                value.write(to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    static func append(_ text: String, to out: inout [UInt8]) {
        out.append(contentsOf: text.utf8)
    }

    static func writeString(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = s
        text.withUTF8 { bytes in
            var runStart = 0
            for (i, byte) in bytes.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
                runStart = i + 1
                out.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(byte)
                case UInt8(ascii: "\n"): out.append(UInt8(ascii: "n"))
                case UInt8(ascii: "\r"): out.append(UInt8(ascii: "r"))
                case UInt8(ascii: "\t"): out.append(UInt8(ascii: "t"))
                default:
                    let hexDigits: StaticString = "0123456789abcdef"
                    out.append(UInt8(ascii: "u"))
                    out.append(UInt8(ascii: "0"))
                    out.append(UInt8(ascii: "0"))
                    out.append(hexDigits.utf8Start[Int(byte >> 4)])
                    out.append(hexDigits.utf8Start[Int(byte & 0x0F)])
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        }
        out.append(UInt8(ascii: "\""))
    }
}

extension Outcome {
    /// The `sal exec` output record for this outcome, with the given `id` first.
    public func record(id: JSONValue) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("id", id), ("status", .string(status.rawValue))]
        pairs.append(("answer", answer ?? .null))
        pairs.append(("answer_repr", answerRepr.map(JSONValue.string) ?? .null))
        pairs.append(("answer_type", answerType.map(JSONValue.string) ?? .null))
        pairs.append(("stdout", .string(stdout)))
        if let error {
            pairs.append(("error", .object([
                ("type", .string(error.type)), ("message", .string(error.message)),
                ("line", error.line.map(JSONValue.int) ?? .null), ("column", error.column.map(JSONValue.int) ?? .null),
            ])))
        } else {
            pairs.append(("error", .null))
        }
        return .object(pairs)
    }
}
