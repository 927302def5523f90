import Foundation

/// Ctrl-C, a closed terminal or `kill` during an interview: every answered question is already on disk
/// (the session saves after each one), so the handler only says where, and how to resume, then exits.
enum InterruptHandler {
    static let signals = [SIGINT, SIGTERM, SIGHUP]

    // A C signal handler cannot capture context, so the farewell lives in process-wide storage, written
    // once before any handler is installed and only read afterwards (with write(2), which is
    // async-signal-safe, unlike print).
    nonisolated(unsafe) private static var farewell: UnsafeMutableBufferPointer<UInt8>?

    static func install(farewell text: String) {
        let bytes = Array(text.utf8)
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
        _ = buffer.initialize(from: bytes)
        farewell = buffer
        for signal in signals { setHandler(signal) }
        // A handler for a blocked signal never runs; a parent may have started us with these blocked.
        var handled = sigset_t()
        sigemptyset(&handled)
        for signal in signals { sigaddset(&handled, signal) }
        pthread_sigmask(SIG_UNBLOCK, &handled, nil)
    }

    /// Runs `body` (an editor, say) with Ctrl-C going to it alone.
    static func ignoringInterrupts<T>(_ body: () throws -> T) rethrows -> T {
        let previous = Foundation.signal(SIGINT, SIG_IGN)
        defer { Foundation.signal(SIGINT, previous) }
        return try body()
    }

    private static func setHandler(_ number: Int32) {
        Foundation.signal(number) { received in
            if let message = InterruptHandler.farewell {
                _ = Foundation.write(STDOUT_FILENO, message.baseAddress, message.count)
            }
            _exit(128 + received)
        }
    }
}
