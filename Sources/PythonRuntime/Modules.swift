/// The modules a program can import.
public enum Modules {
    /// The module named `name`, if sal provides it (`math`, ...).
    public static func module(named name: String) -> PyModule? {
        switch name {
        case "math": MathModule.module
        case "statistics": StatisticsModule.module
        default: nil
        }
    }
}
