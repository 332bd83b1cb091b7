"""matplotlib Figure builders (never pyplot), shared by the screen, the projector and the PDF."""
