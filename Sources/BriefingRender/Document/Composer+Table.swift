/// Tables in the page flow: rows measured, broken across pages with the header repeated,
/// never a lone row at a page's foot or head.
extension Composer {
    public func table(_ table: Table, spaceAfter: Double = 8) {
        let spans = table.columnSpans(width: body.width)
        let padX = 3.0, padY = 2.0, marker = 12.0
        let cellStyle = style.tableCell
        let headers = zip(table.columns, spans).map { col, span in
            canvas.text.layout(col.title, style: style.tableHeader.with(alignment: col.alignment),
                               width: span.width - 2 * padX, maxLines: 2)
        }
        let headerHeight = (headers.map(\.height).max() ?? 0) + 2 * padY
        let lineHeight = canvas.text.lineHeight(cellStyle.font)
        let markerColumns = Set(table.rows.flatMap { row in row.indices.filter { row[$0].strength != nil } })

        // Row heights: one line for single-line tables, measured otherwise.
        var cellBlocks: [[TextBlock]] = []
        var heights: [Double] = []
        if table.isSingleLine {
            heights = Array(repeating: lineHeight + 2 * padY, count: table.rows.count)
        } else {
            cellBlocks.reserveCapacity(table.rows.count)
            for row in table.rows {
                var blocks: [TextBlock] = []
                for (i, col) in table.columns.enumerated() {
                    let text = i < row.count ? row[i].text : ""
                    let w = spans[i].width - 2 * padX - (markerColumns.contains(i) ? marker : 0)
                    blocks.append(canvas.text.layout(text, style: cellStyle.with(alignment: col.alignment), width: w,
                                                     maxLines: col.wrap ? col.maxLines : 1))
                }
                heights.append((blocks.map(\.height).max() ?? lineHeight) + 2 * padY)
                cellBlocks.append(blocks)
            }
        }

        // The note under the table stays on the page of the table's last rows.
        let noteHeight = table.note.map { canvas.text.layout($0, style: style.caption, width: body.width).height + 3 } ?? 0
        var start = 0
        if table.rows.isEmpty {
            ensure(headerHeight)
            drawHeader(headers, spans: spans, height: headerHeight, padX: padX, padY: padY)
            y += headerHeight
        }
        while start < table.rows.count {
            ensure(headerHeight + heights[start] * min(2, Double(table.rows.count - start)))
            var n = 0, used = 0.0
            let avail = remaining - headerHeight
            while start + n < table.rows.count, used + heights[start + n] <= avail {
                used += heights[start + n]
                n += 1
            }
            if n == 0 {
                if atTop { n = 1; used = min(heights[start], avail); clippedBlocks += 1 } else { newPage(); continue }
            }
            // No lone row at the foot of a page, nor a lone last row on the next.
            if n == 1, start + 1 < table.rows.count, !atTop { newPage(); continue }
            if start + n == table.rows.count - 1, n >= 3 { n -= 1; used -= heights[start + n] }
            if start + n == table.rows.count, noteHeight > 0, used + noteHeight > avail {
                if n >= 4 { n -= 2; used -= heights[start + n] + heights[start + n + 1] } else if !atTop { newPage(); continue }
            }

            drawHeader(headers, spans: spans, height: headerHeight, padX: padX, padY: padY)
            let top = y + headerHeight
            let range = start..<(start + n)
            let x0 = body.x, width = body.width
            let stripe = style.colors.stripe, rule = style.colors.rule
            let rowHeights = Array(heights[range])
            record { c in
                var ry = top
                for (k, h) in rowHeights.enumerated() {
                    if (range.lowerBound + k) % 2 == 1 { c.fill(Rect(x: x0, y: ry, width: width, height: h), stripe) }
                    ry += h
                }
                c.line(from: Point(x0, ry), to: Point(x0 + width, ry), rule, width: 0.6)
            }
            drawMarkers(table, range: range, heights: rowHeights, top: top, spans: spans, padX: padX)
            if !table.links.isEmpty || !table.anchors.isEmpty { placeRowTargets(table, range: range, heights: rowHeights, top: top) }
            if table.isSingleLine {
                drawColumns(table, range: range, top: top, rowHeight: heights[start], spans: spans, padX: padX,
                            marker: marker, markerColumns: markerColumns)
            } else {
                var ry = top + padY
                var placements: [(TextBlock, Point)] = []
                for (k, r) in range.enumerated() {
                    for (i, block) in cellBlocks[r].enumerated() {
                        let mx = markerColumns.contains(i) ? marker : 0
                        placements.append((block, Point(body.x + spans[i].x + padX + mx, ry)))
                    }
                    ry += rowHeights[k]
                }
                record { c in for (b, p) in placements { c.draw(b, at: p) } }
            }
            y = top + used
            start += n
            if start < table.rows.count { newPage() }
        }
        if let note = table.note {
            y += 3
            paragraph(note, style: style.caption, spaceAfter: spaceAfter)
        } else {
            y += spaceAfter
        }
    }

    /// Each row's link (the whole row) and destination (its top left).
    private func placeRowTargets(_ table: Table, range: Range<Int>, heights: [Double], top: Double) {
        var ry = top
        for (k, r) in range.enumerated() {
            if r < table.links.count, let dest = table.links[r] {
                link(Rect(x: body.x, y: ry, width: body.width, height: heights[k]), to: dest)
            }
            if r < table.anchors.count, let name = table.anchors[r] { destination(name, at: Point(body.x, ry)) }
            ry += heights[k]
        }
    }

    private func drawHeader(_ headers: [TextBlock], spans: [(x: Double, width: Double)], height: Double,
                            padX: Double, padY: Double) {
        let top = y, x0 = body.x, width = body.width
        let ink = style.colors.ink
        record { c in
            for (i, b) in headers.enumerated() { c.draw(b, at: Point(x0 + spans[i].x + padX, top + padY)) }
            c.line(from: Point(x0, top + height), to: Point(x0 + width, top + height), ink, width: 0.8)
        }
    }

    /// Strength markers: shade and size grow with strength; "signed" is a diamond.
    private func drawMarkers(_ table: Table, range: Range<Int>, heights: [Double], top: Double,
                             spans: [(x: Double, width: Double)], padX: Double) {
        var marks: [(Point, Int)] = []
        var ry = top
        for (k, r) in range.enumerated() {
            for (i, cell) in table.rows[r].enumerated() {
                if let s = cell.strength {
                    marks.append((Point(body.x + spans[i].x + padX + 4.5, ry + min(heights[k] / 2, 7)), s))
                }
            }
            ry += heights[k]
        }
        guard !marks.isEmpty else { return }
        let st = style
        record { c in for (p, s) in marks { StrengthMark.draw(s, at: p, on: c, style: st, scale: 0.8) } }
    }

    /// The fast path for long single-line tables: one Pango layout per column per page, its
    /// lines held to the row grid by an absolute line height.
    private func drawColumns(_ table: Table, range: Range<Int>, top: Double, rowHeight: Double,
                             spans: [(x: Double, width: Double)], padX: Double, marker: Double,
                             markerColumns: Set<Int>) {
        var blocks: [(TextBlock, Point)] = []
        var clips: [Rect] = []
        for (i, col) in table.columns.enumerated() {
            var text = ""
            for r in range {
                let cell = i < table.rows[r].count ? table.rows[r][i].text : ""
                text += cell.contains("\n") ? cell.replacingOccurrences(of: "\n", with: " ") : cell
                text += "\n"
            }
            let mx = markerColumns.contains(i) ? marker : 0
            // Each line is one paragraph. Ellipsis is Pango's costliest work over thousands of
            // rows, so a column is first laid out without it, and again with it (every line
            // that does not fit ends in "…") only when some line is wider than the column.
            let w = spans[i].width - 2 * padX - mx
            let lines = String(text.dropLast())
            let cellStyle = style.tableCell.with(alignment: col.alignment)
            var block = canvas.text.layout(lines, style: cellStyle, width: col.alignment == .left ? nil : w, lineHeight: rowHeight)
            if block.width > w + 0.01 || block.lineCount > range.count {
                block = canvas.text.layout(lines, style: cellStyle, width: w, maxLines: 1, lineHeight: rowHeight)
            }
            blocks.append((block, Point(body.x + spans[i].x + padX + mx, top)))
            clips.append(Rect(x: body.x + spans[i].x + padX + mx, y: top, width: w, height: rowHeight * Double(range.count)))
        }
        record { c in for (k, (b, p)) in blocks.enumerated() { c.clipped(to: clips[k]) { c.draw(b, at: p) } } }
    }
}

import Foundation
