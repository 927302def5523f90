import Foundation

/// Output that could not be written: standard output on a full disk (ENOSPC), a failing disk (EIO).
public struct OutputWriteError: Error, Equatable, Sendable {
    /// "standard output".
    public var destination: String
    /// The errno of the failed write(2).
    public var code: Int32

    public init(destination: String, code: Int32) {
        self.destination = destination
        self.code = code
    }
}

extension OutputWriteError: LocalizedError {
    public var errorDescription: String? { "cannot write to \(destination): \(FileStoreError.reason(code))" }
}

/// The one writer of standard output, with write(2): unbuffered, so text is out before the next prompt
/// and before a signal ends the process, and a failed write is an error the caller sees. (`print` drops
/// the failure and the command exits 0; `FileHandle.write` traps on it.)
public struct StandardOutput: Sendable {
    public let descriptor: Int32
    public let name: String

    public static let shared = StandardOutput(descriptor: STDOUT_FILENO, name: "standard output")

    public init(descriptor: Int32, name: String) {
        self.descriptor = descriptor
        self.name = name
    }

    public func write(_ text: String) throws(OutputWriteError) { try write(Data(text.utf8)) }

    public func write(_ data: Data) throws(OutputWriteError) {
        var offset = 0
        while offset < data.count {
            let written = data.withUnsafeBytes { bytes in
                Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            }
            if written < 0, errno == EINTR { continue }
            if written < 0 { throw OutputWriteError(destination: name, code: errno) }
            // write(2) gives 0 only for a count of 0; never loop on it.
            if written == 0 { throw OutputWriteError(destination: name, code: EIO) }
            offset += written
        }
    }
}
