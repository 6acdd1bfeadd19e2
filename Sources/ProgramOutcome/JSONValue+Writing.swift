extension JSONValue {
    /// Compact JSON text with keys in order (one line; suitable for JSONL).
    public var serialized: String {
        var out = ""
        write(to: &out)
        return out
    }

    public func write(to out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .bigInteger(let digits): out += digits
        case .double(let d):
            if d.isFinite {
                if d == d.rounded(), abs(d) < 1e16 {
                    out += String(Int(d)) + ".0"
                } else {
                    out += "\(d)"
                }
            } else {
                out += "null"
            }
        case .string(let s): Self.writeString(s, to: &out)
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += ", " }
                item.write(to: &out)
            }
            out += "]"
        case .object(let pairs):
            out += "{"
            for (i, (key, value)) in pairs.enumerated() {
                if i > 0 { out += ", " }
                Self.writeString(key, to: &out)
                out += ": "
                value.write(to: &out)
            }
            out += "}"
        }
    }

    static func writeString(_ s: String, to out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
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
