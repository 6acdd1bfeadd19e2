/// A generator object (from a generator expression): a suspended frame the VM resumes on each `next`.
///
/// Its registers live here while it is suspended and on the VM stack while it runs. Natives cannot
/// advance it (`isNative` is false): builtins that receive one are routed to the prelude.
final class PyGenerator: PyIterator {
    enum State { case created, suspended, running, finished }

    let function: PyFunction
    var registers: [Value]
    var cells: [Cell]
    var pc: Int = 0
    var state: State = .created

    init(function: PyFunction, registers: [Value], cells: [Cell]) {
        self.function = function
        self.registers = registers
        self.cells = cells
    }

    override var typeName: String { "generator" }
    override var isNative: Bool { false }

    override func next(_ context: ExecutionContext) throws(ExecutionError) -> Value? {
        preconditionFailure("generators are advanced by the VM, never by natives")
    }
}

/// Iterates a range without allocating per element.
final class RangeIterator: PyIterator {
    var current: Int
    let step: Int
    var remaining: Int

    init(_ range: PyRange) {
        current = range.start
        step = range.step
        remaining = range.count
    }

    override var typeName: String { "range_iterator" }

    override func next(_ context: ExecutionContext) throws(ExecutionError) -> Value? {
        guard remaining > 0 else { return nil }
        let v = current
        current &+= step
        remaining -= 1
        return .int(v)
    }
}

/// Iterates a list by index, so appends made during the loop are seen (as in CPython).
final class ListIterator: PyIterator {
    let list: PyList
    var index = 0

    init(_ list: PyList) { self.list = list }

    override var typeName: String { "list_iterator" }

    override func next(_ context: ExecutionContext) throws(ExecutionError) -> Value? {
        guard index < list.items.count else { return nil }
        index += 1
        return list.items[index - 1]
    }
}

/// Iterates a tuple.
final class TupleIterator: PyIterator {
    let items: [Value]
    var index = 0

    init(_ items: [Value]) { self.items = items }

    override var typeName: String { "tuple_iterator" }

    override func next(_ context: ExecutionContext) throws(ExecutionError) -> Value? {
        guard index < items.count else { return nil }
        index += 1
        return items[index - 1]
    }
}
