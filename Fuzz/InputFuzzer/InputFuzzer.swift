#if SAL_LIBFUZZER
/// libFuzzer's entry point, compiled in by `Scripts/fuzz.sh inputs`
/// (`--sanitize=fuzzer -Xswiftc -DSAL_LIBFUZZER`): libFuzzer supplies `main`, mutates the inputs and
/// keeps those that reach new code.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    InputExercise.exercise(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}
#else
import FuzzReplay

/// Without the fuzzer runtime the target replays inputs (`FuzzReplay`).
@main
enum InputFuzzerReplay {
    static func main() {
        FuzzReplay.run(CommandLine.arguments, exercise: InputExercise.exercise)
    }
}
#endif
