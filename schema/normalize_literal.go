package schema

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// PostgreSQL stores a string literal default of a column as the value of
// the column's type, and prints it in that type's output form: DEFAULT
// '2 hours' on an interval column reads back as '02:00:00'::interval,
// DEFAULT 'yes' on a boolean column as true. canonicalLiteral spells the
// common literals in that form, without a database, where the rules are
// exact; anything else is left as written (a change found where there is
// none is better than a change missed).

// canonicalLiteral returns the value of string literal v of type t as
// PostgreSQL prints it back (with its default DateStyle ISO and
// IntervalStyle postgres), and its kind (ExprBool for booleans); ok is
// false when it does not know the form.
func canonicalLiteral(v string, t Type) (out string, kind ExprKind, ok bool) {
	if t.UserKind != "" || t.Raw != "" || t.Array > 0 {
		return "", 0, false
	}
	kind = ExprString
	switch t.Name {
	case "boolean":
		out, ok = boolText(v)
		kind = ExprBool
	case "date":
		out, ok = dateText(v)
	case "timestamp without time zone":
		out, ok = timestampText(v)
	case "time without time zone":
		out, ok = timeText(v)
	case "interval":
		out, ok = intervalText(v, len(t.Args) > 0)
	case "jsonb":
		out, ok = jsonbText(v)
	}
	return out, kind, ok
}

// pgSpace is what PostgreSQL's input functions trim (isspace in C).
const pgSpace = " \t\n\v\f\r"

// ParseBool reads a boolean as PostgreSQL does (boolin, and parse_bool
// for options): a prefix of true, false, yes or no, on, of or off, 1 or
// 0, in any case, blanks around; ok is false for anything else.
func ParseBool(v string) (value, ok bool) {
	t, ok := boolText(v)
	return t == "true", ok
}

// boolText is ParseBool's answer as SQL writes it, "true" or "false".
func boolText(v string) (string, bool) {
	s := strings.Trim(v, pgSpace)
	for _, r := range s {
		if r >= utf8.RuneSelf {
			return "", false
		}
	}
	s = strings.ToLower(s)
	switch {
	case s == "":
		return "", false
	case s == "1" || s == "on" || strings.HasPrefix("true", s) || strings.HasPrefix("yes", s):
		return "true", true
	case s == "0" || s == "of" || s == "off" || strings.HasPrefix("false", s) || strings.HasPrefix("no", s):
		return "false", true
	}
	return "", false
}

var (
	dateRe = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})$`)
	timeRe = regexp.MustCompile(`^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?$`)
)

// dateText reads an ISO date, y-m-d with a four-digit year, whatever the
// DateStyle, and prints it padded: 2020-1-2 is 2020-01-02.
func dateText(v string) (string, bool) {
	m := dateRe.FindStringSubmatch(strings.Trim(v, pgSpace))
	if m == nil {
		return "", false
	}
	y, mo, d := atoi(m[1]), atoi(m[2]), atoi(m[3])
	if y < 1 || mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) {
		return "", false
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, mo, d), true
}

// timeText reads h:mm[:ss[.frac]] and prints hh:mm:ss[.frac], the
// fraction without trailing zeros; 24:00:00 is a time of its own.
func timeText(v string) (string, bool) {
	m := timeRe.FindStringSubmatch(strings.Trim(v, pgSpace))
	if m == nil {
		return "", false
	}
	h, mi, s := atoi(m[1]), atoi(m[2]), atoi(m[3])
	frac := strings.TrimRight(m[4], "0")
	if mi > 59 || s > 59 || h > 24 || h == 24 && (mi != 0 || s != 0 || frac != "") {
		return "", false
	}
	return fmt.Sprintf("%02d:%02d:%02d", h, mi, s) + dotted(frac), true
}

// timestampText reads an ISO date, alone or followed by a time after a
// space or T, and prints "yyyy-mm-dd hh:mm:ss[.frac]" (the time of a date
// alone is midnight). Hour 24, which rolls to the next day, is left alone.
func timestampText(v string) (string, bool) {
	s := strings.Trim(v, pgSpace)
	date, clock := s, "0:00"
	if i := strings.IndexAny(s, " T"); i >= 0 {
		date, clock = s[:i], s[i+1:]
	}
	d, ok1 := dateText(date)
	t, ok2 := timeText(clock)
	if !ok1 || !ok2 || strings.HasPrefix(t, "24") {
		return "", false
	}
	return d + " " + t, true
}

// ivField is a field of an interval's input; each may be given once.
type ivField int

const (
	ivYear ivField = iota
	ivMonth
	ivWeek
	ivDay
	ivHour
	ivMinute
	ivSecond
)

// ivUnits are the unit words of interval input (PostgreSQL's deltatktbl)
// for the fields canonicalLiteral reads.
var ivUnits = map[string]ivField{
	"y": ivYear, "yr": ivYear, "yrs": ivYear, "year": ivYear, "years": ivYear,
	"mon": ivMonth, "mons": ivMonth, "month": ivMonth, "months": ivMonth,
	"w": ivWeek, "week": ivWeek, "weeks": ivWeek,
	"d": ivDay, "day": ivDay, "days": ivDay,
	"h": ivHour, "hr": ivHour, "hrs": ivHour, "hour": ivHour, "hours": ivHour,
	"m": ivMinute, "min": ivMinute, "mins": ivMinute, "minute": ivMinute, "minutes": ivMinute,
	"s": ivSecond, "sec": ivSecond, "secs": ivSecond, "second": ivSecond, "seconds": ivSecond,
}

var (
	ivNumberRe = regexp.MustCompile(`^[+-]?\d{1,9}(?:\.(\d{1,6}))?$`)
	ivTimeRe   = regexp.MustCompile(`^([+-]?)(\d{1,9}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?$`)
)

// intervalText reads an interval written as "N unit" pairs (whole
// numbers, but for seconds) and at most one [-]h:mm[:ss[.frac]], each
// field once, and prints it as IntervalStyle postgres does: years and
// months from the months, then days, then the time, each sign its own
// ("1 year 2 mons 3 days 04:05:06", "-1 days +02:00:00", "00:00:00").
// rounded says the type has a precision, which rounds fractions: then
// fractions of a second are left alone.
func intervalText(v string, rounded bool) (string, bool) {
	var months, days, micros int64
	var seen [ivSecond + 1]bool
	use := func(fs ...ivField) bool {
		for _, f := range fs {
			if seen[f] {
				return false
			}
			seen[f] = true
		}
		return true
	}
	words := strings.Fields(v)
	if len(words) == 0 {
		return "", false
	}
	for i := 0; i < len(words); i++ {
		if m := ivTimeRe.FindStringSubmatch(words[i]); m != nil {
			mi, s := int64(atoi(m[3])), int64(atoi(m[4]))
			if mi > 59 || s > 59 || !use(ivHour, ivMinute, ivSecond) {
				return "", false
			}
			t := (int64(atoi(m[2]))*3600+mi*60+s)*1e6 + fracMicros(m[5])
			if m[1] == "-" {
				t = -t
			}
			micros += t
			continue
		}
		m := ivNumberRe.FindStringSubmatch(words[i])
		if m == nil || i+1 == len(words) {
			return "", false
		}
		f, ok := ivUnits[strings.ToLower(words[i+1])]
		if !ok || m[1] != "" && f != ivSecond || !use(f) {
			return "", false
		}
		i++
		whole, _, _ := strings.Cut(m[0], ".")
		n, _ := strconv.ParseInt(strings.TrimPrefix(whole, "+"), 10, 64)
		switch f {
		case ivYear:
			months += n * 12
		case ivMonth:
			months += n
		case ivWeek:
			days += n * 7
		case ivDay:
			days += n
		case ivHour:
			micros += n * 3600e6
		case ivMinute:
			micros += n * 60e6
		case ivSecond:
			frac := fracMicros(m[1])
			if strings.HasPrefix(whole, "-") {
				frac = -frac
			}
			micros += n*1e6 + frac
		}
	}
	const maxInt32 = 1<<31 - 1
	if months > maxInt32 || months < -maxInt32 || days > maxInt32 || days < -maxInt32 || rounded && micros%1e6 != 0 {
		return "", false
	}
	var parts []string
	zero, before := true, false // as EncodeInterval's is_zero and is_before
	add := func(n int64, unit string) {
		if n == 0 {
			return
		}
		sign, plural := "", "s"
		if before && n > 0 {
			sign = "+"
		}
		if n == 1 {
			plural = ""
		}
		parts = append(parts, fmt.Sprintf("%s%d %s%s", sign, n, unit, plural))
		zero, before = false, n < 0
	}
	add(months/12, "year")
	add(months%12, "mon")
	add(days, "day")
	if zero || micros != 0 {
		sign, abs := "", micros
		switch {
		case micros < 0:
			sign, abs = "-", -micros
		case before:
			sign = "+"
		}
		frac := strings.TrimRight(fmt.Sprintf("%06d", abs%1e6), "0")
		parts = append(parts, fmt.Sprintf("%s%02d:%02d:%02d", sign, abs/3600e6, abs/60e6%60, abs/1e6%60)+dotted(frac))
	}
	return strings.Join(parts, " "), true
}

// fracMicros reads up to six digits after a decimal point as
// microseconds.
func fracMicros(digits string) int64 {
	if digits == "" {
		return 0
	}
	n, _ := strconv.ParseInt((digits + "000000")[:6], 10, 64)
	return n
}

// dotted is a fraction's digits after a point, or "" for none.
func dotted(frac string) string {
	if frac == "" {
		return ""
	}
	return "." + frac
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// daysIn is the number of days of month m of year y (proleptic
// Gregorian, as PostgreSQL counts).
func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// jsonbText prints JSON as jsonb does: keys of an object in jsonb's order
// (shorter first, then bytewise), the last of duplicate keys kept, ", "
// and ": " between items. It reads only strings without escapes and
// numbers without exponents (which jsonb prints as written, but -0 as 0).
func jsonbText(v string) (string, bool) {
	if !utf8.ValidString(v) {
		return "", false
	}
	p := &jsonReader{s: v}
	out, ok := p.value()
	p.blank()
	return out, ok && p.i == len(p.s)
}

type jsonReader struct {
	s string
	i int
}

var jsonNumberRe = regexp.MustCompile(`^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?`)

func (p *jsonReader) blank() {
	for p.i < len(p.s) && strings.IndexByte(" \t\n\r", p.s[p.i]) >= 0 {
		p.i++
	}
}

// eat skips blanks and then c, reporting whether c was there.
func (p *jsonReader) eat(c byte) bool {
	p.blank()
	if p.i < len(p.s) && p.s[p.i] == c {
		p.i++
		return true
	}
	return false
}

func (p *jsonReader) value() (string, bool) {
	p.blank()
	if p.i >= len(p.s) {
		return "", false
	}
	rest := p.s[p.i:]
	switch c := rest[0]; {
	case c == '{':
		return p.object()
	case c == '[':
		p.i++
		var items []string
		for !p.eat(']') {
			if len(items) > 0 && !p.eat(',') {
				return "", false
			}
			item, ok := p.value()
			if !ok {
				return "", false
			}
			items = append(items, item)
		}
		return "[" + strings.Join(items, ", ") + "]", true
	case c == '"':
		return p.str()
	case c == '-' || c >= '0' && c <= '9':
		num := jsonNumberRe.FindString(rest)
		if num == "" || len(rest) > len(num) && strings.IndexByte("eE.", rest[len(num)]) >= 0 {
			return "", false
		}
		p.i += len(num)
		if strings.Trim(num, "-0.") == "" {
			num = strings.TrimPrefix(num, "-")
		}
		return num, true
	}
	for _, w := range []string{"true", "false", "null"} {
		if strings.HasPrefix(rest, w) {
			p.i += len(w)
			return w, true
		}
	}
	return "", false
}

// object reads an object, from its {.
func (p *jsonReader) object() (string, bool) {
	p.i++
	type member struct{ key, value string }
	var members []member
	for !p.eat('}') {
		if len(members) > 0 && !p.eat(',') {
			return "", false
		}
		p.blank()
		key, ok := p.str()
		if !ok || !p.eat(':') {
			return "", false
		}
		val, ok := p.value()
		if !ok {
			return "", false
		}
		members = slices.DeleteFunc(members, func(m member) bool { return m.key == key })
		members = append(members, member{key, val})
	}
	slices.SortFunc(members, func(a, b member) int {
		if len(a.key) != len(b.key) {
			return len(a.key) - len(b.key)
		}
		return strings.Compare(a.key, b.key)
	})
	parts := make([]string, len(members))
	for i, m := range members {
		parts[i] = m.key + ": " + m.value
	}
	return "{" + strings.Join(parts, ", ") + "}", true
}

// str reads a string without escapes or control characters, and returns
// it quoted as it was.
func (p *jsonReader) str() (string, bool) {
	if p.i >= len(p.s) || p.s[p.i] != '"' {
		return "", false
	}
	for j := p.i + 1; j < len(p.s); j++ {
		switch c := p.s[j]; {
		case c == '"':
			out := p.s[p.i : j+1]
			p.i = j + 1
			return out, true
		case c == '\\' || c < 0x20:
			return "", false
		}
	}
	return "", false
}
