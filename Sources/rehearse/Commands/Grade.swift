import ArgumentParser
import RehearseCore

struct GradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grade",
        abstract: "Grade one answer against a question's rubric.",
        discussion: """
            Reads the answer from --answer-file, or from standard input. For a multiple-choice question, the answer is the option letter.

              rehearse grade --question handle-data-drift --answer-file answer.txt
              rehearse grade --question model-versioning --format json < answer.txt
            """)

    @OptionGroup var answer: AnswerOptions
    @OptionGroup var format: FormatOption

    func run() throws {
        try reportingErrors {
            let graded = try answer.grade()
            let report = GradeReport(grade: graded.grade, question: graded.question)
            let rendered = report.render(format.format, style: Terminal.style)
            print(format.format == .text ? Terminal.wrapped(rendered) : rendered, terminator: "")
        }
    }
}
