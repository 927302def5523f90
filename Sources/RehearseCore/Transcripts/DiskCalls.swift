import Foundation

/// The system calls an atomic save is made of. `LocalFileStore` takes them as a dependency so tests
/// can fail any one of them (ENOSPC at the fsync, EROFS at the rename, ...) on a real folder.
/// Each call returns 0 (or a descriptor, or a byte count) on success and `-errno` on failure.
public protocol DiskCalls: Sendable {
    func open(_ path: String, flags: Int32, mode: mode_t) -> Int32
    func write(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int
    func fsync(_ descriptor: Int32) -> Int32
    func close(_ descriptor: Int32) -> Int32
    func rename(_ from: String, _ to: String) -> Int32
}

/// The real calls.
public struct POSIXDiskCalls: DiskCalls {
    public init() {}

    public func open(_ path: String, flags: Int32, mode: mode_t) -> Int32 {
        let descriptor = Foundation.open(path, flags, mode)
        return descriptor >= 0 ? descriptor : -errno
    }

    public func write(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int {
        while true {
            let written = Foundation.write(descriptor, bytes.baseAddress, bytes.count)
            if written >= 0 { return written }
            if errno != EINTR { return -Int(errno) }
        }
    }

    public func fsync(_ descriptor: Int32) -> Int32 {
        Foundation.fsync(descriptor) == 0 ? 0 : -errno
    }

    public func close(_ descriptor: Int32) -> Int32 {
        Foundation.close(descriptor) == 0 ? 0 : -errno
    }

    public func rename(_ from: String, _ to: String) -> Int32 {
        Foundation.rename(from, to) == 0 ? 0 : -errno
    }
}
