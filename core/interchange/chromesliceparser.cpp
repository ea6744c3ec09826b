// SPDX-License-Identifier: MIT
#include "chromesliceparser.h"

#include "chromeeventconverter.h"

#include <QCoreApplication>
#include <cmath>
#include <cstring>
#include <simdjson.h>
#include <vector>

namespace weft {

namespace {
namespace od = simdjson::ondemand;

// The translation context of this file's strings, read by lupdate too.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(weft::ChromeSliceParser)
};

constexpr std::size_t kMaxArgs = 64;

// Offset of the first byte that is not valid UTF-8 (only used to explain an error).
std::size_t firstInvalidUtf8(const unsigned char *s, std::size_t n)
{
    std::size_t i = 0;
    while (i < n) {
        const unsigned char c = s[i];
        std::size_t len = c < 0x80 ? 1
            : (c >> 5) == 0x6      ? 2
            : (c >> 4) == 0xe      ? 3
            : (c >> 3) == 0x1e     ? 4
                                   : 0;
        if (len == 0 || (len == 2 && c < 0xc2) || i + len > n)
            return i;
        for (std::size_t k = 1; k < len; ++k) {
            if ((s[i + k] & 0xc0) != 0x80)
                return i;
        }
        i += len;
    }
    return n;
}

// Parses one slice of whole elements (wrapped in [ ]) and feeds the converter.
class SliceParser
{
public:
    explicit SliceParser(ChromeEventConverter *converter)
        : m_converter(converter)
    {
        // The same nesting limit as the scanner's (plus the array we wrap around
        // a slice), so a guessed slice is held to it too.
        // iterate() grows the capacity as slices need it, keeping this depth.
        const auto allocated = m_parser.allocate(4096, ChromeTraceScanner::kMaxDepth + 2);
        (void)allocated; // on failure, iterate() allocates (and reports) again
    }

    using Status = ChromeSliceParser::Status;
    ChromeSliceParser::Copied onCopied;
    // Parses the slice into m_pool (nothing converted yet).
    Status read(std::string_view file, ChromeTraceScanner::Slice slice, bool guessed,
                QString *error);
    // Hands what read() parsed to the converter, in order.
    Status convert(ChromeEventConverter &converter, QString *error);
    Status parse(std::string_view file, ChromeTraceScanner::Slice slice, bool guessed,
                 QString *error)
    {
        const Status status = read(file, slice, guessed, error);
        return status == Status::Done ? convert(*m_converter, error) : status;
    }
    std::size_t eventCount() const { return m_count; }

private:
    using Error = simdjson::error_code;

    bool fatal(std::size_t offset, const QString &what, QString *error)
    {
        *error = Tr::tr("at byte %1: %2").arg(offset).arg(what);
        return false;
    }
    std::size_t fileOffset(const char *p) const
    {
        return m_base + std::size_t(p - m_buffer.data()) - 1;
    }
    void problem(const QString &what)
    {
        if (m_current->problem.isEmpty())
            m_current->problem = what;
    }
    Error readEvent(od::value &value);
    Error readString(od::value &value, const char *field, std::string_view *out);
    Error readNumber(od::value &value, const char *field, double *out, bool *present);
    Error readId(od::value &value, const char *field, ChromeId *out);
    Error readArgs(od::value &value);
    Error readWeftRecord(od::value &value, ChromeWeftRecord *out);
    // Checks a value Weft does not use is well-formed JSON (any error is a
    // hard one): malformed JSON fails the load with its byte offset however
    // the file is cut, instead of passing in one slice and not in another.
    Error validate(od::value &value);

    ChromeEventConverter *m_converter;
    od::parser m_parser;
    std::vector<char> m_buffer;
    std::size_t m_base = 0;
    std::vector<ChromeEvent> m_pool; // reused between slices, with their args' capacity
    std::size_t m_count = 0; // events of the last slice read, in m_pool
    ChromeLocalTexts m_texts; // the names and args met, with the trace's ids
    ChromeEvent *m_current = nullptr;
};

// Whether a scalar token (trailing whitespace allowed) is a JSON number by
// the grammar: simdjson checks only the numbers that are read, and only
// until it knows the value, so a malformed token such as 2\" in a member
// nobody reads would otherwise pass.
bool isJsonNumber(std::string_view t)
{
    while (!t.empty()
           && (t.back() == ' ' || t.back() == '\n' || t.back() == '\r' || t.back() == '\t'))
        t.remove_suffix(1);
    std::size_t i = 0;
    const std::size_t n = t.size();
    auto digits = [&] {
        const std::size_t start = i;
        while (i < n && t[i] >= '0' && t[i] <= '9')
            ++i;
        return i > start;
    };
    if (i < n && t[i] == '-')
        ++i;
    if (i < n && t[i] == '0')
        ++i;
    else if (!digits())
        return false;
    if (i < n && t[i] == '.') {
        ++i;
        if (!digits())
            return false;
    }
    if (i < n && (t[i] == 'e' || t[i] == 'E')) {
        ++i;
        if (i < n && (t[i] == '+' || t[i] == '-'))
            ++i;
        if (!digits())
            return false;
    }
    return i == n;
}

bool isSoft(simdjson::error_code e)
{
    return e == simdjson::INCORRECT_TYPE || e == simdjson::NUMBER_ERROR
        || e == simdjson::NUMBER_OUT_OF_RANGE;
}

// Calls visit(key, value) for each member of the object, its key unescaped,
// and stops at the first error. A member (and an array's element) is used in
// place: copying it out of simdjson's result, as get() does, reads it back
// wider than it was just written, a store-forwarding stall per member that
// cost a third of the parse.
template<typename Visit> simdjson::error_code forEachMember(od::object &object, Visit &&visit)
{
    for (auto result : object) {
        if (const simdjson::error_code e = result.error())
            return e;
        od::field &member = result.value_unsafe();
        std::string_view key;
        if (const simdjson::error_code e = member.unescaped_key().get(key))
            return e;
        if (const simdjson::error_code e = visit(key, member.value()))
            return e;
    }
    return simdjson::SUCCESS;
}

SliceParser::Error SliceParser::validate(od::value &value)
{
    od::json_type type;
    if (const Error e = value.type().get(type))
        return e;
    switch (type) {
    case od::json_type::array: {
        od::array array;
        if (const Error e = value.get_array().get(array))
            return e;
        for (auto element : array) {
            od::value inner;
            if (const Error e = element.get(inner))
                return e;
            if (const Error e = validate(inner))
                return e;
        }
        return simdjson::SUCCESS;
    }
    case od::json_type::object: {
        od::object object;
        if (const Error e = value.get_object().get(object))
            return e;
        return forEachMember(
            object, [this](std::string_view, od::value &inner) { return validate(inner); });
    }
    case od::json_type::string: {
        std::string_view text;
        return value.get_string().get(text);
    }
    case od::json_type::number:
        return isJsonNumber(value.raw_json_token()) ? simdjson::SUCCESS : simdjson::NUMBER_ERROR;
    case od::json_type::boolean: {
        bool flag = false;
        const Error e = value.get_bool().get(flag);
        return e ? simdjson::T_ATOM_ERROR : simdjson::SUCCESS;
    }
    case od::json_type::null: {
        bool isNull = false;
        const Error e = value.is_null().get(isNull);
        return e || !isNull ? simdjson::N_ATOM_ERROR : simdjson::SUCCESS;
    }
    }
    return simdjson::TAPE_ERROR;
}

SliceParser::Error SliceParser::readString(od::value &value, const char *field,
                                           std::string_view *out)
{
    const Error e = value.get_string().get(*out);
    if (isSoft(e)) {
        if (const Error bad = validate(value))
            return bad;
        problem(Tr::tr("\"%1\" is not a string; event skipped").arg(QLatin1String(field)));
        return simdjson::SUCCESS;
    }
    return e;
}

SliceParser::Error SliceParser::readNumber(od::value &value, const char *field, double *out,
                                           bool *present)
{
    const Error e = value.get_double().get(*out);
    if (e == simdjson::INCORRECT_TYPE) {
        od::json_type type;
        if (const Error t = value.type().get(type))
            return t;
        if (const Error bad = validate(value))
            return bad;
        problem(type == od::json_type::string
                    ? Tr::tr("\"%1\" is a string where a number belongs; event skipped")
                          .arg(QLatin1String(field))
                    : Tr::tr("\"%1\" is not a number; event skipped").arg(QLatin1String(field)));
        return simdjson::SUCCESS;
    }
    if (isSoft(e)) {
        if (const Error bad = validate(value))
            return bad;
        problem(Tr::tr("\"%1\" is not a usable number; event skipped").arg(QLatin1String(field)));
        return simdjson::SUCCESS;
    }
    *present = e == simdjson::SUCCESS;
    return e;
}

SliceParser::Error SliceParser::readId(od::value &value, const char *field, ChromeId *out)
{
    od::json_type type;
    if (const Error e = value.type().get(type))
        return e;
    if (type == od::json_type::string) {
        out->present = true;
        out->isString = true;
        return value.get_string().get(out->text);
    }
    if (type == od::json_type::number) {
        int64_t integer = 0;
        Error e = value.get_int64().get(integer);
        if (isSoft(e)) {
            double real = 0;
            e = value.get_double().get(real);
            if (isSoft(e)) {
                if (const Error bad = validate(value))
                    return bad;
            }
            if (isSoft(e) || !(std::fabs(real) < 9e18)) {
                problem(Tr::tr("\"%1\" is not a usable number; event skipped")
                            .arg(QLatin1String(field)));
                return simdjson::SUCCESS;
            }
            integer = int64_t(std::llround(real));
        }
        out->present = e == simdjson::SUCCESS;
        out->number = integer;
        return e;
    }
    if (type == od::json_type::object) {
        // id2: {"local": ...} or {"global": ...}
        od::object object;
        if (const Error e = value.get_object().get(object))
            return e;
        bool first = true;
        return forEachMember(object, [&](std::string_view, od::value &inner) {
            const Error e = first ? readId(inner, field, out) : validate(inner);
            first = false;
            return e;
        });
    }
    if (const Error bad = validate(value))
        return bad;
    problem(
        Tr::tr("\"%1\" is neither a number nor a string; event skipped").arg(QLatin1String(field)));
    return simdjson::SUCCESS;
}

SliceParser::Error SliceParser::readArgs(od::value &value)
{
    od::json_type type;
    if (const Error e = value.type().get(type))
        return e;
    if (type != od::json_type::object)
        return validate(value); // args of another shape carry nothing Weft uses
    od::object object;
    if (const Error e = value.get_object().get(object))
        return e;
    return forEachMember(object, [this](std::string_view key, od::value &inner) -> Error {
        ChromeArg arg;
        arg.key = key;
        od::json_type innerType;
        if (const Error e = inner.type().get(innerType))
            return e;
        if (innerType == od::json_type::object && (arg.key == "weft" || arg.key == "weft_end")) {
            return readWeftRecord(inner,
                                  arg.key == "weft" ? &m_current->weft : &m_current->weftEnd);
        }
        if (m_current->args.size() >= kMaxArgs)
            return validate(inner);
        if (innerType == od::json_type::number) {
            const Error e = inner.get_double().get(arg.number);
            if (isSoft(e))
                return validate(inner);
            if (e)
                return e;
            arg.isNumber = true;
        } else if (innerType == od::json_type::string) {
            if (const Error e = inner.get_string().get(arg.text))
                return e;
        } else {
            return validate(inner);
        }
        m_current->args.push_back(arg);
        return simdjson::SUCCESS;
    });
}

SliceParser::Error SliceParser::readWeftRecord(od::value &value, ChromeWeftRecord *out)
{
    od::object object;
    if (const Error e = value.get_object().get(object))
        return e;
    *out = {};
    bool bad = false;
    const Error walked
        = forEachMember(object, [&](std::string_view key, od::value &inner) -> Error {
              if (key == "k" || key == "x") {
                  std::string_view &text = key == "k" ? out->kind : out->text;
                  const Error e = inner.get_string().get(text);
                  if (isSoft(e)) {
                      if (const Error hard = validate(inner))
                          return hard;
                      bad = true;
                  } else if (e) {
                      return e;
                  }
                  return simdjson::SUCCESS;
              }
              qint64 *field = key == "n" ? &out->place
                  : key == "t"           ? &out->offsetNs
                  : key == "v"           ? &out->value
                  : key == "o"           ? &out->object
                  : key == "s"           ? &out->site
                  : key == "f"           ? &out->flags
                                         : nullptr;
              if (!field)
                  return validate(inner);
              int64_t number = 0;
              const Error e = inner.get_int64().get(number);
              if (isSoft(e)) {
                  if (const Error hard = validate(inner))
                      return hard;
                  bad = true;
              } else if (e) {
                  return e;
              }
              *field = number;
              return simdjson::SUCCESS;
          });
    if (walked)
        return walked;
    if (bad)
        problem(Tr::tr("a member of args.weft has the wrong type; event skipped"));
    out->present = !bad;
    return simdjson::SUCCESS;
}

SliceParser::Error SliceParser::readEvent(od::value &value)
{
    od::json_type type;
    if (const Error e = value.type().get(type))
        return e;
    if (type != od::json_type::object) {
        if (const Error e = validate(value))
            return e;
        problem(Tr::tr("an element of the event array is not an object; skipped"));
        return simdjson::SUCCESS;
    }
    od::object object;
    if (const Error e = value.get_object().get(object))
        return e;
    for (auto result : object) {
        if (const Error e = result.error())
            return e;
        // In place, as forEachMember does; the key raw, not unescaped.
        od::field &member = result.value_unsafe();
        const od::raw_json_string key = member.key();
        od::value &v = member.value();
        // Keys compared raw (escapes are not expected in these names), after
        // a switch on the first byte: a chain of ten comparisons for "args"
        // cost measurably, at about nine members per event.
        Error e = simdjson::SUCCESS;
        bool used = true;
        switch (*key.raw()) {
        case 'p':
            if (key.unsafe_is_equal("ph"))
                e = readString(v, "ph", &m_current->phase);
            else if (key.unsafe_is_equal("pid"))
                e = readId(v, "pid", &m_current->pid);
            else
                used = false;
            break;
        case 't':
            if (key.unsafe_is_equal("ts"))
                e = readNumber(v, "ts", &m_current->ts, &m_current->hasTs);
            else if (key.unsafe_is_equal("tid"))
                e = readId(v, "tid", &m_current->tid);
            else
                used = false;
            break;
        case 'n':
            if ((used = key.unsafe_is_equal("name")))
                e = readString(v, "name", &m_current->name);
            break;
        case 'd':
            if ((used = key.unsafe_is_equal("dur")))
                e = readNumber(v, "dur", &m_current->dur, &m_current->hasDur);
            break;
        case 'c':
            if ((used = key.unsafe_is_equal("cat")))
                e = readString(v, "cat", &m_current->category);
            break;
        case 'i':
            if ((used = key.unsafe_is_equal("id") || key.unsafe_is_equal("id2")))
                e = readId(v, "id", &m_current->id);
            break;
        case 'a':
            if ((used = key.unsafe_is_equal("args")))
                e = readArgs(v);
            break;
        default:
            used = false;
        }
        if (!used)
            e = validate(v);
        if (e)
            return e;
    }
    return simdjson::SUCCESS;
}

SliceParser::Status SliceParser::read(std::string_view file, ChromeTraceScanner::Slice slice,
                                      bool guessed, QString *error)
{
    m_count = 0;
    const std::size_t length = slice.end - slice.begin;
    m_base = slice.begin;
    m_buffer.resize(length + 2 + simdjson::SIMDJSON_PADDING);
    m_buffer[0] = '[';
    std::memcpy(m_buffer.data() + 1, file.data() + slice.begin, length);
    m_buffer[length + 1] = ']';
    std::memset(m_buffer.data() + length + 2, 0, simdjson::SIMDJSON_PADDING);
    if (onCopied)
        onCopied(slice.end);

    // Room for somewhat larger slices too, so slices of varying size do not
    // reallocate the parser each time.
    if (m_parser.capacity() < length + 2) {
        if (const Error e
            = m_parser.allocate((length + 2) + (length + 2) / 4, m_parser.max_depth())) {
            fatal(slice.begin, QLatin1String(simdjson::error_message(e)), error);
            return Status::Failed;
        }
    }
    od::document doc;
    Error e = m_parser.iterate(m_buffer.data(), length + 2, m_buffer.size()).get(doc);
    od::array array;
    if (!e)
        e = doc.get_array().get(array);
    if (e && guessed)
        return Status::Retry;
    if (e == simdjson::UTF8_ERROR) {
        const auto *bytes = reinterpret_cast<const unsigned char *>(file.data() + slice.begin);
        fatal(slice.begin + firstInvalidUtf8(bytes, length),
              Tr::tr("the text is not valid UTF-8 (is this a binary file?)"), error);
        return Status::Failed;
    }
    if (e) {
        fatal(slice.begin,
              Tr::tr("malformed JSON in the events up to byte %1: %2")
                  .arg(slice.end)
                  .arg(QLatin1String(simdjson::error_message(e))),
              error);
        return Status::Failed;
    }
    // Events are converted only once the whole slice has parsed: a guessed
    // slice that turns out wrong must leave nothing behind.
    std::size_t count = 0;
    for (auto element : array) {
        e = element.error();
        std::size_t offset = m_base;
        if (!e) {
            od::value &value = element.value_unsafe(); // in place, see forEachMember
            if (count == m_pool.size())
                m_pool.emplace_back();
            m_current = &m_pool[count++];
            offset = fileOffset(value.raw_json_token().data());
            m_current->offset = offset;
            m_current->phase = m_current->name = m_current->category = {};
            m_current->hasTs = m_current->hasDur = false;
            m_current->pid = m_current->tid = m_current->id = ChromeId();
            m_current->args.clear();
            // Only the flags: readWeftRecord() writes a whole record when it
            // finds one. Clearing both records wrote three more cache lines
            // per event, lines the converting thread's core had read last.
            m_current->weft.present = m_current->weftEnd.present = false;
            m_current->problem.clear();
            e = readEvent(value);
        }
        if (e) {
            if (guessed)
                return Status::Retry;
            const char *where = nullptr;
            if (!doc.current_location().get(where) && where)
                offset = std::max(offset, fileOffset(where));
            fatal(std::min(offset, slice.end),
                  Tr::tr("malformed JSON: %1").arg(QLatin1String(simdjson::error_message(e))),
                  error);
            return Status::Failed;
        }
    }
    // A guess that ran past the end of the event array closed our array
    // early and left text behind.
    const char *rest = nullptr;
    if (guessed && !doc.current_location().get(rest) && rest)
        return Status::Retry;
    // What the converter would build from a complete event alone is built
    // here: with worker threads (ChromeSliceWorkers) this runs beside the
    // conversion of earlier slices.
    if (m_texts.size() > ChromeLocalTexts::kMaxEntries)
        m_texts.clear();
    for (std::size_t i = 0; i < count; ++i) {
        ChromeEvent &event = m_pool[i];
        event.argsLines.clear();
        event.localTexts = &m_texts;
        event.localName = event.localArgs = 0;
        event.hasArgsLines = false;
        if (!event.problem.isEmpty())
            continue;
        // Longer names are cut by the converter, which counts each cut.
        if (!event.name.empty() && event.name.size() <= ChromeEventConverter::kMaxTextBytes)
            event.localName = m_texts.intern(event.name);
        event.hasArgsLines = event.phase == "X";
        if (event.hasArgsLines) {
            ChromeEventConverter::appendArgs(event, event.argsLines);
            if (!event.argsLines.empty())
                event.localArgs = m_texts.intern(event.argsLines);
        }
    }
    m_count = count;
    return Status::Done;
}

SliceParser::Status SliceParser::convert(ChromeEventConverter &converter, QString *error)
{
    for (std::size_t i = 0; i < m_count; ++i) {
        if (!converter.add(m_pool[i])) {
            fatal(m_pool[i].offset, converter.error(), error);
            return Status::Failed;
        }
    }
    return Status::Done;
}
} // namespace

struct ChromeSliceParser::Impl
{
    explicit Impl(ChromeEventConverter *converter)
        : parser(converter)
    {
    }
    SliceParser parser;
};

ChromeSliceParser::ChromeSliceParser(ChromeEventConverter &converter)
    : d(std::make_unique<Impl>(&converter))
{
}

ChromeSliceParser::ChromeSliceParser()
    : d(std::make_unique<Impl>(nullptr))
{
}

ChromeSliceParser::~ChromeSliceParser() = default;

void ChromeSliceParser::setOnCopied(Copied copied)
{
    d->parser.onCopied = std::move(copied);
}

ChromeSliceParser::Status ChromeSliceParser::parse(std::string_view file,
                                                   ChromeTraceScanner::Slice slice, bool guessed,
                                                   QString *error)
{
    return d->parser.parse(file, slice, guessed, error);
}

ChromeSliceParser::Status ChromeSliceParser::read(std::string_view file,
                                                  ChromeTraceScanner::Slice slice, bool guessed,
                                                  QString *error)
{
    return d->parser.read(file, slice, guessed, error);
}

ChromeSliceParser::Status ChromeSliceParser::convert(ChromeEventConverter &converter,
                                                     QString *error)
{
    return d->parser.convert(converter, error);
}

std::size_t ChromeSliceParser::eventCount() const
{
    return d->parser.eventCount();
}

} // namespace weft
