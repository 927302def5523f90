import RehearseCore

/// A command's output, through the one writer of standard output: a write that fails (a full disk) is
/// an error, reported with exit 73, never a silent exit 0.
func printOutput(_ text: String, terminator: String = "\n") throws {
    try StandardOutput.shared.write(text + terminator)
}
