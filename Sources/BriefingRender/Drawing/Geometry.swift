/// A point in PDF user units (1/72 inch), origin top left.
public struct Point: Hashable, Sendable {
    public var x: Double
    public var y: Double
    public init(_ x: Double, _ y: Double) {
        self.x = x
        self.y = y
    }
}

/// A box on the page: every block and chart is drawn inside one and never outside it.
public struct Rect: Hashable, Sendable, CustomStringConvertible {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public var maxX: Double { x + width }
    public var maxY: Double { y + height }
    public var midX: Double { x + width / 2 }
    public var midY: Double { y + height / 2 }

    public func inset(top: Double = 0, left: Double = 0, bottom: Double = 0, right: Double = 0) -> Rect {
        Rect(x: x + left, y: y + top, width: width - left - right, height: height - top - bottom)
    }

    public func inset(_ d: Double) -> Rect { inset(top: d, left: d, bottom: d, right: d) }

    /// Splits off a strip of `amount` from the top; returns (strip, rest).
    public func sliceTop(_ amount: Double) -> (Rect, Rect) {
        let a = min(amount, height)
        return (Rect(x: x, y: y, width: width, height: a), Rect(x: x, y: y + a, width: width, height: height - a))
    }

    public func sliceBottom(_ amount: Double) -> (Rect, Rect) {
        let a = min(amount, height)
        return (Rect(x: x, y: maxY - a, width: width, height: a), Rect(x: x, y: y, width: width, height: height - a))
    }

    public func sliceLeft(_ amount: Double) -> (Rect, Rect) {
        let a = min(amount, width)
        return (Rect(x: x, y: y, width: a, height: height), Rect(x: x + a, y: y, width: width - a, height: height))
    }

    public var description: String { "(\(x), \(y), \(width)×\(height))" }
}
