import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One run of a child process: its own CPU time, wall time and peak memory, read from wait4(2), so the
/// figures are the child's alone and not the bench's.
struct ProcessRun {
    var cpuSeconds: Double
    var wallSeconds: Double
    var peakMegabytes: Double
    var status: Int32
}

/// `runProcess`, with the peak memory the child's own. A child that posix_spawn starts shares the
/// bench's memory until it execs, and Linux carries that memory's high-water mark into the child's
/// `ru_maxrss`: every child would seem to take at least the bench's own size (250 MB with a bank of
/// 2,000 patterns compiled four ways). GNU time, small itself, forks the command and reports its peak.
func runMeasuringPeak(
    _ binary: String, _ arguments: [String], environment: [String: String] = [:], stdin: String = "/dev/null"
) -> ProcessRun {
    let time = "/usr/bin/time"
    guard FileManager.default.isExecutableFile(atPath: time) else {
        return runProcess(binary, arguments, environment: environment, stdin: stdin)
    }
    let report = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-bench-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: report) }
    var run = runProcess(
        time, ["-f", "%U %S %M", "-o", report.path, binary] + arguments, environment: environment, stdin: stdin)
    // The last line is the format's; a failed command adds a line before it.
    let fields = ((try? String(contentsOf: report, encoding: .utf8)) ?? "").split(separator: "\n").last?
        .split(separator: " ").compactMap { Double($0) }
    if let fields, fields.count == 3 {
        run.cpuSeconds = fields[0] + fields[1]
        run.peakMegabytes = fields[2] / 1024
    }
    return run
}

/// Runs `binary arguments` with `environment` added, standard input from `stdin` (a file, or
/// /dev/null), standard output to `stdout` (standard error is dropped); waits and measures.
func runProcess(
    _ binary: String, _ arguments: [String], environment: [String: String] = [:], stdin: String = "/dev/null",
    stdout: String = "/dev/null"
) -> ProcessRun {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, stdin, O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    var env = ProcessInfo.processInfo.environment
    for (key, value) in environment { env[key] = value }
    let argv = ([binary] + arguments).map { strdup($0) } + [nil]
    let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
        argv.forEach { free($0) }
        envp.forEach { free($0) }
    }
    var pid: pid_t = 0
    let start = DispatchTime.now().uptimeNanoseconds
    guard posix_spawn(&pid, binary, &actions, nil, argv, envp) == 0 else {
        fatalError("cannot run \(binary)")
    }
    var status: Int32 = 0
    var usage = rusage()
    _ = wait4(pid, &status, 0, &usage)
    let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
    return ProcessRun(
        cpuSeconds: seconds(usage.ru_utime) + seconds(usage.ru_stime), wallSeconds: wall,
        peakMegabytes: Double(usage.ru_maxrss) / 1024, status: (status >> 8) & 0xff)
}

/// The median CPU seconds of `count` runs, each after `prepare`.
func medianCPU(_ count: Int, prepare: () -> Void = {}, _ run: () -> ProcessRun) -> Double {
    let times = (0..<count).map { _ in
        prepare()
        return run().cpuSeconds
    }.sorted()
    return times[times.count / 2]
}

/// The `rehearse` executable beside this bench, brought up to date first (`swift run` builds only the
/// bench): the start-up, batch and scale figures run the real command.
func rehearseBinary() -> String {
    let here = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    let build = Process()
    build.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    build.arguments = ["swift", "build", "-c", "release", "--product", "rehearse"]
    build.standardOutput = FileHandle.nullDevice
    try? build.run()
    build.waitUntilExit()
    return here.appendingPathComponent("rehearse").path
}
