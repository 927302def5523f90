import Foundation

/// Opens $VISUAL or $EDITOR (else vi) on the answer's draft, for `:edit`.
enum ExternalEditor {
    enum Failure: Error, LocalizedError {
        case exited(editor: String, status: Int32)
        case cannotStart(editor: String, detail: String)

        var errorDescription: String? {
            switch self {
            case let .exited(editor, status):
                "'\(editor)' exited with status \(status); the draft is unchanged. Set $EDITOR to the editor you use"
            case let .cannotStart(editor, detail):
                "cannot start '\(editor)': \(detail). Set $EDITOR to the editor you use"
            }
        }
    }

    static func edit(_ draft: String) throws -> String {
        let environment = ProcessInfo.processInfo.environment
        let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(
            "rehearse-answer-\(UUID().uuidString).md")
        try Data(draft.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        // Through the shell, so EDITOR may carry arguments ("code --wait"); the file is passed as $1.
        let status: Int32
        do {
            status = try ForegroundProcess.run(["/bin/sh", "-c", "\(editor) \"$1\"", "rehearse-editor", file.path])
        } catch {
            throw Failure.cannotStart(editor: editor, detail: error.localizedDescription)
        }
        guard status == 0 else { throw Failure.exited(editor: editor, status: status) }
        return String(decoding: try Data(contentsOf: file), as: UTF8.self)
    }
}

/// Runs a full-screen program (an editor) that owns the terminal until it exits: in a process group of
/// its own that is given the terminal's foreground (else the terminal stops it with SIGTTIN/SIGTTOU
/// the moment it reads or sets modes), so Ctrl-C goes to it alone; then the terminal is taken back
/// with its modes as they were.
enum ForegroundProcess {
    static func run(_ arguments: [String]) throws -> Int32 {
        let terminal = STDIN_FILENO
        let ownsTerminal = isatty(terminal) != 0 && tcgetpgrp(terminal) == getpgrp()
        var modes = termios()
        let savedModes = ownsTerminal && tcgetattr(terminal, &modes) == 0
        let pid = try spawn(arguments)
        // Handing the terminal over and back from what is then a background group raises SIGTTOU.
        let previousTTOU = signal(SIGTTOU, SIG_IGN)
        defer { signal(SIGTTOU, previousTTOU) }
        if ownsTerminal {
            tcsetpgrp(terminal, pid)
            // The child may have touched the terminal before it was its own and been stopped for it.
            kill(-pid, SIGCONT)
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1, errno == EINTR {}
        if ownsTerminal {
            tcsetpgrp(terminal, getpgrp())
            if savedModes { tcsetattr(terminal, TCSADRAIN, &modes) }
        }
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }

    /// posix_spawn in a new process group, with default signal handlers and nothing blocked, whatever
    /// this process set for itself.
    private static func spawn(_ arguments: [String]) throws -> pid_t {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setpgroup(&attributes, 0)
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGQUIT, SIGTERM, SIGHUP, SIGTSTP, SIGTTIN, SIGTTOU, SIGPIPE] {
            sigaddset(&defaults, signal)
        }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(
            &attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        let result = posix_spawn(&pid, arguments[0], nil, &attributes, argv, environ)
        guard result == 0 else { throw POSIXError(POSIXErrorCode(rawValue: result) ?? .EINVAL) }
        return pid
    }
}
