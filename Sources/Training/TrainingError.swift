/// Why training could not start or resume (bad input data or a checkpoint that does not fit).
public enum TrainingError: Error, Equatable, CustomStringConvertible {
    case noSupervisedTokens
    case invalidConfiguration(String)
    case checkpointMismatch(String)
    case malformedCheckpoint(String)
    case malformedSupervision(line: Int, reason: String)

    public var description: String {
        switch self {
        case .noSupervisedTokens: "no training example has a supervised (assistant) token"
        case let .invalidConfiguration(what): "invalid training configuration: \(what)"
        case let .checkpointMismatch(what): "the checkpoint does not fit this run: \(what)"
        case let .malformedCheckpoint(what): "malformed checkpoint: \(what)"
        case let .malformedSupervision(line, reason): "supervision line \(line): \(reason)"
        }
    }
}
