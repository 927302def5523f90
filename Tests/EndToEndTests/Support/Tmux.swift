import Foundation

/// Drives a program in a real terminal: a tmux server of its own (its own socket, so it never touches
/// anyone's sessions), keys sent as a person types them, and the screen read back with capture-pane.
final class Tmux {
    struct Timeout: Error, CustomStringConvertible {
        var waitingFor: String
        var screen: String
        var description: String { "timed out waiting for \"\(waitingFor)\"; the terminal shows:\n\(screen)" }
    }

    #if os(Linux)
        static let executable = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"]
            .first(where: FileManager.default.isExecutableFile(atPath:))
    #else
        // The spawning below is written for glibc; elsewhere the terminal tests are skipped.
        static let executable: String? = nil
    #endif
    static var isAvailable: Bool { executable != nil }

    let socket = "rehearse-test-\(UUID().uuidString.prefix(8))"
    private(set) var session = ""

    deinit { _ = try? run(["kill-server"]) }

    /// Starts `command` (run by sh) in a new detached session 120 columns wide.
    func start(_ command: String, name: String) throws {
        session = name
        try run(["new-session", "-d", "-s", name, "-x", "120", "-y", "40", command])
        // Keep a dead pane on screen, so a test can read what the program printed last.
        try run(["set-option", "-t", name, "remain-on-exit", "on"])
    }

    /// Types `text` literally, without Enter.
    func type(_ text: String) throws {
        try run(["send-keys", "-t", session, "-l", text])
    }

    /// Types `text` literally, then presses Enter.
    func typeLine(_ text: String) throws {
        if !text.isEmpty { try type(text) }
        try press("Enter")
    }

    /// Presses keys by tmux name: "Enter", "C-a", "C-c", "BSpace".
    func press(_ keys: String...) throws {
        try run(["send-keys", "-t", session] + keys)
    }

    /// Everything the pane shows, scrollback included, wrapped lines joined.
    func screen() throws -> String {
        try run(["capture-pane", "-p", "-J", "-S", "-", "-t", session])
    }

    /// The pid of the program in the pane.
    func panePID() throws -> Int32 {
        Int32(
            try run(["display-message", "-p", "-t", session, "#{pane_pid}"]).trimmingCharacters(
                in: .whitespacesAndNewlines)) ?? 0
    }

    /// Waits until the program in the pane has ended (the pane stays, dead, for its last words).
    func waitUntilPaneDies(timeout: Double = 10) throws {
        let deadline = Date().addingTimeInterval(timeout)
        repeat {
            if try run(["display-message", "-p", "-t", session, "#{pane_dead}"]).hasPrefix("1") { return }
            Thread.sleep(forTimeInterval: 0.05)
        } while Date() < deadline
        throw Timeout(waitingFor: "the program to end", screen: try screen())
    }

    /// Polls the screen until `text` appears `count` times, or fails after `timeout` seconds.
    @discardableResult
    func waitFor(_ text: String, count: Int = 1, timeout: Double = 15) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = ""
        repeat {
            screen = try self.screen()
            if screen.components(separatedBy: text).count - 1 >= count { return screen }
            Thread.sleep(forTimeInterval: 0.05)
        } while Date() < deadline
        throw Timeout(waitingFor: text, screen: screen)
    }

    /// Waits until the last line on screen is an input prompt ("> …" or "Your choice (…): "), so keys
    /// reach the line editor rather than the terminal's cooked-mode buffer.
    func waitForPrompt(timeout: Double = 15) throws {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = ""
        repeat {
            screen = try self.screen()
            let last = screen.split(separator: "\n").last.map(String.init) ?? ""
            if last.hasPrefix(">") || last.hasPrefix("Your choice") { return }
            Thread.sleep(forTimeInterval: 0.05)
        } while Date() < deadline
        throw Timeout(waitingFor: "an input prompt", screen: screen)
    }

    @discardableResult
    private func run(_ arguments: [String]) throws -> String {
        let outputFile = FileManager.default.temporaryDirectory.appendingPathComponent(
            "\(socket)-\(UUID().uuidString).out")
        defer { try? FileManager.default.removeItem(at: outputFile) }
        let status = try spawnAndWait(
            [Self.executable ?? "/usr/bin/tmux", "-L", socket, "-f", "/dev/null"] + arguments, output: outputFile.path)
        guard status == 0 || arguments.first == "kill-server" else {
            throw CocoaError(
                .executableLoad, userInfo: [NSLocalizedDescriptionKey: "tmux \(arguments) exited with \(status)"])
        }
        return (try? String(contentsOf: outputFile, encoding: .utf8)) ?? ""
    }
}

/// Runs a program with plain posix_spawn and waits for it.
///
/// Not Foundation's `Process`: on Linux it notices the end of a child through a socket the child
/// inherits, and the tmux server that `new-session` forks keeps that socket open, so `Process` would wait
/// for as long as the server runs. Children also start with no signal blocked and default handlers,
/// whatever the test runner's threads block, so Ctrl-C reaches the program as it would from a shell.
private func spawnAndWait(_ arguments: [String], output: String) throws -> Int32 {
    #if os(Linux)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, arguments[0], &actions, &attributes, argv, environ)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EINVAL) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1, errno == EINTR {}
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    #else
        throw POSIXError(.ENOTSUP)
    #endif
}
