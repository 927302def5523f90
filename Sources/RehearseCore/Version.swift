/// The release version, recorded in every transcript as its engine version.
public let version = "0.1.0"

/// The grading revision, recorded with every grade: bump it whenever the grader would give a different
/// grade to the same answer under the same rubric (matching, negation, scoring arithmetic), so
/// `rehearse regrade` can tell an engine change from a rubric change.
public let gradingRevision = 2
