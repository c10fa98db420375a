import OnePJSON

/// The response list of a request, written as its calls answer: each answer goes into the bytes
/// once, in order, and no JSON value of the whole list is built and then written.
struct AnswerList {
    private var bytes: [UInt8] = [UInt8(ascii: "[")]
    private(set) var count = 0

    /// Appends the answer of a call with this id.
    mutating func append(_ outcome: Result<JSON?, CallFailure>, id: JSON) {
        switch outcome {
        case .success(let result):
            open(id: id)
            if let result {
                bytes.append(contentsOf: Self.resultKey)
                result.write(into: &bytes)
            }
            bytes.append(UInt8(ascii: "}"))
        case .failure(let failure):
            separate()
            failure.answer(id: id).write(into: &bytes)
        }
    }

    /// Appends the `ok` answer of a call whose result `writeResult` writes as JSON text; when it
    /// throws, what it wrote is taken back and nothing is appended.
    mutating func appendOK(id: JSON, _ writeResult: (inout [UInt8]) throws -> Void) rethrows {
        let before = mark
        open(id: id)
        bytes.append(contentsOf: Self.resultKey)
        do {
            try writeResult(&bytes)
        } catch {
            rollBack(to: before)
            throw error
        }
        bytes.append(UInt8(ascii: "}"))
    }

    /// Where the list ends now, to go back to.
    var mark: (bytes: Int, count: Int) { (bytes.count, count) }

    /// Takes back what was appended since `mark`.
    mutating func rollBack(to mark: (bytes: Int, count: Int)) {
        bytes.removeSubrange(mark.bytes...)
        count = mark.count
    }

    /// Appends the answers of a later part of the request.
    mutating func append(contentsOf other: AnswerList) {
        guard other.count > 0 else { return }
        guard count > 0 else {
            self = other
            return
        }
        bytes.append(UInt8(ascii: ","))
        bytes.append(contentsOf: other.bytes.dropFirst())
        count += other.count
    }

    /// The response body: the list, or nothing when no call asked for an answer.
    consuming func finished() -> [UInt8] {
        guard count > 0 else { return [] }
        bytes.append(UInt8(ascii: "]"))
        return bytes
    }

    private static let resultKey = Array(#","result":"#.utf8)
    private static let okStatus = Array(#","status":"ok""#.utf8)

    /// `{"id":<id>,"status":"ok"`, after a comma when an answer came before.
    private mutating func open(id: JSON) {
        separate()
        bytes.append(contentsOf: #"{"id":"#.utf8)
        id.write(into: &bytes)
        bytes.append(contentsOf: Self.okStatus)
    }

    private mutating func separate() {
        if count > 0 { bytes.append(UInt8(ascii: ",")) }
        count += 1
    }
}
