/// What a person types for a name the tool knows: any case, spaces or underscores for hyphens, and
/// the American spellings. The one home of that leniency, with `closestMatch` for the suggestion.
enum ForgivingName {
    /// "Multiple Choice", "multiple_choice" → "multiple-choice".
    static func normalized(_ name: String) -> String {
        name.trimmingCharacters(in: .whitespaces).lowercased()
            .replacingOccurrences(of: "_", with: "-").replacingOccurrences(of: " ", with: "-")
    }

    static let kindAliases = [
        "behavioral": "behavioural", "mc": "multiple-choice", "choice": "multiple-choice",
        "multiplechoice": "multiple-choice", "tech": "technical",
    ]

    static func kind(_ name: String) -> String {
        let name = normalized(name)
        return kindAliases[name] ?? name
    }
}

extension QuestionKind {
    /// `--kind behavioral`, `--kind "Multiple choice"`: accepted.
    public init?(lenient name: String) { self.init(rawValue: ForgivingName.kind(name)) }
}

extension InterviewPlan.KindFilter {
    public init?(lenient name: String) { self.init(rawValue: ForgivingName.kind(name)) }
}

extension Bank {
    /// The domain a person meant: its id or its title, in any case ("Deployment", "Model Deployment").
    public func domainID(matching name: String) -> String? {
        let wanted = ForgivingName.normalized(name)
        return domains.first { ForgivingName.normalized($0.id) == wanted }?.id
            ?? domains.first { ForgivingName.normalized($0.title) == wanted }?.id
            ?? domains.first { ForgivingName.normalized($0.title).hasSuffix("-" + wanted) }?.id
    }

    /// The domain's id, or `BankError.unknownDomain` with the nearest suggestion.
    public func resolveDomain(_ name: String) throws(BankError) -> String {
        guard let id = domainID(matching: name) else {
            throw .unknownDomain(id: name, known: domains.map(\.id))
        }
        return id
    }
}

/// The suggestion for an unknown name: the nearest known one, compared as `ForgivingName` writes names.
func suggestion(for name: String, in known: [String]) -> String? {
    closestMatch(to: ForgivingName.normalized(name), in: known)
}
