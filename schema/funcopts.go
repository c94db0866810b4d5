package schema

import (
	"slices"
	"strings"
)

// normalizeOptions clears COST and ROWS that are PostgreSQL's defaults and
// puts SET clauses in their stored form, sorted by name.
func (f *Func) normalizeOptions() {
	if f.Kind == Aggregate || f.Kind == Procedure {
		f.Cost = 0 // neither takes COST
	}
	def := 100.0
	if f.Lang == "C" || f.Lang == "INTERNAL" {
		def = 1
	}
	if f.Cost == def {
		f.Cost = 0
	}
	if !f.ReturnSet && len(f.ReturnTable) == 0 || f.Rows == 1000 {
		f.Rows = 0
	}
	for i := range f.Config {
		c := &f.Config[i]
		c.Name = ConfigName(c.Name)
		c.Value = NormalizeConfigValue(c.Name, c.Value)
	}
	slices.SortStableFunc(f.Config, func(a, b FuncConfig) int { return strings.Compare(a.Name, b.Name) })
}

// configNames are the configuration parameters whose names are not lower
// case: PostgreSQL stores a parameter by its own spelling.
var configNames = map[string]string{"datestyle": "DateStyle", "intervalstyle": "IntervalStyle", "timezone": "TimeZone"}

// ConfigName is the name PostgreSQL stores a configuration parameter by.
func ConfigName(name string) string {
	name = strings.ToLower(name)
	if c, ok := configNames[name]; ok {
		return c
	}
	return name
}

// IsListConfig reports whether a parameter's value is a list of names
// that PostgreSQL stores as quoted identifiers (GUC_LIST_QUOTE).
func IsListConfig(name string) bool {
	switch strings.ToLower(name) {
	case "search_path", "temp_tablespaces", "local_preload_libraries", "session_preload_libraries", "shared_preload_libraries":
		return true
	}
	return false
}

// NormalizeConfigValue writes the value of a list parameter as
// PostgreSQL stores it: names quoted as needed, joined by ", ". An
// unquoted name is folded to lower case, as search_path reads it.
// Other values, and lists that do not parse, are kept as they are.
func NormalizeConfigValue(name, value string) string {
	if !IsListConfig(name) {
		return value
	}
	items, ok := SplitConfigList(value)
	if !ok {
		return value
	}
	for i, it := range items {
		items[i] = quoteIdent(it)
	}
	return strings.Join(items, ", ")
}

// SplitConfigList splits a list parameter's value into its names:
// "$user", public gives $user and public. Unquoted names are folded to
// lower case; ok is false when the value is not such a list.
func SplitConfigList(value string) (items []string, ok bool) {
	s := strings.TrimSpace(value)
	if s == "" {
		return nil, true
	}
	for {
		var item string
		if strings.HasPrefix(s, `"`) {
			end := 1
			for ; end < len(s); end++ {
				if s[end] == '"' {
					if end+1 < len(s) && s[end+1] == '"' {
						end++
						continue
					}
					break
				}
			}
			if end >= len(s) || end == 1 {
				return nil, false
			}
			item, s = strings.ReplaceAll(s[1:end], `""`, `"`), s[end+1:]
		} else {
			end := strings.IndexAny(s, ", \t\n")
			if end < 0 {
				end = len(s)
			}
			if end == 0 {
				return nil, false
			}
			item, s = strings.ToLower(s[:end]), s[end:]
		}
		items = append(items, item)
		s = strings.TrimSpace(s)
		if s == "" {
			return items, true
		}
		if s[0] != ',' {
			return nil, false
		}
		s = strings.TrimSpace(s[1:])
	}
}
