/// Told how far a long step is (`done` of `total`), for a progress line; called from any
/// thread, often.
public typealias ProgressHandler = @Sendable (_ step: String, _ done: Int, _ total: Int) -> Void
