import Foundation

/// The loss curve of a run as data (JSON Lines, CSV) and as a picture (SVG): raw loss per step,
/// an exponential moving average over it, and the learning rate on a second axis.
public struct LossCurve: Sendable, Equatable {
    public var records: [TrainingStepRecord]

    public init(records: [TrainingStepRecord]) { self.records = records }

    /// Parses the output of `jsonLines()`.
    public init(jsonLines text: String) throws {
        let decoder = JSONDecoder()
        records = try text.split(separator: "\n").filter { !$0.isEmpty }.map { line in
            do {
                return try decoder.decode(TrainingStepRecord.self, from: Data(line.utf8))
            } catch {
                throw TrainingError.malformedCheckpoint("history line \(line.prefix(80)): \(error)")
            }
        }
    }

    /// One JSON object per step.
    public func jsonLines() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return records.map { String(decoding: (try? encoder.encode($0)) ?? Data(), as: UTF8.self) + "\n" }.joined()
    }

    /// A header line and one row per step.
    public func csv() -> String {
        var text = "step,loss,learning_rate,gradient_norm,supervised_tokens,tokens,seconds\n"
        for record in records {
            text += "\(record.step),\(record.loss),\(record.learningRate),\(record.gradientNorm),"
                + "\(record.supervisedTokens),\(record.tokens),\(record.seconds)\n"
        }
        return text
    }

    /// A self-contained SVG line chart.
    public func svg(title: String = "Training loss", width: Int = 720, height: Int = 400) -> String {
        let left = 64.0, right = 64.0, top = 40.0, bottom = 48.0
        let plotWidth = Double(width) - left - right, plotHeight = Double(height) - top - bottom
        var svg = """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="\(height)" \
        viewBox="0 0 \(width) \(height)" font-family="sans-serif" font-size="12">
        <rect width="100%" height="100%" fill="white"/>
        <text x="\(Double(width) / 2)" y="22" text-anchor="middle" font-size="15">\(escape(title))</text>

        """
        guard let first = records.first, let last = records.last else {
            return svg + "<text x=\"\(width / 2)\" y=\"\(height / 2)\" text-anchor=\"middle\">no steps yet</text>\n</svg>\n"
        }
        let losses = records.map(\.loss)
        var lowest = losses.min()!, highest = losses.max()!
        if highest - lowest < 1e-9 { lowest -= 0.5; highest += 0.5 }
        let padding = (highest - lowest) * 0.05
        lowest -= padding; highest += padding
        let firstStep = Double(first.step), lastStep = Double(max(last.step, first.step + 1))
        func x(_ step: Int) -> Double { left + (Double(step) - firstStep) / (lastStep - firstStep) * plotWidth }
        func y(_ loss: Double) -> Double { top + (highest - loss) / (highest - lowest) * plotHeight }

        svg += "<rect x=\"\(left)\" y=\"\(top)\" width=\"\(plotWidth)\" height=\"\(plotHeight)\" fill=\"none\" stroke=\"#888\"/>\n"
        for tick in 0...4 {
            let value = lowest + (highest - lowest) * Double(tick) / 4
            let position = y(value)
            svg += "<line x1=\"\(left)\" x2=\"\(left + plotWidth)\" y1=\"\(format(position))\" y2=\"\(format(position))\" stroke=\"#eee\"/>\n"
            svg += "<text x=\"\(left - 6)\" y=\"\(format(position + 4))\" text-anchor=\"end\">\(String(format: "%.3f", value))</text>\n"
            let step = Int((firstStep + (lastStep - firstStep) * Double(tick) / 4).rounded())
            svg += "<text x=\"\(format(x(step)))\" y=\"\(format(top + plotHeight + 18))\" text-anchor=\"middle\">\(step)</text>\n"
        }
        svg += "<text x=\"\(left + plotWidth / 2)\" y=\"\(Double(height) - 8)\" text-anchor=\"middle\">optimizer step</text>\n"
        svg += "<text x=\"16\" y=\"\(top + plotHeight / 2)\" text-anchor=\"middle\" transform=\"rotate(-90 16 \(top + plotHeight / 2))\">loss</text>\n"

        let peakRate = Double(records.map(\.learningRate).max() ?? 0)
        if peakRate > 0 {
            let points = records.map { "\(format(x($0.step))),\(format(top + (1 - Double($0.learningRate) / peakRate) * plotHeight))" }
            svg += "<polyline fill=\"none\" stroke=\"#9c9\" stroke-dasharray=\"4 3\" points=\"\(points.joined(separator: " "))\"/>\n"
        }
        let raw = records.map { "\(format(x($0.step))),\(format(y($0.loss)))" }
        svg += "<polyline fill=\"none\" stroke=\"#9bd\" stroke-width=\"1\" points=\"\(raw.joined(separator: " "))\"/>\n"
        var average = losses[0]
        let smoothed = records.map { record -> String in
            average = 0.9 * average + 0.1 * record.loss
            return "\(format(x(record.step))),\(format(y(average)))"
        }
        svg += "<polyline fill=\"none\" stroke=\"#1a5fb4\" stroke-width=\"2\" points=\"\(smoothed.joined(separator: " "))\"/>\n"
        let legendX = left + plotWidth - 196
        svg += "<rect x=\"\(legendX - 6)\" y=\"\(top + 6)\" width=\"196\" height=\"52\" fill=\"white\" fill-opacity=\"0.85\" stroke=\"#ccc\"/>\n"
        svg += "<text x=\"\(legendX)\" y=\"\(top + 21)\" fill=\"#1a5fb4\">loss (moving average 0.9)</text>\n"
        svg += "<text x=\"\(legendX)\" y=\"\(top + 36)\" fill=\"#6a9bc4\">loss per step</text>\n"
        if peakRate > 0 {
            svg += "<text x=\"\(legendX)\" y=\"\(top + 51)\" fill=\"#5a5\">learning rate (peak \(String(format: "%.1e", peakRate)))</text>\n"
        }
        return svg + "</svg>\n"
    }

    /// Writes `<prefix>.jsonl`, `<prefix>.csv` and `<prefix>.svg`.
    public func write(toPrefix prefix: String, title: String = "Training loss") throws {
        for (suffix, text) in [("jsonl", jsonLines()), ("csv", csv()), ("svg", svg(title: title))] {
            try text.write(toFile: "\(prefix).\(suffix)", atomically: true, encoding: .utf8)
        }
    }

    private func format(_ value: Double) -> String { String(format: "%.1f", value) }

    private func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
