import Foundation

/// Small self-contained SVG charts for the Markdown report: no scripts, no external styles.
///
/// Numbers are written with fixed decimals so the same data gives byte-identical charts.
enum SVGChart {
    static let width = 560.0
    static let height = 260.0
    static let margin = (left: 48.0, right: 16.0, top: 28.0, bottom: 48.0)

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static func fixed(_ value: Double, _ digits: Int = 1) -> String {
        String(format: "%.\(digits)f", value)
    }

    static func header(_ title: String) -> String {
        """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(fixed(width, 0))" height="\(fixed(height, 0))" \
        viewBox="0 0 \(fixed(width, 0)) \(fixed(height, 0))" font-family="sans-serif" font-size="11">
        <rect width="100%" height="100%" fill="white"/>
        <text x="\(fixed(width / 2))" y="16" text-anchor="middle" font-size="13">\(escape(title))</text>

        """
    }

    /// Vertical bars with their counts on top; labels under the bars.
    static func bars(title: String, labels: [String], values: [Int]) -> String {
        var svg = header(title)
        let plotWidth = width - margin.left - margin.right
        let plotHeight = height - margin.top - margin.bottom
        let maximum = Double(max(values.max() ?? 0, 1))
        let slot = plotWidth / Double(max(labels.count, 1))
        let baseline = margin.top + plotHeight
        svg += axis(baseline: baseline)
        for (index, (label, value)) in zip(labels, values).enumerated() {
            let barHeight = plotHeight * Double(value) / maximum
            let x = margin.left + slot * Double(index) + slot * 0.15
            svg += """
                <rect x="\(fixed(x))" y="\(fixed(baseline - barHeight))" width="\(fixed(slot * 0.7))" \
                height="\(fixed(barHeight))" fill="#4a7ab0"/>
                <text x="\(fixed(x + slot * 0.35))" y="\(fixed(baseline - barHeight - 3))" text-anchor="middle">\(value)</text>
                <text x="\(fixed(x + slot * 0.35))" y="\(fixed(baseline + 14))" text-anchor="middle">\(escape(label))</text>

                """
        }
        return svg + "</svg>"
    }

    /// Lines over shared x labels, y from 0 to 1 (shown as percent); nil values leave gaps.
    static func lines(title: String, xLabels: [String], series: [(name: String, color: String, values: [Double?])]) -> String {
        var svg = header(title)
        let plotWidth = width - margin.left - margin.right
        let plotHeight = height - margin.top - margin.bottom
        let baseline = margin.top + plotHeight
        svg += axis(baseline: baseline)
        for tick in stride(from: 0.0, through: 1.0, by: 0.25) {
            let y = baseline - plotHeight * tick
            svg += """
                <line x1="\(fixed(margin.left))" y1="\(fixed(y))" x2="\(fixed(width - margin.right))" y2="\(fixed(y))" \
                stroke="#dddddd"/>
                <text x="\(fixed(margin.left - 4))" y="\(fixed(y + 4))" text-anchor="end">\(Int(tick * 100))%</text>

                """
        }
        let step = xLabels.count > 1 ? plotWidth / Double(xLabels.count - 1) : 0
        func x(_ index: Int) -> Double { margin.left + step * Double(index) }
        for (index, label) in xLabels.enumerated() {
            svg += "<text x=\"\(fixed(x(index)))\" y=\"\(fixed(baseline + 14))\" text-anchor=\"middle\">\(escape(label))</text>\n"
        }
        for (seriesIndex, line) in series.enumerated() {
            let points = line.values.enumerated().compactMap { index, value in
                value.map { "\(fixed(x(index))),\(fixed(baseline - plotHeight * $0))" }
            }
            if points.count > 1 {
                svg += "<polyline fill=\"none\" stroke=\"\(line.color)\" stroke-width=\"2\" points=\"\(points.joined(separator: " "))\"/>\n"
            }
            for point in points {
                let parts = point.split(separator: ",")
                svg += "<circle cx=\"\(parts[0])\" cy=\"\(parts[1])\" r=\"3\" fill=\"\(line.color)\"/>\n"
            }
            let legendY = height - 12
            let legendX = margin.left + Double(seriesIndex) * 140
            svg += """
                <rect x="\(fixed(legendX))" y="\(fixed(legendY - 8))" width="10" height="10" fill="\(line.color)"/>
                <text x="\(fixed(legendX + 14))" y="\(fixed(legendY + 1))">\(escape(line.name))</text>

                """
        }
        return svg + "</svg>"
    }

    static func axis(baseline: Double) -> String {
        """
        <line x1="\(fixed(margin.left))" y1="\(fixed(baseline))" x2="\(fixed(width - margin.right))" \
        y2="\(fixed(baseline))" stroke="black"/>
        <line x1="\(fixed(margin.left))" y1="\(fixed(margin.top))" x2="\(fixed(margin.left))" y2="\(fixed(baseline))" \
        stroke="black"/>

        """
    }
}
