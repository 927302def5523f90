/// `rehearse bank list`: the questions, as a table for people or JSON for scripts.
public struct BankListing {
    public var bank: Bank
    public var questions: [Question]

    public init(bank: Bank, questions: [Question]) {
        self.bank = bank
        self.questions = questions
    }

    public func render(_ format: OutputFormat, style: TextStyle = .plain) -> String {
        format == .json ? json() : text(style: style)
    }

    struct Entry: Encodable {
        var id: String, domain: String, kind: String, prompt: String, timeLimitSeconds: Int, file: String
    }

    public func json() -> String {
        JSONOutput.encode(
            questions.map {
                Entry(
                    id: $0.id, domain: $0.domain, kind: $0.kind.rawValue, prompt: $0.prompt,
                    timeLimitSeconds: $0.timeLimit, file: $0.source.file)
            })
    }

    public func text(style: TextStyle) -> String {
        var out = ""
        for domain in bank.domains {
            let inDomain = questions.filter { $0.domain == domain.id }
            guard !inDomain.isEmpty else { continue }
            out += style.bold("\(domain.title) (\(domain.id), \(domain.weight.formatted)% of an exam)") + "\n"
            for question in inDomain {
                out += "  \(question.id)  " + style.dim("[\(question.kind.rawValue)]") + "\n"
                out += "      \(question.prompt.collapsingWhitespace)\n"
            }
        }
        out += "\(questions.count) question\(questions.count == 1 ? "" : "s")\n"
        return out
    }
}
