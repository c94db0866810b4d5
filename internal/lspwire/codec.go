// Package lspwire holds what both ends of an LSP connection built on
// go.lsp.dev/jsonrpc2 need: the payload codec and the stream constructor.
package lspwire

import (
	"io"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
)

// Codec marshals payloads with the protocol package's union-aware
// Marshal/Unmarshal (its own codec is unexported); a connection built by
// hand needs it for union types such as TextDocumentContentChangeEvent.
type Codec struct{}

// Marshal implements jsonrpc2.Codec; raw messages pass through.
func (Codec) Marshal(v any) ([]byte, error) {
	if raw, ok := v.(jsonrpc2.RawMessage); ok {
		if raw == nil {
			return []byte("null"), nil
		}
		return raw, nil
	}
	return protocol.Marshal(v)
}

// Unmarshal implements jsonrpc2.Codec; raw messages are copied.
func (Codec) Unmarshal(data []byte, v any) error {
	if p, ok := v.(*jsonrpc2.RawMessage); ok {
		*p = append(jsonrpc2.RawMessage(nil), data...)
		return nil
	}
	return protocol.Unmarshal(data, v)
}

// NewConn makes an LSP connection (Content-Length framing) over rwc.
func NewConn(rwc io.ReadWriteCloser) jsonrpc2.Conn {
	return jsonrpc2.NewConn(jsonrpc2.NewHeaderStream(rwc), jsonrpc2.WithCodec(Codec{}))
}
