/// Answers helper calls from an `OracleStore` only: offline, deterministic, no model.
///
/// A call with no record is `.miss("not recorded: <key>")`, never a default value; a recorded answer of
/// the wrong type for its helper is a miss too. Numeric `compare` calls are answered locally.
public struct ReplayOracle: OracleBackend {
    public let store: OracleStore

    public init(store: OracleStore) {
        self.store = store
    }

    public func answer(_ calls: [HelperCall]) async -> [HelperAnswer] {
        let needed = calls.filter { $0.localAnswer == nil }.map(\.key)
        let recorded: [String: OracleRecord]
        do {
            recorded = try store.answers(forKeys: needed)
        } catch {
            return calls.map { $0.localAnswer ?? .miss("oracle store unreadable: \(error)") }
        }
        return calls.map { call in
            if let local = call.localAnswer { return local }
            guard let record = recorded[call.key] else { return .miss("not recorded: \(call.key)") }
            guard let helper = call.helper, helper.accepts(record.answer) else {
                return .miss("recorded answer \(record.answer.serialized) is not a valid \(call.function) answer")
            }
            return .value(record.answer)
        }
    }
}
