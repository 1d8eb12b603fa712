"""Work over the network: the read-only TLS probe, SFTP upload to the MMP. Never imports Qt."""
