/// The engine version, recorded in every transcript.
public let version = "0.1.0"
