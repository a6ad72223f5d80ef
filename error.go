package sitrep

import (
	"errors"
	"fmt"
)

// Error codes. Each maps to one exit status in the CLI and one HTTP status in
// the web API (see web/ and cmd/sitrep).
const (
	EINVALID     = "invalid"     // the input is malformed: bad UTF-8, binary, empty, bad date, bad JSON
	ETOOLARGE    = "too_large"   // the input exceeds a configured size limit
	ENOTFOUND    = "not_found"   // the thing asked for does not exist
	ECONFLICT    = "conflict"    // the operation conflicts with the store's state
	EINTERNAL    = "internal"    // a bug or an unexpected failure
	EUNAVAILABLE = "unavailable" // a remote resource could not be reached
)

// Error is an error a user sees: a code, the input it concerns, and a message
// that names the problem. Wrapped errors keep their cause for errors.Is/As.
type Error struct {
	Code    string
	Input   string // the file, URL, line or id concerned; "" when none
	Message string
	Err     error
}

func (e *Error) Error() string {
	msg := e.Message
	if msg == "" && e.Err != nil {
		msg = e.Err.Error()
	}
	if e.Input != "" {
		return fmt.Sprintf("%s: %s", e.Input, msg)
	}
	return msg
}

func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an *Error with the given code and input.
func Errorf(code, input, format string, args ...any) *Error {
	return &Error{Code: code, Input: input, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, EINTERNAL
// for any other non-nil error, and "" for nil.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}
