#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace tagbench {

/// A recoverable failure, described in words a user can act on (file, line and reason).
struct Error {
    std::string message;
};

/// Either a value or an Error. Recoverable failures travel in this; exceptions stay at boundaries.
template <typename T>
class Result final {
public:
    Result(T value) : m_state(std::move(value)) {}           // NOLINT(google-explicit-constructor)
    Result(Error error) : m_state(std::move(error)) {}       // NOLINT(google-explicit-constructor)

    /// True when a value is held.
    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    /// The value; only valid when ok().
    T& value() & { return std::get<T>(m_state); }
    const T& value() const& { return std::get<T>(m_state); }
    T&& value() && { return std::get<T>(std::move(m_state)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    /// The error; only valid when !ok().
    const Error& error() const { return std::get<Error>(m_state); }
    const std::string& message() const { return error().message; }

private:
    std::variant<T, Error> m_state;
};

/// Result of an operation that yields nothing but may fail.
template <>
class Result<void> final {
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)) {}       // NOLINT(google-explicit-constructor)

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error& error() const { return *m_error; }
    const std::string& message() const { return m_error->message; }

private:
    std::optional<Error> m_error;
};

using Status = Result<void>;

} // namespace tagbench
