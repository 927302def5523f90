import Foundation
import Testing

@testable import RehearseCore

@Suite("Answer timer")
struct AnswerTimerTests {
    final class SteppedClock: InterviewClock {
        var current = Date(timeIntervalSince1970: 0)
        func now() -> Date { current }
    }

    @Test("The prompt carries the time so far; the notice comes once, after the limit")
    func promptAndNotice() {
        let clock = SteppedClock()
        let timer = AnswerTimer(clock: clock, limit: 60)
        clock.current += 5
        #expect(timer.prompt("| ") == "[5s] | ")
        #expect(timer.noticeIfDue() == nil)
        clock.current += 60
        #expect(timer.prompt("| ") == "[1m05s] | ")
        #expect(timer.noticeIfDue()?.contains("1m00s is up") == true)
        clock.current += 60
        #expect(timer.noticeIfDue() == nil)
    }
}
