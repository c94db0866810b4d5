package lsp

// exit ends the session: exit code 0 after shutdown, 1 without it.
func (s *Server) exit() error {
	s.mu.Lock()
	if s.state == stateShutdown {
		s.exitCode = 0
	}
	s.mu.Unlock()
	s.exitOnce.Do(func() { close(s.exited) })
	return nil
}
