import GRDB

/// A content blob as an answer: whole (200) or the part a `Range: bytes=X-Y` header asks for (206).
enum ContentDownload {
    /// Blobs up to this size are answered in one body; bigger ones stream chunk by chunk.
    static let inlineLimit = 1024 * 1024

    static func response(_ context: ProvisionContext, _ entry: ContentEntry) throws -> ProvisionResponse {
        let total = entry.size
        var range = 0..<total
        var partial = false
        if let header = context.request.nonEmptyHeader("Range") {
            range = try ByteRange.parse(header, total: total)
            partial = true
        }
        var headers: [(String, String)] = [
            ("Content-Type", entry.contentType.isEmpty ? "application/octet-stream" : entry.contentType),
            ("Accept-Ranges", "bytes"),
            ("Content-Length", String(range.count)),
        ]
        if partial { headers.append(("Content-Range", "bytes \(range.lowerBound)-\(range.upperBound - 1)/\(total)")) }
        let status = partial ? 206 : 200
        guard let blob = entry.blobID, !range.isEmpty else { return ProvisionResponse(status: status, headers: headers) }
        if range.count <= inlineLimit {
            var body: [UInt8] = []
            body.reserveCapacity(range.count)
            var stream = ProvisionBodyStream.ChunkReader(blob: blob, range: range)
            while let piece = try stream.next(in: context.db) { body += piece }
            return ProvisionResponse(status: status, headers: headers, body: body)
        }
        return ProvisionResponse(
            status: status, headers: headers, bodyStream: ProvisionBodyStream(reader: context.reader, blob: blob, range: range))
    }
}

/// The `Range` header's single byte range, resolved against the content's size.
enum ByteRange {
    static func parse(_ header: String, total: Int) throws(ProvisionFailure) -> Range<Int> {
        let text = header.trimmingBlanks
        guard text.lowercased().hasPrefix("bytes=") else { throw .badRequest("Range must be bytes=X-Y") }
        let spec = text.dropFirst(6)
        guard !spec.contains(","), let dash = spec.firstIndex(of: "-") else { throw .badRequest("Range must be one bytes=X-Y") }
        let startText = spec[..<dash].trimmingCharacters(in: " ")
        let endText = spec[spec.index(after: dash)...].trimmingCharacters(in: " ")
        switch (Int(startText), Int(endText)) {
        case (let start?, let end?) where start >= 0 && end >= start:
            guard start < total else { throw .rangeNotSatisfiable("the content has \(total) bytes") }
            // `end` may be the largest integer, past which nothing can be added.
            return start..<(end < total ? end + 1 : total)
        case (let start?, nil) where endText.isEmpty && start >= 0:
            guard start < total else { throw .rangeNotSatisfiable("the content has \(total) bytes") }
            return start..<total
        case (nil, let suffix?) where startText.isEmpty && suffix > 0:
            return max(0, total - suffix)..<total
        default:
            throw .badRequest("Range must be bytes=X-Y with X <= Y")
        }
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: Character) -> String {
        String(self).trimmingBlanks
    }
}
