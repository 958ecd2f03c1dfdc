import BriefingModel
import Foundation

/// Maps a data interval onto a span of points.
public struct LinearScale: Sendable {
    public var domain: ClosedRange<Double>
    /// Where the domain's lower and upper bounds land (start > end for an upward axis).
    public var start: Double
    public var end: Double

    public init(domain: ClosedRange<Double>, from start: Double, to end: Double) {
        self.domain = domain.lowerBound == domain.upperBound ? domain.lowerBound...(domain.lowerBound + 1) : domain
        self.start = start
        self.end = end
    }

    public init(domain: ClosedRange<Double>, range: ClosedRange<Double>) {
        self.init(domain: domain, from: range.lowerBound, to: range.upperBound)
    }

    public func callAsFunction(_ v: Double) -> Double {
        start + (v - domain.lowerBound) / (domain.upperBound - domain.lowerBound) * (end - start)
    }

    /// Round tick values (1, 2, 5 × 10^k) covering the domain, about `count` of them.
    public func ticks(_ count: Int = 5) -> [Double] {
        let span = domain.upperBound - domain.lowerBound
        guard span > 0, count > 0 else { return [domain.lowerBound] }
        let raw = span / Double(count)
        let mag = pow(10, floor(log10(raw)))
        let step = [1.0, 2, 5, 10].map { $0 * mag }.first { $0 >= raw } ?? 10 * mag
        let stepI = max(step, 1) // counts are whole numbers
        var v = ceil(domain.lowerBound / stepI) * stepI
        var out: [Double] = []
        while v <= domain.upperBound + 1e-9 { out.append(v); v += stepI }
        return out
    }

    /// A count axis from 0 to a round number at or above `maximum`.
    public static func counts(upTo maximum: Int, range: ClosedRange<Double>) -> LinearScale {
        counts(upTo: maximum, from: range.lowerBound, to: range.upperBound)
    }

    public static func counts(upTo maximum: Int, from start: Double, to end: Double) -> LinearScale {
        let m = Double(max(maximum, 1))
        let mag = pow(10, floor(log10(m)))
        let top = [1.0, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].map { $0 * mag }.first { $0 >= m } ?? m
        return LinearScale(domain: 0...max(top, 1), from: start, to: end)
    }
}

/// A time axis over day numbers, with year (or month) ticks.
public struct TimeScale: Sendable {
    public let first: Int
    public let last: Int
    public let scale: LinearScale

    public init(first: Int, last: Int, range: ClosedRange<Double>) {
        // Pad a few days each side so marks at the ends are not cut by the frame.
        let pad = max(3, (last - first) / 40)
        self.first = first - pad
        self.last = last + pad
        scale = LinearScale(domain: Double(self.first)...Double(self.last), range: range)
    }

    public func x(_ day: Int) -> Double { scale(Double(day)) }

    /// Tick days and their labels: years, or months when the span is short.
    public func ticks(maxCount: Int) -> [(day: Int, label: String)] {
        let a = CalendarDay(dayNumber: first), b = CalendarDay(dayNumber: last)
        let years = b.year - a.year
        if years >= 2 {
            let step = max(1, Int(ceil(Double(years + 1) / Double(max(1, maxCount)))))
            var out: [(Int, String)] = []
            var y = a.year + 1
            while y <= b.year { out.append((CalendarDay(year: y, month: 1, day: 1)!.dayNumber, String(y))); y += step }
            return out
        }
        let months = (b.year - a.year) * 12 + b.month - a.month
        let step = max(1, Int(ceil(Double(months + 1) / Double(max(1, maxCount)))))
        var out: [(Int, String)] = []
        var (y, m) = (a.year, a.month + 1)
        if m > 12 { (y, m) = (y + 1, 1) }
        var k = 0
        while (y, m) <= (b.year, b.month) {
            if k % step == 0 { out.append((CalendarDay(year: y, month: m, day: 1)!.dayNumber, "\(y)-\(m < 10 ? "0" : "")\(m)")) }
            m += 1
            if m > 12 { (y, m) = (y + 1, 1) }
            k += 1
        }
        return out
    }
}
