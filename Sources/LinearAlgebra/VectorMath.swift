import Foundation

/// Vectorized elementwise math for the softmax and SwiGLU loops, 8 lanes at a time with a scalar tail.
/// `exp` is a Cephes-style polynomial (about 1 ulp on the range that matters); inputs below -87.3
/// give ~1e-38 rather than 0, which no softmax sum notices.
public enum VectorMath {
    public typealias Vector = SIMD8<Float>

    /// e^x lane by lane.
    @inline(__always)
    public static func exp(_ input: Vector) -> Vector {
        var x = input
        x.replace(with: -87.33654, where: x .< -87.33654)
        x.replace(with: 88.72283, where: x .> 88.72283)
        // Adding 1.5·2²³ rounds x·log2(e) to an integer n that also sits in the low mantissa bits.
        let shifter = Vector(repeating: 12_582_912)
        let shifted = x * 1.442_695_04 + shifter
        let n = shifted - shifter
        let r = x - n * 0.693_359_375 - n * -2.121_944_4e-4
        var p = Vector(repeating: 1.987_569_15e-4)
        p = p * r + 1.398_199_95e-3
        p = p * r + 8.333_451_9e-3
        p = p * r + 4.166_579_59e-2
        p = p * r + 1.666_666_55e-1
        p = p * r + 5.000_000_1e-1
        let y = p * r * r + r + 1
        let integer = unsafeBitCast(shifted, to: SIMD8<Int32>.self) &- 0x4B40_0000
        let exponent = (integer &+ 127) &<< 23
        return y * unsafeBitCast(exponent, to: Vector.self)
    }

    @inline(__always)
    static func load(_ pointer: UnsafePointer<Float>) -> Vector {
        UnsafeRawPointer(pointer).loadUnaligned(as: Vector.self)
    }

    @inline(__always)
    static func store(_ value: Vector, _ pointer: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(pointer).storeBytes(of: value, as: Vector.self)
    }

    /// The largest of `count` values (-infinity when empty).
    public static func maximum(_ x: UnsafePointer<Float>, count: Int) -> Float {
        var lanes = Vector(repeating: -.infinity)
        var index = 0
        while index + 8 <= count {
            let values = load(x + index)
            lanes.replace(with: values, where: values .> lanes)
            index += 8
        }
        var result = lanes.max()
        while index < count {
            result = max(result, x[index])
            index += 1
        }
        return result
    }

    /// x[i] = e^(x[i] − shift) for `count` values; returns their sum.
    public static func exponentiate(_ x: UnsafeMutablePointer<Float>, count: Int, subtracting shift: Float) -> Float {
        var sums = Vector()
        var index = 0
        while index + 8 <= count {
            let value = exp(load(x + index) - shift)
            store(value, x + index)
            sums += value
            index += 8
        }
        var sum = sums.sum()
        while index < count {
            let value = Foundation.exp(x[index] - shift)
            x[index] = value
            sum += value
            index += 1
        }
        return sum
    }

    /// x[i] *= factor for `count` values.
    public static func scale(_ x: UnsafeMutablePointer<Float>, count: Int, by factor: Float) {
        var index = 0
        while index + 8 <= count {
            store(load(x + index) * factor, x + index)
            index += 8
        }
        while index < count {
            x[index] *= factor
            index += 1
        }
    }

    /// out[i] = silu(gate[i]) · up[i], silu(g) = g / (1 + e^−g). `out` may alias `gate`.
    public static func siluProduct(gate: UnsafePointer<Float>, up: UnsafePointer<Float>,
                                   out: UnsafeMutablePointer<Float>, count: Int) {
        var index = 0
        while index + 8 <= count {
            let g = load(gate + index)
            store(g / (1 + exp(-g)) * load(up + index), out + index)
            index += 8
        }
        while index < count {
            let g = gate[index]
            out[index] = g / (1 + Foundation.exp(-g)) * up[index]
            index += 1
        }
    }

    /// The backward of `siluProduct`: dUp = dOut · silu(g); dGate = dOut · up · σ(g) · (1 + g · (1 − σ(g))).
    public static func siluProductBackward(outputGradient: UnsafePointer<Float>, gate: UnsafePointer<Float>,
                                           up: UnsafePointer<Float>, gateGradient: UnsafeMutablePointer<Float>,
                                           upGradient: UnsafeMutablePointer<Float>, count: Int) {
        var index = 0
        while index + 8 <= count {
            let g = load(gate + index), dh = load(outputGradient + index)
            let sigmoid = 1 / (1 + exp(-g))
            store(dh * g * sigmoid, upGradient + index)
            store(dh * load(up + index) * sigmoid * (1 + g * (1 - sigmoid)), gateGradient + index)
            index += 8
        }
        while index < count {
            let g = gate[index], dh = outputGradient[index]
            let sigmoid = 1 / (1 + Foundation.exp(-g))
            upGradient[index] = dh * g * sigmoid
            gateGradient[index] = dh * up[index] * sigmoid * (1 + g * (1 - sigmoid))
            index += 1
        }
    }
}
