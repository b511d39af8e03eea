//! The Python exception hierarchy: `NewsparseError(ValueError)` and one subclass per [`crate::Error`]
//! variant.

use pyo3::create_exception;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

use crate::Error;

create_exception!(
    newsparse,
    NewsparseError,
    PyValueError,
    "Base class of every error newsparse raises about its input (a subclass of ValueError)."
);
create_exception!(
    newsparse,
    InputTooLargeError,
    NewsparseError,
    "The text is larger than the parser's limit (Parser(max_input_bytes=...), 2 MiB by default)."
);
create_exception!(
    newsparse,
    InvalidDateError,
    NewsparseError,
    "A publication date that is not a real calendar date written YYYY-MM-DD."
);
create_exception!(
    newsparse,
    InvalidJsonError,
    NewsparseError,
    "JSON that could not be read (Article.from_json)."
);
create_exception!(
    newsparse,
    MissingFieldError,
    NewsparseError,
    "A JSON document lacks a required field or has it with the wrong type."
);
create_exception!(
    newsparse,
    InvalidUtf8Error,
    NewsparseError,
    "Input bytes that are not valid UTF-8."
);
create_exception!(
    newsparse,
    InvalidSpanError,
    NewsparseError,
    "A span (in an article read from JSON) that does not lie inside the text."
);

create_exception!(
    newsparse,
    InconsistentJsonError,
    InvalidJsonError,
    "Article JSON whose parts disagree: a speaker or via that names no actor, actor ids out of order, a span whose text differs from its slice."
);

/// The Python name of the exception class raised for `e`.
pub(crate) fn error_type_name(e: &Error) -> &'static str {
    match e {
        Error::InputTooLarge { .. } => "InputTooLargeError",
        Error::InvalidDate { .. } => "InvalidDateError",
        Error::InvalidJson { .. } => "InvalidJsonError",
        Error::MissingField { .. } => "MissingFieldError",
        Error::InvalidUtf8 { .. } => "InvalidUtf8Error",
        Error::InvalidSpan { .. } => "InvalidSpanError",
        Error::InconsistentJson { .. } => "InconsistentJsonError",
    }
}

/// The exception for `e`, its message being `message`.
pub(crate) fn error_with_message(e: &Error, message: String) -> PyErr {
    match e {
        Error::InputTooLarge { .. } => InputTooLargeError::new_err(message),
        Error::InvalidDate { .. } => InvalidDateError::new_err(message),
        Error::InvalidJson { .. } => InvalidJsonError::new_err(message),
        Error::MissingField { .. } => MissingFieldError::new_err(message),
        Error::InvalidUtf8 { .. } => InvalidUtf8Error::new_err(message),
        Error::InvalidSpan { .. } => InvalidSpanError::new_err(message),
        Error::InconsistentJson { .. } => InconsistentJsonError::new_err(message),
    }
}

/// The exception for `e`, with the error's own message.
pub(crate) fn to_pyerr(e: &Error) -> PyErr {
    error_with_message(e, e.to_string())
}

/// Rebuilds an exception from the class name stored in a `ParseFailure`.
pub(crate) fn from_type_name(name: &str, message: String) -> PyErr {
    use pyo3::exceptions::{PyTypeError, PyUnicodeError};
    use pyo3::panic::PanicException;
    match name {
        "InputTooLargeError" => InputTooLargeError::new_err(message),
        "InvalidDateError" => InvalidDateError::new_err(message),
        "InvalidJsonError" => InvalidJsonError::new_err(message),
        "MissingFieldError" => MissingFieldError::new_err(message),
        "InvalidUtf8Error" => InvalidUtf8Error::new_err(message),
        "InvalidSpanError" => InvalidSpanError::new_err(message),
        "InconsistentJsonError" => InconsistentJsonError::new_err(message),
        "TypeError" => PyTypeError::new_err(message),
        "UnicodeError" => PyUnicodeError::new_err(message),
        "PanicException" => PanicException::new_err(message),
        _ => NewsparseError::new_err(message),
    }
}
