/// The module namespace of one program run: one slot per name in the program's global name table.
///
/// A slot holds `.unbound` until assigned; reading an unbound slot falls back to the builtins (and the
/// embedder's host functions), then raises `NameError`.
final class Globals {
    let names: GlobalNameTable
    var slots: [Value]
    /// True for the prelude's namespace, which can also name the prelude-only natives.
    var isPrelude = false

    init(names: GlobalNameTable) {
        self.names = names
        slots = Array(repeating: .unbound, count: names.names.count)
    }

    /// The bound value of global `name`, if any.
    func value(named name: String) -> Value? {
        guard let i = names.lookup(name), Int(i) < slots.count else { return nil }
        if case .unbound = slots[Int(i)] { return nil }
        return slots[Int(i)]
    }
}
