import Foundation
import GleanerStore

#if canImport(Glibc)
import Glibc
#endif

/// A mount the daemon makes in its own private mount namespace before it starts, so a test can fill a
/// filesystem up or make it read-only without touching the machine's own mounts.
struct PrivateMount {
    enum Kind {
        /// A fresh tmpfs with this `size=` option (`4m`).
        case tmpfs(size: String)
        /// The directory itself, bound read-only over itself.
        case readOnly
        /// An ext4 image (``makeExt4Image(_:megabytes:)``) on a loop device, with `errors=remount-ro`, so that
        /// ``triggerFilesystemError(_:)`` makes the kernel turn it read-only under open files, as after a
        /// disk error.
        case ext4Image(String)
    }

    /// Where it is mounted, as the daemon names it.
    var directory: String
    var kind: Kind

    /// The shell commands that make the mount at `"$N"`.
    func script(_ argument: String) -> String {
        switch kind {
        case .tmpfs(let size):
            "mkdir -p \(argument) && mount -t tmpfs -o size=\(size),mode=0755 gleaner-test \(argument)"
        case .readOnly:
            "mount --bind \(argument) \(argument) && mount -o remount,bind,ro \(argument)"
        case .ext4Image(let image):
            "mkdir -p \(argument) && mount -o loop,errors=remount-ro '\(image)' \(argument)"
        }
    }
}

extension DaemonHarness {
    /// Whether this process may mount filesystems in a private mount namespace (root, with `unshare` and
    /// `nsenter` installed), as CI does.
    static let canMount: Bool =
        getuid() == 0 && access("/usr/bin/unshare", X_OK) == 0 && access("/usr/bin/nsenter", X_OK) == 0

    /// Whether ext4 images can be made and loop-mounted here (root, `mkfs.ext4`, loop devices).
    static let canMountExt4Image: Bool =
        canMount && access("/sbin/mkfs.ext4", X_OK) == 0 && access("/dev/loop-control", F_OK) == 0

    /// Makes an empty ext4 filesystem image of `megabytes` at `path`.
    func makeExt4Image(_ path: String, megabytes: Int) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil), truncate(path, off_t(megabytes << 20)) == 0
        else { throw HarnessError("cannot create \(path)") }
        let mkfs = Process()
        mkfs.executableURL = URL(fileURLWithPath: "/sbin/mkfs.ext4")
        mkfs.arguments = ["-q", "-F", path]
        try mkfs.run()
        mkfs.waitUntilExit()
        guard mkfs.terminationStatus == 0 else { throw HarnessError("mkfs.ext4 \(path) failed") }
    }

    /// Makes the kernel record an error on the ext4 filesystem mounted at `mount` (its `trigger_fs_error` knob),
    /// which `errors=remount-ro` answers by turning it read-only at once, open files and all.
    func triggerFilesystemError(_ mount: PrivateMount) throws {
        let script = "echo 1 > /sys/fs/ext4/$(basename \"$(findmnt -no SOURCE \"$1\")\")/trigger_fs_error"
        let status = try inDaemonMountNamespace(["/bin/sh", "-c", script, "sh", mount.directory])
        guard status == 0 else { throw HarnessError("cannot trigger an error on \(mount.directory)") }
    }

    /// Makes `mounts` in a new private mount namespace, held by a sleeping process, and starts the daemon in it.
    /// While it lives, the test reaches the daemon's files through ``view`` (`/proc/PID/root` of the holder)
    /// and its database through ``countsInMountNamespace()`` and ``copyDatabaseOut()`` (SQLite resolves the
    /// `/proc/PID/root` link, so it cannot open the database through it).
    func startWithPrivateMounts(_ mounts: [PrivateMount], environment: [String: String] = [:]) throws {
        if mountNamespace == nil {
            var script = ""
            for (index, mount) in mounts.enumerated() { script += mount.script("\"$\(index + 1)\"") + " && " }
            script += "exec sleep 100000"
            let holder = Process()
            holder.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
            holder.arguments =
                ["--mount", "--propagation", "private", "--", "/bin/sh", "-c", script, "sh"] + mounts.map(\.directory)
            try holder.run()
            // Mounted once the shell has become `sleep`.
            let deadline = Date().addingTimeInterval(10)
            while holder.isRunning, Date() < deadline,
                (try? String(contentsOfFile: "/proc/\(holder.processIdentifier)/comm", encoding: .utf8))
                    != "sleep\n"
            {
                usleep(10_000)
            }
            guard holder.isRunning else { throw HarnessError("the mounts \(mounts.map(\.directory)) failed") }
            mountNamespace = holder
        }
        try start(environment: environment, launcher: nsenter)
    }

    /// The command prefix that runs a program in the test mounts' namespace.
    var nsenter: [String] {
        ["/usr/bin/nsenter", "--target", "\(mountNamespace?.processIdentifier ?? 0)", "--mount", "--"]
    }

    /// Runs `arguments` in the test mounts' namespace; returns the exit status.
    @discardableResult
    func inDaemonMountNamespace(_ arguments: [String]) throws -> Int32 {
        let process = Process()
        let command = nsenter + arguments
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// The database's counts, read by `gleaner status --json` in the test mounts' namespace.
    func countsInMountNamespace() throws -> StoreCounts {
        struct Status: Decodable {
            var articles: Int
            var duplicates: Int
            var failed: Int
            var rejectedLines: Int
            var files: Int
        }
        let result = try runGleaner(
            nsenter + [Self.binary, "status", "--config", configPath, "--json"],
            executable: nsenter[0]
        )
        guard result.status == 0 else { throw HarnessError("gleaner status: \(result.error)") }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let status = try decoder.decode(Status.self, from: Data(result.output.utf8))
        var counts = StoreCounts.zero
        counts.articles = status.articles
        counts.duplicates = status.duplicates
        counts.failedFiles = status.failed
        counts.rejectedLines = status.rejectedLines
        counts.files = status.files
        return counts
    }

    /// Copies the database files out of the test mounts (stop the daemon first) and opens the copy.
    func copyDatabaseOut() throws -> ArticleStore {
        let copy = root + "/database-copy"
        try FileManager.default.createDirectory(atPath: copy, withIntermediateDirectories: true)
        let source = databaseDirectory + "/gleaner.sqlite"
        let status = try inDaemonMountNamespace(["/bin/sh", "-c", "cp \"$1\"* \"$2\"/", "sh", source, copy])
        guard status == 0 else { throw HarnessError("cannot copy \(source) out of the test mounts") }
        return try ArticleStore(readingExisting: copy + "/gleaner.sqlite")
    }

    /// Ends the test mounts' namespace (the daemon must have exited): the test sees the files directly again.
    func leavePrivateMounts() {
        guard let holder = mountNamespace else { return }
        kill(holder.processIdentifier, SIGKILL)
        holder.waitUntilExit()
        mountNamespace = nil
    }

    /// Remounts a private mount read-only or read-write.
    func remount(_ mount: PrivateMount, readOnly: Bool) throws {
        let options = readOnly ? "remount,ro" : "remount,rw"
        let status = try inDaemonMountNamespace(["/bin/mount", "-o", options, mount.directory])
        guard status == 0 else { throw HarnessError("mount -o \(options) \(mount.directory) exited \(status)") }
    }

    /// Fills the filesystem holding `directory` (a path as the test sees it) with one file until a write fails
    /// with ENOSPC; returns the file's path (delete it to free the space).
    func fill(_ directory: String) throws -> String {
        let path = directory + "/filler"
        let descriptor = open(path, O_CREAT | O_WRONLY | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw HarnessError("open \(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var chunk = 1 << 16
        let zeros = [UInt8](repeating: 0, count: chunk)
        while chunk > 0 {
            let written = zeros.withUnsafeBytes { write(descriptor, $0.baseAddress, chunk) }
            if written < 0 {
                guard errno == ENOSPC else {
                    throw HarnessError("write \(path): \(String(cString: strerror(errno)))")
                }
                chunk /= 2
            } else if written < chunk {
                chunk = written
            }
        }
        return path
    }

    /// Writes `bytes` to `path` as a careless writer would, stopping at the first failed write; returns the
    /// errno of that failure, or 0 when everything was written.
    func writeUntilFailure(_ path: String, _ bytes: [UInt8]) -> Int32 {
        let descriptor = open(path, O_CREAT | O_WRONLY | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return errno }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + offset, bytes.count - offset) }
            if written < 0 { return errno }
            offset += written
        }
        return 0
    }
}
