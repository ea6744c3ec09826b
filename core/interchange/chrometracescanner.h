// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <cstddef>
#include <string_view>

namespace weft {

// Finds the array of trace events in a Chrome Trace Event JSON text — a bare
// array or an object with a "traceEvents" member — and hands it out in slices
// that end on element boundaries, so each slice can be parsed on its own with
// a parser whose memory is bounded by the slice, not by the file. (simdjson's
// structural index takes 4 bytes per input byte; for a 100 MB file in one
// piece that alone would be 4x the file.)
//
// The scan tracks only strings, escapes and bracket depth; it does not
// validate. Malformed elements are left for the parser, which reports them.
class ChromeTraceScanner
{
public:
    enum class Ending {
        Open, // not at the end yet
        Closed, // the array ended with ]
        MissingBracket, // the file ended after a complete element, without ] (accepted)
        Truncated, // the file ended inside an element (that element is dropped)
    };

    struct Slice
    {
        std::size_t begin = 0; // byte offset of the first element
        std::size_t end = 0; // one past the last element (no trailing comma)
    };

    static constexpr int kMaxDepth = 64;

    explicit ChromeTraceScanner(std::string_view text);

    // Locates the event array. On failure error() says what and where.
    bool start();
    // The next run of whole elements, at least targetBytes long unless the
    // array ends first. False when no elements are left (or on error).
    bool nextSlice(std::size_t targetBytes, Slice *slice);
    // A guess at the same without scanning: cuts at the first "}," after
    // targetBytes. The guess is right unless it falls inside a string or a
    // nested value; then the slice is not valid JSON, the parser says so, and
    // the caller rewinds and uses nextSlice(). False near the end of the text.
    bool guessSlice(std::size_t targetBytes, Slice *slice);
    // Continues from an element boundary at offset (the start of a failed guess).
    void rewind(std::size_t offset) { m_pos = offset; }

    Ending ending() const { return m_ending; }
    // Where the dropped, incomplete element of a truncated file starts.
    std::size_t truncatedAt() const { return m_truncatedAt; }
    std::size_t position() const { return m_pos; }
    bool failed() const { return !m_error.isEmpty(); }
    // After a failure inside nextSlice(): the whole elements before the bad
    // one, which the caller parses first so that an earlier problem in them
    // is the one reported, as it would be with smaller slices. Empty if none.
    Slice partialBeforeFailure() const { return m_partial; }
    QString error() const { return m_error; }

private:
    bool fail(std::size_t offset, const QString &what);
    void skipWhitespace();
    // Whether the quote at offset follows an odd run of backslashes. simdjson
    // decides what is a string by this rule over all bytes, inside strings
    // or not, so the scanner does too: cut anywhere, the same bytes then
    // parse the same way.
    bool isEscapedQuote(std::size_t quote) const;
    void keepPartial(std::size_t begin, std::size_t lastBoundary);
    bool skipString(); // m_pos at the opening quote; false if the text ends inside
    bool skipValue(); // any JSON value, for members other than traceEvents
    bool findTraceEvents();
    QString describeByte(std::size_t offset) const;

    std::string_view m_text;
    std::size_t m_pos = 0;
    Ending m_ending = Ending::Open;
    std::size_t m_truncatedAt = 0;
    QString m_error;
    Slice m_partial;
};

} // namespace weft
