// SPDX-License-Identifier: MIT
// Forced into every file scripts/check-tidy.sh analyses (-include). clang-tidy
// 14 parses with clang 14, which lacks __builtin_source_location, so libstdc++
// 12's <source_location> declares nothing and every default argument
// std::source_location::current() would be a parse error hiding the real
// findings. This stand-in has the same interface; it is never compiled into
// Weft (g++ 12 has the real one).
#pragma once

#include <source_location>

#if !__has_builtin(__builtin_source_location)
namespace std {
struct source_location
{
    static constexpr source_location current(unsigned line = __builtin_LINE(),
                                             unsigned column = __builtin_COLUMN(),
                                             const char *file = __builtin_FILE(),
                                             const char *function = __builtin_FUNCTION()) noexcept
    {
        source_location location;
        location.m_line = line;
        location.m_column = column;
        location.m_file = file;
        location.m_function = function;
        return location;
    }
    constexpr source_location() noexcept = default;
    constexpr unsigned line() const noexcept { return m_line; }
    constexpr unsigned column() const noexcept { return m_column; }
    constexpr const char *file_name() const noexcept { return m_file; }
    constexpr const char *function_name() const noexcept { return m_function; }

private:
    unsigned m_line = 0;
    unsigned m_column = 0;
    const char *m_file = "";
    const char *m_function = "";
};
} // namespace std
#endif
