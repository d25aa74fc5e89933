//! An in-process SMTP server for the transport and outbox tests.

#![allow(clippy::unwrap_used, dead_code)]

use std::sync::{Arc, Mutex};

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

/// A minimal SMTP server: answers every command with `reply_to_data` after DATA (or 250),
/// and records each message's DATA.
pub async fn smtp_sink(reply_to_data: &'static str) -> (u16, Arc<Mutex<Vec<String>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    smtp_sink_on(listener, reply_to_data)
}

/// [`smtp_sink`] on a listener the test already holds (to bring a server up on a known port).
pub fn smtp_sink_on(
    listener: TcpListener,
    reply_to_data: &'static str,
) -> (u16, Arc<Mutex<Vec<String>>>) {
    let port = listener.local_addr().unwrap().port();
    let received = Arc::new(Mutex::new(Vec::new()));
    let store = received.clone();
    tokio::spawn(async move {
        loop {
            let Ok((socket, _)) = listener.accept().await else {
                return;
            };
            // Replies go at once, as a real relay's do (no Nagle wait for the client's ACK).
            let _ = socket.set_nodelay(true);
            let store = store.clone();
            tokio::spawn(async move {
                let (read, mut write) = socket.into_split();
                let mut lines = BufReader::new(read).lines();
                write.write_all(b"220 sink ESMTP\r\n").await.unwrap();
                while let Ok(Some(line)) = lines.next_line().await {
                    let command = line.to_uppercase();
                    if command.starts_with("EHLO") {
                        write
                            .write_all(b"250-sink\r\n250 8BITMIME\r\n")
                            .await
                            .unwrap();
                    } else if command.starts_with("DATA") {
                        write.write_all(b"354 go ahead\r\n").await.unwrap();
                        let mut data = String::new();
                        while let Ok(Some(line)) = lines.next_line().await {
                            if line == "." {
                                break;
                            }
                            data.push_str(&line);
                            data.push('\n');
                        }
                        store.lock().unwrap().push(data);
                        write.write_all(reply_to_data.as_bytes()).await.unwrap();
                    } else if command.starts_with("QUIT") {
                        let _ = write.write_all(b"221 bye\r\n").await;
                        return;
                    } else {
                        write.write_all(b"250 ok\r\n").await.unwrap();
                    }
                }
            });
        }
    });
    (port, received)
}
