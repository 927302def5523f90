import Foundation

/// Re-scores a transcript's saved answers with the current rubrics, for coaches after a rubric edit.
/// The answers are never changed; each changed grade replaces the old one, which moves to `history`.
public struct TranscriptRegrader {
    private let bank: Bank
    private let grader: Grader

    public init(bank: Bank) {
        self.bank = bank
        grader = Grader(bank: bank)
    }

    /// The transcript with every answer re-scored at `now`, and what changed per question.
    public func regrade(_ transcript: Transcript, at now: Date) throws(GradingError) -> Regrade {
        var updated = transcript
        var changes: [Regrade.Change] = []
        for index in updated.entries.indices {
            let entry = updated.entries[index]
            guard !entry.skipped else {
                changes.append(.init(questionID: entry.questionID, outcome: .skipped, oldScore: nil, newScore: nil))
                continue
            }
            guard let question = bank.questions.first(where: { $0.id == entry.questionID }) else {
                changes.append(
                    .init(questionID: entry.questionID, outcome: .notInBank, oldScore: entry.grade.score, newScore: nil)
                )
                continue
            }
            // A shuffled multiple-choice question is graded against the letters the candidate saw.
            let shown = entry.optionOrder == nil ? question : OptionShuffle.asShown(question, options: entry.options)
            let wasUngraded = entry.ungraded != nil
            let grade: Grade
            do {
                grade = try grader.grade(entry.answer, followUps: entry.followUps.map(\.answer), for: shown)
            } catch {
                // One pattern at PCRE2's limit on one answer: report that question, regrade the rest.
                var change = Regrade.Change(
                    questionID: entry.questionID, outcome: .failed, oldScore: entry.grade.score, newScore: nil)
                change.problem = error.localizedDescription
                changes.append(change)
                continue
            }
            var change = Regrade.Change(
                questionID: entry.questionID, outcome: grade == entry.grade && !wasUngraded ? .unchanged : .changed,
                oldScore: wasUngraded ? nil : entry.grade.score, newScore: grade.score)
            let oldEarned = Set(entry.grade.concepts.filter(\.matched).map(\.id))
            let newEarned = Set(grade.concepts.filter(\.matched).map(\.id))
            change.gained = grade.concepts.map(\.id).filter { newEarned.contains($0) && !oldEarned.contains($0) }
            change.lost = entry.grade.concepts.map(\.id).filter { oldEarned.contains($0) && !newEarned.contains($0) }
            change.chosen = grade.choice?.chosen
            change.cause = Regrade.Cause(
                rubric: question.contentHash != entry.rubricHash, engine: gradingRevision != entry.gradingRevision)
            if change.outcome == .changed, wasUngraded {
                updated.entries[index].ungraded = nil
                updated.entries[index].grade = grade
                updated.entries[index].rubricHash = question.contentHash
                updated.entries[index].gradedByEngine = version
            } else if change.outcome == .changed {
                updated.entries[index].history.append(
                    Transcript.GradeRecord(
                        grade: entry.grade, rubricHash: entry.rubricHash,
                        engineVersion: entry.gradedByEngine ?? transcript.engineVersion, replacedAt: now,
                        gradingRevision: entry.gradingRevision))
                updated.entries[index].grade = grade
                updated.entries[index].gradingRevision = gradingRevision
                updated.entries[index].rubricHash = question.contentHash
                updated.entries[index].gradedByEngine = version
            }
            changes.append(change)
        }
        return Regrade(transcript: updated, changes: changes)
    }
}

extension TranscriptRegrader {
    /// `rehearse regrade`: re-scores every transcript of `paths` in turn and keeps only what changed, so
    /// one transcript is in memory at a time, however many there are. With `write`, each one whose
    /// grades changed is saved under its lock, and its Markdown report, if there is one, is written
    /// again. A folder's file that does not load goes to `problem` and is skipped.
    public func regrade(
        _ paths: [URL], write: Bool, at now: Date, files: any FileStore = LocalFileStore(),
        problem: (TranscriptError) -> Void
    ) throws -> RegradeReport {
        var items: [RegradeReport.Item] = []
        var reports: [String] = []
        for file in try TranscriptSet.files(paths, files: files) {
            var problems: [TranscriptError] = []
            let loaded = try file.load(files: files, problems: &problems)
            problems.forEach(problem)
            guard let loaded else { continue }
            let store = TranscriptStore(folder: loaded.url.deletingLastPathComponent(), files: files)
            // Locked, and read again under the lock, so an interview saving the same file meanwhile is
            // refused (and named) rather than overwritten.
            let lock = write ? try store.lock(loaded.url) : nil
            var regrade = try regrade(write ? try store.load(loaded.url) : loaded.transcript, at: now)
            if write, regrade.hasChanges {
                try store.save(regrade.transcript, to: loaded.url)
                // The Markdown report beside it shows the old grades until it is written again.
                if files.size(TranscriptExport.reportURL(for: loaded.url, in: nil)) != nil {
                    let updated = LoadedTranscript(url: loaded.url, transcript: regrade.transcript)
                    reports.append(try TranscriptExport().export(updated, to: nil).relativePath)
                }
            }
            withExtendedLifetime(lock) {}
            // The report shows only the changes.
            regrade.transcript.entries = []
            items.append(.init(path: loaded.url.relativePath, regrade: regrade))
        }
        return RegradeReport(items: items, written: write, reportsRewritten: reports)
    }
}

/// One transcript re-scored: the updated transcript and, per question, old and new scores.
public struct Regrade: Sendable {
    public enum Outcome: String, Codable, Sendable {
        /// The new grade differs (score, concepts, or the rubric's wording).
        case changed
        case unchanged
        /// The question is no longer in the bank; its grade is left as it was.
        case notInBank = "not-in-bank"
        case skipped
        /// The answer could not be graded (a pattern hit PCRE2's match limit); left as it was.
        case failed
    }

    /// What differs from when the old grade was computed: the rubric file, the grading engine, or both.
    public enum Cause: String, Codable, Sendable {
        case rubric, engine, both

        init?(rubric: Bool, engine: Bool) {
            switch (rubric, engine) {
            case (true, true): self = .both
            case (true, false): self = .rubric
            case (false, true): self = .engine
            case (false, false): return nil
            }
        }
    }

    public struct Change: Codable, Sendable, Hashable {
        public var questionID: String
        public var outcome: Outcome
        public var oldScore: Int?
        public var newScore: Int?
        /// Concept ids earned now but not before, and the other way round.
        public var gained: [String] = []
        public var lost: [String] = []
        /// For a multiple-choice question, the letter read from the answer.
        public var chosen: String?
        /// Why the grade may differ; nil when neither the rubric nor the engine changed.
        public var cause: Cause?
        /// Why the answer could not be regraded (outcome `failed`).
        public var problem: String?
    }

    public var transcript: Transcript
    public var changes: [Change]

    public var hasChanges: Bool { changes.contains { $0.outcome == .changed } }
}

/// Old and new scores side by side, for people (text) and scripts (JSON).
public struct RegradeReport {
    public struct Item: Sendable {
        public var path: String
        public var regrade: Regrade

        public init(path: String, regrade: Regrade) {
            self.path = path
            self.regrade = regrade
        }
    }

    public var items: [Item]
    /// Whether the new grades were saved.
    public var written: Bool
    /// List only the answers whose grade changed (the summary still counts them all).
    public var changedOnly: Bool
    /// The Markdown reports rewritten beside their transcripts, so none is left stale.
    public var reportsRewritten: [String]

    public init(items: [Item], written: Bool, changedOnly: Bool = false, reportsRewritten: [String] = []) {
        self.items = items
        self.written = written
        self.changedOnly = changedOnly
        self.reportsRewritten = reportsRewritten
    }

    public func render(_ format: OutputFormat, style: TextStyle = .plain) -> String {
        format == .json ? json() : text(style: style)
    }

    public func text(style: TextStyle) -> String {
        var lines: [String] = []
        let width = items.flatMap(\.regrade.changes).map(\.questionID.count).max() ?? 0
        for item in items {
            let shown = item.regrade.changes.filter { !changedOnly || $0.outcome == .changed }
            guard !shown.isEmpty || !changedOnly else { continue }
            lines.append(style.bold(item.path))
            for change in shown {
                lines.append(
                    "  " + change.questionID.terminalSafe.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                        + describe(change, style: style))
            }
        }
        let changes = items.flatMap(\.regrade.changes)
        lines += questionSummary(changes.filter { $0.outcome == .changed }, style: style)
        let rescored = changes.filter { $0.outcome == .changed || $0.outcome == .unchanged }.count
        let changed = changes.filter { $0.outcome == .changed }.count
        let missing = changes.filter { $0.outcome == .notInBank }.count
        var summary = "\(rescored) answer\(rescored == 1 ? "" : "s") re-scored, \(changed) changed"
        if missing > 0 {
            summary += ", \(missing) no longer in the bank (left as \(missing == 1 ? "it was" : "they were"))"
        }
        let failed = changes.filter { $0.outcome == .failed }.count
        if failed > 0 {
            summary += ", \(failed) could not be regraded (left as \(failed == 1 ? "it was" : "they were"))"
        }
        summary += "."
        if changed > 0 {
            summary +=
                written
                ? " Saved; the old grades are kept in each answer's history."
                : " Run again with --write to save the new grades."
        }
        lines.append(summary)
        if !reportsRewritten.isEmpty {
            lines.append(
                "Rewrote \(reportsRewritten.count) Markdown report\(reportsRewritten.count == 1 ? "" : "s"): "
                    + reportsRewritten.joined(separator: ", "))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Per question: how many of its answers changed, the mean old and new score, and the concepts
    /// gained or lost most often, so a rubric edit's effect reads at a glance.
    private func questionSummary(_ changed: [Regrade.Change], style: TextStyle) -> [String] {
        let byQuestion = Dictionary(grouping: changed, by: \.questionID)
        guard !byQuestion.isEmpty else { return [] }
        let width = byQuestion.keys.map(\.count).max() ?? 0
        var lines = [style.bold("By question")]
        for (id, group) in byQuestion.sorted(by: { $0.key < $1.key }) {
            let old = Double(group.compactMap(\.oldScore).reduce(0, +)) / Double(group.count)
            let new = Double(group.compactMap(\.newScore).reduce(0, +)) / Double(group.count)
            var line =
                "  " + id.padding(toLength: width, withPad: " ", startingAt: 0)
                + "  \(group.count) changed, mean \(Int(old.rounded())) → \(Int(new.rounded()))"
            let gained = Set(group.flatMap(\.gained)).sorted(), lost = Set(group.flatMap(\.lost)).sorted()
            if !gained.isEmpty { line += "  " + gained.map { style.green("+\($0)") }.joined(separator: " ") }
            if !lost.isEmpty { line += "  " + lost.map { style.red("−\($0)") }.joined(separator: " ") }
            lines.append(line)
        }
        return lines
    }

    private func describe(_ change: Regrade.Change, style: TextStyle) -> String {
        switch change.outcome {
        case .skipped:
            return style.dim("skipped; nothing to regrade")
        case .failed:
            return style.red("\(Self.score(change.oldScore))  not regraded, left as it was: \(change.problem ?? "")")
        case .notInBank:
            return style.yellow("\(change.oldScore ?? 0)  not in the bank any more; left as it was")
        case .unchanged:
            return "\(Self.score(change.oldScore)) = \(Self.score(change.newScore))"
        case .changed:
            let old = change.oldScore ?? 0, new = change.newScore ?? 0
            let arrow = new > old ? style.green("→") : new < old ? style.red("→") : "→"
            var parts = ["\(Self.score(change.oldScore)) \(arrow) \(Self.score(change.newScore))"]
            parts += change.gained.map { style.green("+\($0.terminalSafe)") }
            parts += change.lost.map { style.red("−\($0.terminalSafe)") }
            if change.gained.isEmpty, change.lost.isEmpty, old == new { parts.append(style.dim("(wording changed)")) }
            switch change.cause {
            case .engine: parts.append(style.dim("(the grading engine changed, not the rubric)"))
            case .both: parts.append(style.dim("(the rubric and the grading engine changed)"))
            case .rubric, nil: break
            }
            return parts.joined(separator: "  ")
        }
    }

    private static func score(_ score: Int?) -> String {
        let text = score.map(String.init) ?? "—"
        return String(repeating: " ", count: max(0, 3 - text.count)) + text
    }

    struct JSONShape: Encodable {
        struct File: Encodable {
            var path: String
            var changes: [Regrade.Change]
        }
        var written: Bool
        var transcripts: [File]
        var reportsRewritten: [String]
    }

    public func json() -> String {
        JSONOutput.encode(
            JSONShape(
                written: written,
                transcripts: items.map { item in
                    .init(
                        path: item.path,
                        changes: item.regrade.changes.filter { !changedOnly || $0.outcome == .changed })
                }.filter { !changedOnly || !$0.changes.isEmpty }, reportsRewritten: reportsRewritten))
    }
}
