// SPDX-License-Identifier: MIT
#pragma once

#include "chrometracescanner.h"

#include <QString>
#include <functional>
#include <memory>
#include <string_view>

namespace weft {

class ChromeEventConverter;

// Parses one slice of whole trace events (see ChromeTraceScanner) with
// simdjson's On-Demand parser, reading only the members Weft uses, and hands
// each event to the converter. Keeps the parser's buffers between slices.
class ChromeSliceParser
{
public:
    enum class Status {
        Done,
        Retry, // a guessed slice was not valid JSON; nothing was taken, scan it exactly
        Failed, // error says where and what
    };

    explicit ChromeSliceParser(ChromeEventConverter &converter);
    // Without a converter: only read() and convert() may be used.
    ChromeSliceParser();
    ~ChromeSliceParser();
    ChromeSliceParser(const ChromeSliceParser &) = delete;
    ChromeSliceParser &operator=(const ChromeSliceParser &) = delete;

    // A guessed slice (see ChromeTraceScanner::guessSlice) that does not parse
    // as whole elements yields Retry and converts nothing.
    Status parse(std::string_view file, ChromeTraceScanner::Slice slice, bool guessed,
                 QString *error);

    // parse() in two steps, for ChromeSliceWorkers: read() parses the slice
    // (any thread; it touches only this parser), convert() hands its events
    // to a converter (the converter's thread). The events stay valid until
    // the next read(). A parser remembers the texts it met with the ids one
    // converter gave them (ChromeLocalTexts): use it with that converter only.
    Status read(std::string_view file, ChromeTraceScanner::Slice slice, bool guessed,
                QString *error);
    Status convert(ChromeEventConverter &converter, QString *error);
    std::size_t eventCount() const; // of the last slice read

    // Called as soon as a slice is copied into the parser's own buffer, with
    // the slice's end: nothing before it in the file is read again (a retry
    // or an error report may re-read it, so it must stay readable).
    using Copied = std::function<void(std::size_t end)>;
    void setOnCopied(Copied copied);

private:
    struct Impl; // keeps simdjson out of this header
    std::unique_ptr<Impl> d;
};

} // namespace weft
