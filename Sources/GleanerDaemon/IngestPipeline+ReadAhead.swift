import Dispatch
import GleanerStore
import Synchronization

extension IngestPipeline {
    /// Files taken from a directory in drop order, at most ``chunkSize`` of them read: the entries to prepare,
    /// and what became of the names that gave none.
    struct TakenChunk: Sendable {
        /// Every name the chunk consumed, in order: its entries' and the others'.
        var names: [String] = []
        /// Files read, and files rejected without reading.
        var entries: [(name: String, taken: Taken)] = []
        var vanished: [String] = []
        var directories: [String] = []
        var changing: [String] = []
        var transient: [(name: String, reason: String)] = []
    }

    /// Takes files of `names` from the first (lstat, open, read) until ``chunkSize`` are read or rejected.
    func takeChunk(_ names: ArraySlice<String>, in directory: String) -> TakenChunk {
        var chunk = TakenChunk()
        for name in names {
            guard chunk.entries.count < Self.chunkSize else { break }
            chunk.names.append(name)
            switch reader.take(name, in: directory) {
            case .read(let identity, let bytes):
                faults.reach(.afterRead)
                chunk.entries.append((name, .read(identity, bytes)))
            case .rejected(let identity, let rejection):
                chunk.entries.append((name, .item(.rejected(identity, sha256: nil, rejection))))
            case .vanished:
                chunk.vanished.append(name)
            case .directory:
                chunk.directories.append(name)
            case .changing:
                chunk.changing.append(name)
            case .transient(let reason):
                chunk.transient.append((name, reason))
            }
        }
        return chunk
    }

    /// The first chunk of the names a batch left untaken (its time budget spent), read and prepared on other
    /// cores while the batch's last chunk is stored, the batch committed and its files moved. The daemon starts
    /// its next batch with those names, and finds them ready: the store no longer waits for a batch's first
    /// chunk, nor the other cores for a batch's end.
    ///
    /// A chunk is used only by a batch that starts with its names, in its directory; else it is dropped. Its
    /// files were only read: they are still in the inbox, and taken again.
    final class ReadAhead: Sendable {
        struct Chunk: Sendable {
            var directory: String
            var taken: TakenChunk
            var prepared: PreparedChunk
            /// Left when `prepared` holds the chunk's items.
            var group: DispatchGroup
        }

        private let held = Mutex<Chunk?>(nil)

        func hold(_ chunk: Chunk) { held.withLock { $0 = chunk } }

        func drop() { held.withLock { $0 = nil } }

        /// The names of the chunk held, nil when none is.
        var heldNames: [String]? { held.withLock { $0?.taken.names } }

        /// The chunk held for a batch of `names` in `directory`, once its items are prepared; nil when none is
        /// held or the batch does not start with its names. Either way none is held afterwards.
        func take(for names: [String], in directory: String) -> (taken: TakenChunk, items: [IngestItem])? {
            guard
                let chunk = held.withLock({ held in
                    defer { held = nil }
                    return held
                }),
                chunk.directory == directory, names.starts(with: chunk.taken.names)
            else { return nil }
            chunk.group.wait()
            return (chunk.taken, chunk.prepared.items)
        }
    }
}

extension IngestPipeline.BatchReport {
    /// Adds what became of the names of a chunk that gave no file to store.
    mutating func add(_ chunk: IngestPipeline.TakenChunk) {
        vanished += chunk.vanished
        directories += chunk.directories
        changing += chunk.changing
        transient += chunk.transient
    }
}
