package devdb

import (
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"
)

// live tracks running clusters. A SIGINT/SIGTERM handler is installed
// while the set is non-empty.
var live struct {
	mu       sync.Mutex
	clusters map[*Cluster]struct{}
	sigs     chan os.Signal
	done     chan struct{}
}

// register adds c to the live set, installing the handler if needed.
func register(c *Cluster) {
	live.mu.Lock()
	defer live.mu.Unlock()
	if live.clusters == nil {
		live.clusters = make(map[*Cluster]struct{})
	}
	if len(live.clusters) == 0 {
		live.sigs = make(chan os.Signal, 1)
		live.done = make(chan struct{})
		signal.Notify(live.sigs, syscall.SIGINT, syscall.SIGTERM)
		go handleSignals(live.sigs, live.done)
	}
	live.clusters[c] = struct{}{}
}

// unregister removes c, removing the handler when no clusters are left.
func unregister(c *Cluster) {
	live.mu.Lock()
	defer live.mu.Unlock()
	if _, ok := live.clusters[c]; !ok {
		return
	}
	delete(live.clusters, c)
	if len(live.clusters) == 0 {
		signal.Stop(live.sigs)
		close(live.done)
		live.sigs, live.done = nil, nil
	}
}

// handleSignals closes all live clusters on the first signal, then
// re-raises it with the default action, so the process dies of it
// (exit status 130 for SIGINT, 143 for SIGTERM in a shell).
func handleSignals(sigs <-chan os.Signal, done <-chan struct{}) {
	var sig os.Signal
	select {
	case sig = <-sigs:
	case <-done:
		return
	}
	closeAll()
	s := sig.(syscall.Signal)
	signal.Reset(s)
	_ = syscall.Kill(os.Getpid(), s)
	time.Sleep(time.Second) // delivery is asynchronous
	os.Exit(128 + int(s))
}

// closeAll closes every live cluster concurrently.
func closeAll() {
	live.mu.Lock()
	cs := make([]*Cluster, 0, len(live.clusters))
	for c := range live.clusters {
		cs = append(cs, c)
	}
	live.mu.Unlock()
	var wg sync.WaitGroup
	for _, c := range cs {
		wg.Go(func() { _ = c.Close() })
	}
	wg.Wait()
}
