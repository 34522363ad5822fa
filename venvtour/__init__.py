"""venvtour: a live, step-by-step tour of how Python virtual environments really work."""

__version__ = "0.1.0"
