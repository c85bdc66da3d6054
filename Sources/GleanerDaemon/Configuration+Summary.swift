extension Configuration {
    /// The settings in effect as (key, value) pairs, keys as written in the configuration file, in the order
    /// they are documented.
    public var settings: [(key: String, value: String)] {
        [
            ("Inbox", inbox), ("Processed", processed), ("Failed", failed), ("Database", database),
            ("AfterIngest", afterIngest.rawValue), ("MaxFileSize", "\(maxFileSize)"),
            ("RescanInterval", "\(rescanInterval)s"), ("SettleTime", "\(settleTime)s"),
            ("BatchMaxFiles", "\(batchMaxFiles)"), ("BatchMaxDelay", "\(batchMaxDelay)s"),
            ("RetryMaxDelay", "\(retryMaxDelay)s"), ("LogLevel", logLevel), ("ShingleSize", "\(shingleSize)"),
            ("Permutations", "\(permutations)"), ("NearDuplicateThreshold", "\(nearDuplicateThreshold)"),
            ("ContainmentThreshold", "\(containmentThreshold)"), ("RetainDays", "\(retainDays)"),
            ("LexiconDir", lexiconDirectory ?? ""),
        ]
    }

    /// `Key=Value` pairs of the configuration in effect, for the start-up and reload log lines. `Processed`
    /// and `Failed` that follow the inbox say so.
    public var summary: String {
        settings.map { key, value in
            let follows = (key == "Processed" && processedFollowsInbox) || (key == "Failed" && failedFollowsInbox)
            return "\(key)=\(value)" + (follows ? " (beside the inbox)" : "")
        }.joined(separator: " ")
    }
}
