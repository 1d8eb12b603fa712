"""A fleet of TLS endpoints for the probe bench: COUNT loopback ports in one process, each answering a
connection only after DELAY seconds (a node that far away), then shaking hands with the given
certificate chain; the probe sends nothing and closes (run as a process by probe_rows.py). Each
connection gets a thread of its own, so that the 50 waits overlap as 50 real nodes' would.

argv: COUNT DELAY FOLDER; endpoint N presents FOLDER/chain-N.pem with FOLDER/key-N.pem (each node its
own leaf, as in a real fleet). Prints the ports as one line of JSON once all listen, then serves until
its standard input closes."""

from __future__ import annotations

import contextlib
import json
import selectors
import socket
import ssl
import sys
import threading
import time


def main() -> None:
    count, delay = int(sys.argv[1]), float(sys.argv[2])
    contexts = []
    for number in range(count):
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(f"{sys.argv[3]}/chain-{number}.pem", f"{sys.argv[3]}/key-{number}.pem")
        contexts.append(context)

    def answer(conn: socket.socket, context: ssl.SSLContext) -> None:
        with conn, contextlib.suppress(OSError, ssl.SSLError):
            conn.settimeout(30)
            time.sleep(delay)  # the ClientHello waits in the kernel meanwhile
            with context.wrap_socket(conn, server_side=True) as tls:
                tls.recv(1)  # until the probe closes

    selector = selectors.DefaultSelector()
    ports = []
    for number in range(count):
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.bind(("127.0.0.1", 0))
        listener.listen(64)
        listener.setblocking(False)
        selector.register(listener, selectors.EVENT_READ, contexts[number])
        ports.append(listener.getsockname()[1])

    def serve() -> None:
        while True:
            for key, _ in selector.select():
                with contextlib.suppress(BlockingIOError):
                    conn, _ = key.fileobj.accept()  # type: ignore[union-attr]
                    conn.setblocking(True)
                    threading.Thread(target=answer, args=(conn, key.data), daemon=True).start()

    threading.Thread(target=serve, daemon=True).start()
    print(json.dumps(ports), flush=True)
    sys.stdin.read()  # until the bench closes our standard input


if __name__ == "__main__":
    main()
