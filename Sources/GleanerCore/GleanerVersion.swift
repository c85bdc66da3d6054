/// The version of Gleaner, printed by `gleaner --version` and in the start-up log line.
public enum GleanerVersion {
    public static let current = "0.1.0"
}
