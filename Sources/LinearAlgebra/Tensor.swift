/// A contiguous, row-major buffer of `Float` with a shape; the storage every kernel reads and writes.
/// It is a class on purpose: passing it around never copies, and `data` stays valid for its lifetime,
/// so hot loops work on raw pointers. The trap: two references share one buffer; call `copy()` to fork.
public final class Tensor {
    /// The dimensions, outermost first (row-major, like PyTorch).
    public let shape: [Int]
    /// The number of elements: the product of `shape`.
    public let count: Int
    /// The first element; 64-byte aligned, valid until the tensor is released.
    public let data: UnsafeMutablePointer<Float>

    /// A zero-filled tensor of the given shape.
    public init(shape: [Int]) {
        precondition(shape.allSatisfy { $0 >= 0 }, "negative dimension in \(shape)")
        self.shape = shape
        self.count = shape.reduce(1, *)
        let raw = UnsafeMutableRawPointer.allocate(byteCount: max(count, 1) * MemoryLayout<Float>.stride,
                                                   alignment: 64)
        self.data = raw.bindMemory(to: Float.self, capacity: max(count, 1))
        data.initialize(repeating: 0, count: max(count, 1))
    }

    /// A tensor holding `values` (row-major) under `shape`.
    public convenience init(shape: [Int], values: [Float]) {
        self.init(shape: shape)
        precondition(values.count == count, "\(values.count) values for shape \(shape)")
        values.withUnsafeBufferPointer { source in
            if let base = source.baseAddress { data.update(from: base, count: count) }
        }
    }

    deinit {
        UnsafeMutableRawPointer(data).deallocate()
    }

    /// The elements as a buffer pointer (no copy).
    public var buffer: UnsafeMutableBufferPointer<Float> {
        UnsafeMutableBufferPointer(start: data, count: count)
    }

    /// Element `index` of the flat, row-major storage.
    public subscript(index: Int) -> Float {
        get {
            precondition(index >= 0 && index < count, "index \(index) out of range for \(shape)")
            return data[index]
        }
        set {
            precondition(index >= 0 && index < count, "index \(index) out of range for \(shape)")
            data[index] = newValue
        }
    }

    /// The element at row `row`, column `column` of a 2-D tensor.
    public subscript(row: Int, column: Int) -> Float {
        get {
            precondition(shape.count == 2 && row < shape[0] && column < shape[1], "bad index for \(shape)")
            return data[row * shape[1] + column]
        }
        set {
            precondition(shape.count == 2 && row < shape[0] && column < shape[1], "bad index for \(shape)")
            data[row * shape[1] + column] = newValue
        }
    }

    /// The number of rows when viewed as a matrix: the first dimension, or 1 for a vector or scalar.
    public var rowCount: Int { shape.count >= 2 ? shape[0] : 1 }

    /// The number of columns when viewed as a matrix: the product of every dimension after the first.
    public var columnCount: Int { shape.count >= 2 ? shape.dropFirst().reduce(1, *) : count }

    /// A pointer to the first element of `row` when viewed as a matrix.
    public func row(_ row: Int) -> UnsafeMutablePointer<Float> {
        precondition(row >= 0 && row <= rowCount, "row \(row) out of range for \(shape)")
        return data + row * columnCount
    }

    /// The elements as an array (a copy).
    public func toArray() -> [Float] {
        Array(UnsafeBufferPointer(start: data, count: count))
    }

    /// An independent tensor with the same shape and elements.
    public func copy() -> Tensor {
        let result = Tensor(shape: shape)
        result.data.update(from: data, count: count)
        return result
    }

    /// Sets every element to `value`.
    public func fill(_ value: Float) {
        data.update(repeating: value, count: count)
    }

    /// Copies the elements of `other`, which must have the same element count.
    public func copyElements(from other: Tensor) {
        precondition(other.count == count, "copying \(other.shape) into \(shape)")
        data.update(from: other.data, count: count)
    }
}

extension Tensor {
    /// A tensor of independent uniform draws in [-bound, bound).
    public static func uniform(shape: [Int], bound: Float, using generator: inout SeededGenerator) -> Tensor {
        let tensor = Tensor(shape: shape)
        for index in 0..<tensor.count {
            tensor.data[index] = (generator.nextUnitFloat() * 2 - 1) * bound
        }
        return tensor
    }

    /// A tensor of independent normal draws with the given standard deviation.
    public static func normal(shape: [Int], standardDeviation: Float,
                              using generator: inout SeededGenerator) -> Tensor {
        let tensor = Tensor(shape: shape)
        for index in 0..<tensor.count {
            tensor.data[index] = generator.nextNormal() * standardDeviation
        }
        return tensor
    }

    /// The largest absolute elementwise difference to `other` (same element count).
    public func maxAbsoluteDifference(to other: Tensor) -> Float {
        precondition(other.count == count, "comparing \(other.shape) with \(shape)")
        var worst: Float = 0
        for index in 0..<count { worst = max(worst, abs(data[index] - other.data[index])) }
        return worst
    }
}
