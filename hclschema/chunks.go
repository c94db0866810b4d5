package hclschema

// A file is parsed in chunks: runs of whole lines holding one top-level
// item (a block or an attribute, with the blank and comment lines before
// it). A chunk is parsed as if its first line were line 1's neighbour in
// the file: with its real line number but byte offsets relative to its own
// start, so an edit that does not add or remove lines leaves every other
// chunk's parse valid, and it is reused.

// span is one chunk: bytes [start, end) of the file, starting at 1-based
// line.
type span struct {
	start, end, line int
}

// splitTopLevel finds the chunks of src. It tracks strings (with ${…}
// interpolations), heredocs, comments and brackets, so it splits only
// between top-level items. An unclosed bracket makes the rest of the file
// one chunk, as the parser will read it.
func splitTopLevel(src []byte) []span {
	var (
		out        []span
		start      = 0
		line       = 1
		startLine  = 1
		depth      = 0
		content    = false // the current line has something besides blanks and comments
		modes      []byte  // 's' string, 't' template interpolation; empty: code
		tdepth     []int   // bracket depth inside each interpolation
		heredoc    []byte  // closing marker while in a heredoc
		lineBegins = true
	)
	inCode := func() bool { return len(modes) == 0 || modes[len(modes)-1] == 't' }
	for i := 0; i < len(src); i++ {
		c := src[i]
		if heredoc != nil {
			if lineBegins {
				// Does this line close the heredoc?
				j := i
				for j < len(src) && (src[j] == ' ' || src[j] == '\t') {
					j++
				}
				k := j
				for k < len(src) && src[k] != '\n' && src[k] != '\r' {
					k++
				}
				if string(trimRight(src[j:k])) == string(heredoc) {
					heredoc = nil
					content = true
					i = k - 1
					lineBegins = false
					continue
				}
			}
			lineBegins = c == '\n'
			if c == '\n' {
				line++
			}
			continue
		}
		lineBegins = false
		switch {
		case c == '\n':
			line++
			lineBegins = true
			if depth == 0 && len(modes) == 0 && content {
				out = append(out, span{start, i + 1, startLine})
				start, startLine, content = i+1, line, false
			}
		case !inCode():
			// inside a quoted string
			switch {
			case c == '\\':
				i++
			case c == '"':
				modes = modes[:len(modes)-1]
			case (c == '$' || c == '%') && i+1 < len(src) && src[i+1] == '{':
				modes = append(modes, 't')
				tdepth = append(tdepth, 0)
				i++
			}
		case c == '#' || c == '/' && i+1 < len(src) && src[i+1] == '/':
			for i < len(src) && src[i] != '\n' {
				i++
			}
			i-- // the newline is handled above
		case c == '/' && i+1 < len(src) && src[i+1] == '*':
			i += 2
			for i+1 < len(src) && !(src[i] == '*' && src[i+1] == '/') {
				if src[i] == '\n' {
					line++
				}
				i++
			}
			i++
		case c == '"':
			modes = append(modes, 's')
			content = true
		case c == '<' && i+1 < len(src) && src[i+1] == '<':
			j := i + 2
			if j < len(src) && src[j] == '-' {
				j++
			}
			k := j
			for k < len(src) && (isIdentByte(src[k])) {
				k++
			}
			if k > j && k < len(src) && (src[k] == '\n' || src[k] == '\r') {
				heredoc = append([]byte(nil), src[j:k]...)
				i = k - 1
			}
			content = true
		case c == '{' || c == '[' || c == '(':
			if len(modes) > 0 {
				tdepth[len(tdepth)-1]++
			} else {
				depth++
			}
			content = true
		case c == '}' || c == ']' || c == ')':
			if len(modes) > 0 {
				if c == '}' && tdepth[len(tdepth)-1] == 0 {
					modes, tdepth = modes[:len(modes)-1], tdepth[:len(tdepth)-1]
					continue
				}
				tdepth[len(tdepth)-1]--
			} else if depth > 0 {
				depth--
			}
			content = true
		case c != ' ' && c != '\t' && c != '\r':
			content = true
		}
	}
	if start < len(src) || len(out) == 0 {
		out = append(out, span{start, len(src), startLine})
	}
	return out
}

func isIdentByte(c byte) bool {
	return c == '_' || c == '-' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func trimRight(b []byte) []byte {
	for len(b) > 0 && (b[len(b)-1] == ' ' || b[len(b)-1] == '\t') {
		b = b[:len(b)-1]
	}
	return b
}
