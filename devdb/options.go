package devdb

import "time"

// Option configures [Start].
type Option func(*config)

type config struct {
	binDir       string
	tempParent   string
	cacheDir     string
	locale       string
	startTimeout time.Duration
	settings     [][2]string
}

func defaultConfig() config {
	return config{
		locale:       "C",
		cacheDir:     defaultCacheDir(),
		startTimeout: 60 * time.Second,
	}
}

// WithBinDir uses the server binaries in dir instead of discovering them
// with [FindBinDir].
func WithBinDir(dir string) Option {
	return func(c *config) { c.binDir = dir }
}

// WithTempDir creates the cluster's directory under parent instead of
// [os.TempDir]. The socket path (parent, a random name and
// "/.s.PGSQL.<port>") must fit in about 100 bytes.
func WithTempDir(parent string) Option {
	return func(c *config) { c.tempParent = parent }
}

// WithLocale sets the initdb locale (default "C"), e.g. "C.UTF-8".
// The locale must be installed on the machine.
func WithLocale(locale string) Option {
	return func(c *config) { c.locale = locale }
}

// WithStartTimeout bounds initdb plus server start (default 60s), in
// addition to the context given to [Start].
func WithStartTimeout(d time.Duration) Option {
	return func(c *config) { c.startTimeout = d }
}

// WithSetting passes "-c name=value" to the server, after the built-in
// settings, so it can override them.
func WithSetting(name, value string) Option {
	return func(c *config) { c.settings = append(c.settings, [2]string{name, value}) }
}

// WithCacheDir sets where a copy of initdb's output is kept, so later
// starts copy it instead of running initdb (much faster). The default is
// schema-ls/devdb under [os.UserCacheDir]; "" disables the cache. Entries
// are keyed by binary directory, binary size and mtime, and locale; the
// directory may be deleted at any time.
func WithCacheDir(dir string) Option {
	return func(c *config) { c.cacheDir = dir }
}
