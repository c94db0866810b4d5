package lsp

// shutdown stops background work; the process exits on the exit
// notification that follows.
func (s *Server) shutdown() error {
	s.mu.Lock()
	s.state = stateShutdown
	s.mu.Unlock()
	s.diags.stop()
	s.bgStop()
	return nil
}
