/// The module namespace of one program run: one slot per name in the program's global name table.
///
/// A slot holds `.unbound` until assigned; reading an unbound slot falls back to the builtins (and the
/// embedder's host functions), then raises `NameError`. The slots are a fixed buffer owned by this
/// object rather than an array: a global store in a loop then costs no uniqueness check or bounds check
/// (an array held by a class is checked on every write). The trap: the count is fixed at creation, so a
/// name added to the table later has no slot (callers compare the index with `slots.count`).
final class Globals {
    let names: GlobalNameTable
    let slots: UnsafeMutableBufferPointer<Value>
    /// True for the prelude's namespace, which can also name the prelude-only natives.
    var isPrelude = false

    init(names: GlobalNameTable) {
        self.names = names
        slots = .allocate(capacity: names.names.count)
        slots.initialize(repeating: .unbound)
    }

    deinit {
        slots.baseAddress?.deinitialize(count: slots.count)
        slots.deallocate()
    }

    /// The bound value of global `name`, if any.
    func value(named name: String) -> Value? {
        guard let i = names.lookup(name), Int(i) < slots.count else { return nil }
        if case .unbound = slots[Int(i)] { return nil }
        return slots[Int(i)]
    }
}
