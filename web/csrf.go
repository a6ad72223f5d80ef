package web

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"net/http"

	sitrep "github.com/sitrep-news/sitrep"
)

// Forms carry a hidden token that must equal a cookie only this site can
// set (the double-submit pattern), on top of the Sec-Fetch-Site/Origin
// check of http.CrossOriginProtection in front of every POST route.

const csrfCookie = "sitrep_csrf"

var errCSRF = &sitrep.Error{Code: "forbidden", Message: "the form's security token is missing or stale: reload the page and submit again"}

// csrfToken returns the request's token, setting a new cookie when it has
// none.
func (s *Server) csrfToken(w http.ResponseWriter, r *http.Request) string {
	if c, err := r.Cookie(csrfCookie); err == nil && len(c.Value) >= 32 {
		return c.Value
	}
	b := make([]byte, 32)
	rand.Read(b)
	tok := base64.RawURLEncoding.EncodeToString(b)
	http.SetCookie(w, &http.Cookie{Name: csrfCookie, Value: tok, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode})
	return tok
}

// checkCSRF reports whether the submitted form's token matches the cookie.
func (s *Server) checkCSRF(r *http.Request) bool {
	c, err := r.Cookie(csrfCookie)
	if err != nil || len(c.Value) < 32 {
		return false
	}
	return subtle.ConstantTimeCompare([]byte(c.Value), []byte(r.FormValue("csrf_token"))) == 1
}
