import Foundation

/// Ctrl-C, a closed terminal or `kill` during an interview: every answered question and every line of
/// the draft is already on disk (the session saves as it goes), so the handler only says where, and how
/// to resume, then exits. Ctrl-C at a prompt is the exception: it only clears the line (`LineEditor`).
enum InterruptHandler {
    static let signals = [SIGINT, SIGTERM, SIGHUP]

    // A C signal handler cannot capture context, so its state lives in process-wide storage allocated
    // once before any handler is installed: the farewell (written with write(2), which is
    // async-signal-safe, unlike print), and two flags: [0] a prompt is reading, [1] Ctrl-C came then.
    nonisolated(unsafe) private static var farewell: UnsafeMutableBufferPointer<UInt8>?
    nonisolated(unsafe) private static let flags: UnsafeMutablePointer<sig_atomic_t> = {
        let flags = UnsafeMutablePointer<sig_atomic_t>.allocate(capacity: 2)
        flags.initialize(repeating: 0, count: 2)
        return flags
    }()

    static func install(farewell text: String) {
        let bytes = Array(text.utf8)
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
        _ = buffer.initialize(from: bytes)
        farewell = buffer
        _ = flags
        for signal in signals { setHandler(signal) }
        // A handler for a blocked signal never runs; a parent may have started us with these blocked.
        var handled = sigset_t()
        sigemptyset(&handled)
        for signal in signals { sigaddset(&handled, signal) }
        pthread_sigmask(SIG_UNBLOCK, &handled, nil)
    }

    /// True while a prompt waits for a line: Ctrl-C then interrupts the read instead of ending rehearse.
    static var atPrompt: Bool {
        get { flags[0] != 0 }
        set { flags[0] = newValue ? 1 : 0 }
    }

    static var interruptPending: Bool { flags[1] != 0 }

    /// Whether a Ctrl-C came at the prompt since the last call.
    static func takeInterrupt() -> Bool {
        defer { flags[1] = 0 }
        return flags[1] != 0
    }

    private static func setHandler(_ number: Int32) {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { received in
            if received == SIGINT, InterruptHandler.flags[0] != 0 {
                InterruptHandler.flags[1] = 1
                return
            }
            if let message = InterruptHandler.farewell {
                _ = Foundation.write(STDOUT_FILENO, message.baseAddress, message.count)
            }
            _exit(128 + received)
        }
        sigemptyset(&action.sa_mask)
        // No SA_RESTART: a Ctrl-C must end the prompt's read(2), not resume it.
        action.sa_flags = 0
        sigaction(number, &action, nil)
    }
}
