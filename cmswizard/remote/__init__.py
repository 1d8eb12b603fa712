"""Work over the network: SFTP upload to the MMP. Never imports Qt."""
