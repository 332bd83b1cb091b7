"""What leaves lardesk: exchange files, minutes and forms. Pure functions of a snapshot."""
