import Foundation
import RehearseCore

/// The real system calls, with one failure injected: the `step` of transcript save number `save`
/// (counted from 1, each save being one temporary file) fails with `code`; `persistent` makes every
/// later save under `onlyUnder` fail too. Keeps what each successful rename put in place, so a test
/// can check that the file on disk is the last good version.
final class FaultyDiskCalls: DiskCalls, @unchecked Sendable {
    enum Step: String, CaseIterable, Sendable { case create, write, fsync, rename }

    struct Fault: Sendable {
        var step: Step
        var code: Int32
        var save: Int
        var persistent = false
        var onlyUnder: String?
    }

    private let real = POSIXDiskCalls()
    private let lock = NSLock()
    var fault: Fault?
    private(set) var saves = 0
    private(set) var injected = 0
    /// What the last successful rename left at each path.
    private(set) var lastGood: [String: Data] = [:]
    private var temporaryDescriptor: Int32 = -1
    private var currentPath = ""
    private var folderDescriptors: [Int32: String] = [:]
    /// "rename <path>" and "fsync folder <path>", in order.
    private(set) var events: [String] = []

    init(_ fault: Fault? = nil) { self.fault = fault }

    private func fails(_ step: Step) -> Int32? {
        guard let fault, fault.step == step else { return nil }
        if let prefix = fault.onlyUnder, !currentPath.hasPrefix(prefix) { return nil }
        guard saves == fault.save || (fault.persistent && saves > fault.save) else { return nil }
        injected += 1
        return fault.code
    }

    func open(_ path: String, flags: Int32, mode: mode_t) -> Int32 {
        lock.withLock {
            if path.hasSuffix(".tmp"), path.contains(".json.") {
                saves += 1
                currentPath = path
                if let code = fails(.create) { return -code }
                temporaryDescriptor = real.open(path, flags: flags, mode: mode)
                return temporaryDescriptor
            }
            let descriptor = real.open(path, flags: flags, mode: mode)
            if flags & O_DIRECTORY != 0, descriptor >= 0 { folderDescriptors[descriptor] = path }
            return descriptor
        }
    }

    func write(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int {
        lock.withLock {
            if descriptor == temporaryDescriptor, let code = fails(.write) { return -Int(code) }
            return real.write(descriptor, bytes)
        }
    }

    func fsync(_ descriptor: Int32) -> Int32 {
        lock.withLock {
            if descriptor == temporaryDescriptor, let code = fails(.fsync) { return -code }
            if let folder = folderDescriptors[descriptor] { events.append("fsync folder \(folder)") }
            return real.fsync(descriptor)
        }
    }

    func close(_ descriptor: Int32) -> Int32 {
        lock.withLock {
            if descriptor == temporaryDescriptor { temporaryDescriptor = -1 }
            folderDescriptors[descriptor] = nil
            return real.close(descriptor)
        }
    }

    func rename(_ from: String, _ to: String) -> Int32 {
        lock.withLock {
            if from == currentPath, let code = fails(.rename) { return -code }
            let result = real.rename(from, to)
            if result == 0 {
                lastGood[to] = FileManager.default.contents(atPath: to)
                events.append("rename \(to)")
            }
            return result
        }
    }
}

/// A scripted candidate who, when a save fails, answers the save prompt from `saveReplies` (Enter to
/// retry by default) and lets the test look at the disk at that moment.
final class SavePromptConsole: InterviewConsole {
    let inner: ScriptedConsole
    var saveReplies: [String?] = []
    var onSavePrompt: () -> Void = {}
    private(set) var savePrompts = 0
    /// Run before the candidate's line number N (from 1) is read: the disk changing under the interview.
    var beforeLine: [Int: () -> Void] = [:]
    /// How many of the candidate's lines have been read (save prompts not counted).
    private(set) var linesRead = 0

    init(_ script: String, clock: SteppingClock) {
        inner = ScriptedConsole(script, clock: clock)
    }

    var style: TextStyle { inner.style }
    var output: String { inner.output }
    func write(_ text: String) { inner.write(text) }
    func edit(_ draft: String) throws -> String { try inner.edit(draft) }

    func readLine(prompt: String) -> String? {
        guard prompt == "save> " else {
            linesRead += 1
            beforeLine[linesRead]?()
            return inner.readLine(prompt: prompt)
        }
        savePrompts += 1
        onSavePrompt()
        return saveReplies.isEmpty ? "" : saveReplies.removeFirst()
    }
}

/// A folder under the system's temporary folder, removed with its contents at deinit.
final class ScratchFolder {
    let url: URL

    init(_ name: String = "rehearse-reliability") {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        chmod(url.path, 0o755)
        try? FileManager.default.removeItem(at: url)
    }
}
