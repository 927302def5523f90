/// How text output is decorated: ANSI colours for a terminal, nothing otherwise. The executable decides
/// which (a TTY, and NO_COLOR unset); the core only asks for emphasis.
public struct TextStyle: Sendable {
    public var usesColor: Bool

    public init(usesColor: Bool) { self.usesColor = usesColor }

    public static let plain = TextStyle(usesColor: false)

    public func bold(_ text: String) -> String { wrap(text, "1") }
    public func dim(_ text: String) -> String { wrap(text, "2") }
    public func green(_ text: String) -> String { wrap(text, "32") }
    public func yellow(_ text: String) -> String { wrap(text, "33") }
    public func red(_ text: String) -> String { wrap(text, "31") }
    public func cyan(_ text: String) -> String { wrap(text, "36") }

    public func band(_ band: Band, _ text: String) -> String {
        switch band {
        case .strong: green(text)
        case .solid: cyan(text)
        case .partial: yellow(text)
        case .weak: red(text)
        }
    }

    private func wrap(_ text: String, _ code: String) -> String {
        usesColor ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}

/// The output formats of the commands that print a report.
public enum OutputFormat: String, CaseIterable, Sendable {
    case text, json, markdown
}
