import Testing

@testable import GleanerDaemon

@Suite("The configuration file")
struct ConfigurationTests {
    @Test("Every key is read, with units for sizes and durations")
    func allKeys() {
        var configuration = Configuration()
        let errors = configuration.apply(
            fileContents: """
                # comment
                ; another comment
                [Gleaner]
                Inbox = /srv/in/
                Processed=/srv/done
                Failed=/srv/bad
                Database=/srv/db.sqlite
                AfterIngest=delete
                MaxFileSize=512K
                RescanInterval=2min
                SettleTime=500ms
                BatchMaxFiles=64
                BatchMaxDelay=20ms
                RetryMaxDelay=1h
                LogLevel=debug
                ShingleSize=4
                Permutations=64
                NearDuplicateThreshold=0.85
                ContainmentThreshold=0.95
                RetainDays=30
                """,
            file: "test.conf"
        )
        #expect(errors.isEmpty)
        #expect(configuration.inbox == "/srv/in")
        #expect(configuration.afterIngest == .delete)
        #expect(configuration.maxFileSize == 512 * 1024)
        #expect(configuration.rescanInterval == 120)
        #expect(configuration.settleTime == 0.5)
        #expect(configuration.batchMaxFiles == 64)
        #expect(configuration.batchMaxDelay == 0.02)
        #expect(configuration.retryMaxDelay == 3_600)
        #expect(configuration.logLevel == "debug")
        #expect(configuration.dedupParameters.shingleSize == 4)
        #expect(configuration.dedupParameters.permutations == 64)
        #expect(configuration.dedupParameters.threshold == 0.85)
        #expect(configuration.dedupParameters.containmentThreshold == 0.95)
        #expect(configuration.retainDays == 30)
    }

    @Test("Processed and Failed that are not set follow the inbox; set ones stay where they are put")
    func spoolFollowsInbox() {
        let defaults = Configuration()
        #expect(defaults.processed == "/var/spool/gleaner/processed")
        #expect(defaults.failed == "/var/spool/gleaner/failed")

        var inboxOnly = Configuration()
        #expect(inboxOnly.apply(fileContents: "Inbox=/srv/try/inbox", file: "x.conf").isEmpty)
        #expect(inboxOnly.processed == "/srv/try/processed")
        #expect(inboxOnly.failed == "/srv/try/failed")
        #expect(inboxOnly.processedFollowsInbox && inboxOnly.failedFollowsInbox)
        #expect(inboxOnly.summary.contains("Processed=/srv/try/processed (beside the inbox)"))

        // Order in the file does not matter: a Processed= line before Inbox= is kept.
        var both = Configuration()
        #expect(both.apply(fileContents: "Processed=/srv/done\nInbox=/srv/in", file: "x.conf").isEmpty)
        #expect(both.processed == "/srv/done")
        #expect(both.failed == "/srv/failed")
        #expect(!both.processedFollowsInbox && both.failedFollowsInbox)

        var root = Configuration()
        root.inbox = "/inbox"
        #expect(root.processed == "/processed")
    }

    @Test(
        "Near-duplicate settings are range-checked",
        arguments: ["Permutations=100", "NearDuplicateThreshold=1.5", "ShingleSize=0", "RetainDays=-1"]
    )
    func dedupRanges(line: String) {
        var configuration = Configuration()
        #expect(configuration.apply(fileContents: line, file: "x.conf").count == 1)
    }

    @Test("Every bad line is reported with its number and what to write instead")
    func errors() {
        var configuration = Configuration()
        let errors = configuration.apply(
            fileContents:
                "Inbox=relative/path\nmaxfilesize=1M\nRescanInterval=0\nno equals sign\n[Other]\nAfterIngest=keep\n",
            file: "bad.conf"
        )
        #expect(errors.map(\.line) == [1, 2, 3, 4, 5, 6])
        #expect(errors[0].description == "bad.conf:1: Inbox=relative/path: expected an absolute path")
        #expect(errors[1].message.contains("did you mean MaxFileSize?"))
        #expect(errors[2].message.contains("at least 1"))
        #expect(errors[3].message.contains("expected Key=Value"))
        #expect(errors[4].message.contains("unknown section"))
        #expect(errors[5].message.contains("expected move or delete"))
        // Nothing was half-applied from the bad values.
        #expect(configuration.inbox == Configuration().inbox)
    }

    @Test("The shipped gleaner.conf parses and states the defaults")
    func shippedFile() throws {
        let configuration = try Configuration.load(path: Self.shippedConfiguration, required: true)
        #expect(configuration == Configuration())
    }

    static let shippedConfiguration = String(
        #filePath.prefix(upTo: #filePath.range(of: "/Tests/")!.lowerBound) + "/etc/gleaner/gleaner.conf"
    )
}
