import BriefingConfig

/// A layout file that cannot be used, with the file, key and line to fix: the same error
/// every user-editable YAML file gives (`file:line: error: key: message`).
public typealias LayoutError = ConfigurationError
